/**
 * Saving the open pattern. Autosave keeps the working copy shortly after each edit (no version); an
 * explicit save (Ctrl+S, or the history panel's "Save version") and a long enough pause in editing
 * record a version when the pattern differs from the newest one. A working copy the format refuses
 * (a half-typed quantifier) is never sent: it stays a draft (see drafts.ts), the indicator says what
 * is missing in plain words, and the edit is kept across reloads.
 */
import { CepError, type CepApi } from '../../../electron/contract';
import { loadDocument } from '../../../engine/format/load';
import type { PatternDocument } from '../../../engine/format/schema';
import { inWords } from '../../../engine/problems';
import { isDirty, serializedOf, useDocumentStore } from '../../state/document-store';
import { useLibraryStore } from '../../state/library-store';
import { documentViewsHeld } from '../../state/settled-document';
import { useUiStore } from '../../state/ui-store';
import { useCanvasSession } from '../canvas/canvas-bridge';
import { clearDraft, writeDraftSoon } from './drafts';
import { formatCheckSkippingConditionText } from './format-check';

export const AUTOSAVE_DELAY_MS = 700;
/** Editing stopped this long with changes since the newest version: that pause makes a version. */
export const VERSION_PAUSE_MS = 120_000;

/** The pause, unless localStorage `cepheus.versionPauseMs` sets another (power users, tests). */
function versionPauseMs(): number {
  try {
    const own = Number(localStorage.getItem('cepheus.versionPauseMs'));
    return Number.isFinite(own) && own > 0 ? own : VERSION_PAUSE_MS;
  } catch {
    return VERSION_PAUSE_MS;
  }
}

/** Why a working copy cannot be stored yet, in words; null when it can. */
export function unsavableReason(doc: PatternDocument): string | null {
  const loaded = loadDocument(doc);
  if (loaded.ok) return null;
  const first = loaded.diagnostics.find((d) => d.severity === 'error');
  return first ? inWords(first, doc).message : 'The pattern is not complete yet.';
}

/** The document's new name when it differs from the last saved one (and is usable as a pattern name). */
export function nameEditedSinceSave(name: string, savedSerialized: string | null): string | null {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 200 || savedSerialized === null) return null;
  try {
    const saved = JSON.parse(savedSerialized) as { name?: unknown };
    return saved.name === name ? null : trimmed;
  } catch {
    return null;
  }
}

export interface VersionOutcome {
  /** The version number now newest, when the save went through. */
  version: number | null;
  created: boolean;
  /** What went wrong, in words. */
  problem?: string;
}

export interface Saver {
  /** Saves the working copy now if it is dirty and storable (autosave). */
  saveWorkingCopy(): Promise<void>;
  /** Saves and records a version when the pattern differs from the newest version. */
  saveVersion(message?: string, options?: { quiet?: boolean }): Promise<VersionOutcome>;
  /**
   * The open pattern is about to be deleted: no autosave or version pause fires for it any more, and
   * a save already sent ends first (it would otherwise reach the server after the delete).
   */
  forget(patternId: string): Promise<void>;
  dispose(): void;
}

let active: Saver | null = null;

/** The saver of the designer on screen (actions and the history panel use it). */
export function activeSaver(): Saver | null {
  return active;
}

const session = () => useCanvasSession.getState();
const docState = () => useDocumentStore.getState();

export function createSaver(api: CepApi): Saver {
  let timer: number | undefined;
  let pauseTimer: number | undefined;
  let inFlight: Promise<void> | null = null;

  /** Sends one save; marks what was sent as saved (edits made meanwhile stay dirty and save next). */
  const send = async (
    createVersion: boolean,
    message?: string,
  ): Promise<{ version: number; created: boolean } | null> => {
    const { patternId, document } = docState();
    if (!patternId || !document) return null;
    const text = serializedOf(document);
    const renamed = nameEditedSinceSave(document.name, docState().savedSerialized);
    session().setSave({ kind: 'saving' });
    const result = await api.patterns.save({
      id: patternId,
      document,
      createVersion,
      ...(message ? { message } : {}),
    });
    if (docState().patternId === patternId) {
      docState().markSaved(text);
      if (!isDirty(docState())) clearDraft(patternId);
    }
    session().setSave({ kind: 'saved' });
    if (renamed && useLibraryStore.getState().patterns.find((p) => p.id === patternId)?.name !== renamed) {
      // A name typed in the inspector renames the pattern in the library as well.
      await api.patterns.rename({ id: patternId, name: renamed });
    }
    if (renamed || result.versionCreated) await useLibraryStore.getState().refresh(api);
    return { version: result.pattern.latestVersion, created: result.versionCreated };
  };

  /** Runs `fn` after any save in flight, one at a time. */
  const serial = async <T>(fn: () => Promise<T>): Promise<T> => {
    while (inFlight) await inFlight.catch(() => undefined);
    let done!: () => void;
    inFlight = new Promise<void>((resolve) => (done = resolve));
    try {
      return await fn();
    } finally {
      inFlight = null;
      done();
    }
  };

  const saveWorkingCopy = (): Promise<void> =>
    serial(async () => {
      const state = docState();
      if (!state.patternId || !state.document || !isDirty(state)) return;
      const reason = unsavableReason(state.document);
      if (reason) {
        session().setSave({ kind: 'invalid', message: reason });
        return;
      }
      try {
        await send(false);
      } catch (err) {
        session().setSave({ kind: 'error', message: CepError.from(err).message });
      }
      if (isDirty(docState())) schedule();
    });

  const saveVersion = (message?: string, options: { quiet?: boolean } = {}): Promise<VersionOutcome> =>
    serial(async () => {
      const { document } = docState();
      const notice = (kind: 'info' | 'error', text: string): void => {
        if (!options.quiet) useUiStore.getState().setNotice({ kind, text });
      };
      if (!document) return { version: null, created: false, problem: 'No pattern is open.' };
      const reason = unsavableReason(document);
      if (reason) {
        session().setSave({ kind: 'invalid', message: reason });
        notice('error', `Not saved: ${reason}`);
        return { version: null, created: false, problem: reason };
      }
      try {
        const result = await send(true, message);
        if (!result) return { version: null, created: false };
        session().setSave({ kind: 'saved', version: result.version, created: result.created });
        notice(
          'info',
          result.created
            ? `Saved version ${result.version}${message ? ` “${message}”` : ''}`
            : `Saved. No changes since version ${result.version}.`,
        );
        return { version: result.version, created: result.created };
      } catch (err) {
        const problem = CepError.from(err).message;
        session().setSave({ kind: 'error', message: problem });
        notice('error', `Save failed: ${problem}`);
        return { version: null, created: false, problem };
      }
    });

  function schedule(): void {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      // Autosave waits for typing to pause (a condition's keys reach the store about once a second
      // while typing goes on): saving meanwhile would only redraw the indicator and the library.
      if (documentViewsHeld()) schedule();
      else void saveWorkingCopy();
    }, AUTOSAVE_DELAY_MS);
  }

  function schedulePause(): void {
    window.clearTimeout(pauseTimer);
    pauseTimer = window.setTimeout(() => void saveVersion(undefined, { quiet: true }), versionPauseMs());
  }

  // Per change: a key typed in a condition cannot change the answer, so it skips the format check.
  const reasonPerChange = formatCheckSkippingConditionText(unsavableReason);
  const unsubscribe = useDocumentStore.subscribe((s, prev) => {
    if (s.patternId !== prev.patternId) {
      window.clearTimeout(pauseTimer);
      session().setSave({ kind: 'saved' });
    }
    if (s.document === prev.document || !s.patternId || !s.document) return;
    if (!isDirty(s)) {
      if (s.patternId === prev.patternId) clearDraft(s.patternId);
      // Back to what is stored (an edit undone, a name typed again): "Not saved" no longer holds.
      const shown = session().save.kind;
      if (shown === 'invalid' || shown === 'error' || shown === 'dirty') session().setSave({ kind: 'saved' });
      return;
    }
    // Every unsaved state is kept as a draft when the page is next idle (at once when it is left): a
    // reload never loses it, a crash at most what the last idle moment had not written.
    const { patternId, document, savedSerialized } = s;
    writeDraftSoon(patternId, () => ({ text: serializedOf(document), base: savedSerialized }));
    const reason = reasonPerChange(s.document);
    session().setSave(reason ? { kind: 'invalid', message: reason } : { kind: 'dirty' });
    schedule();
    if (s.patternId === prev.patternId) schedulePause();
  });

  // Leaving the page with edits not stored: try once more, and ask the browser to confirm.
  const beforeUnload = (event: BeforeUnloadEvent): void => {
    if (!isDirty(docState())) return;
    void saveWorkingCopy();
    event.preventDefault();
    // Older browsers need a returnValue to show the prompt.
    event.returnValue = '';
  };
  window.addEventListener('beforeunload', beforeUnload);

  const saver: Saver = {
    saveWorkingCopy,
    saveVersion,
    forget: async (patternId) => {
      if (docState().patternId !== patternId) return;
      window.clearTimeout(timer);
      window.clearTimeout(pauseTimer);
      while (inFlight) await inFlight.catch(() => undefined);
    },
    dispose: () => {
      unsubscribe();
      window.removeEventListener('beforeunload', beforeUnload);
      window.clearTimeout(timer);
      window.clearTimeout(pauseTimer);
      if (active === saver) active = null;
    },
  };
  active = saver;
  return saver;
}
