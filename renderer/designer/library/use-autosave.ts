/**
 * Autosave: a dirty working copy is saved through patterns.save shortly after the last edit. The back
 * end records a new version only when the semantic hash changed, so moves save the layout silently.
 */
import { useEffect } from 'react';
import { CepError, type CepApi } from '../../../electron/contract';
import { isDirty, serializedOf, useDocumentStore } from '../../state/document-store';
import { useLibraryStore } from '../../state/library-store';
import { useCanvasSession } from '../canvas/canvas-bridge';

export const AUTOSAVE_DELAY_MS = 700;

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

export function useAutosave(api: CepApi): void {
  useEffect(() => {
    let timer: number | undefined;
    let inFlight = false;

    const saveNow = async (): Promise<void> => {
      const { patternId, document } = useDocumentStore.getState();
      if (!patternId || !document || !isDirty(useDocumentStore.getState())) return;
      if (inFlight) {
        schedule();
        return;
      }
      inFlight = true;
      const text = serializedOf(document);
      const renamed = nameEditedSinceSave(document.name, useDocumentStore.getState().savedSerialized);
      useCanvasSession.getState().setSave({ kind: 'saving' });
      try {
        await api.patterns.save({ id: patternId, document });
        // Mark what was sent: edits made during the request stay dirty and save next.
        if (useDocumentStore.getState().patternId === patternId) useDocumentStore.getState().markSaved(text);
        useCanvasSession.getState().setSave({ kind: 'saved' });
        if (
          renamed &&
          useLibraryStore.getState().patterns.find((p) => p.id === patternId)?.name !== renamed
        ) {
          // A name typed in the inspector renames the pattern in the library as well.
          await api.patterns.rename({ id: patternId, name: renamed });
          await useLibraryStore.getState().refresh(api);
        }
      } catch (err) {
        const error = CepError.from(err);
        useCanvasSession.getState().setSave({ kind: 'error', message: error.message });
      } finally {
        inFlight = false;
      }
      if (isDirty(useDocumentStore.getState())) schedule();
    };

    function schedule(): void {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
    }

    const unsubscribe = useDocumentStore.subscribe((s, prev) => {
      if (s.document !== prev.document && isDirty(s)) schedule();
    });
    // Leaving the page with pending edits: try once more right away.
    const flush = () => void saveNow();
    window.addEventListener('beforeunload', flush);
    return () => {
      unsubscribe();
      window.removeEventListener('beforeunload', flush);
      window.clearTimeout(timer);
    };
  }, [api]);
}
