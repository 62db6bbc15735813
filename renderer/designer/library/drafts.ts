/**
 * Drafts: the working copy of a pattern whose edits are not stored yet (a half-typed quantifier the
 * back end would refuse, or edits made just before the window closed). They live in localStorage per
 * pattern, so a reload or a switch to another pattern never drops an edit; opening the pattern again
 * restores them.
 */
const PREFIX = 'cepheus.draft.';

export interface Draft {
  /** serializeDocument of the working copy. */
  text: string;
  /** The stored text the draft was made from (to tell a stale draft from one still ahead). */
  base: string | null;
  at: string;
}

/** Drafts to write when the page is next idle, by pattern: the newest only. */
const soon = new Map<string, () => { text: string; base: string | null }>();
let cancelIdle: (() => void) | null = null;

/** Runs `work` when the page is next idle; returns how to cancel it. */
function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(work, 0);
  return () => clearTimeout(timer);
}

/** An idle page writes the draft soon after an edit; a busy one within this. */
const IDLE_TIMEOUT_MS = 500;

/** Writes every draft waiting for an idle moment, now. */
export function flushDrafts(): void {
  cancelIdle?.();
  cancelIdle = null;
  const due = [...soon];
  soon.clear();
  for (const [patternId, read] of due) {
    const { text, base } = read();
    writeDraft(patternId, text, base);
  }
}

/**
 * Keeps a draft when the page is next idle rather than in the task of the edit (JSON and localStorage
 * cost more than the edit itself). `read` is called then, so only the newest state is written. Leaving the page writes it at once (pagehide, beforeunload,
 * hidden), so a reload never loses it.
 */
export function writeDraftSoon(patternId: string, read: () => { text: string; base: string | null }): void {
  soon.set(patternId, read);
  cancelIdle ??= whenIdle(flushDrafts);
}

if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', flushDrafts);
  window.addEventListener('beforeunload', flushDrafts);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushDrafts();
  });
}

export function writeDraft(patternId: string, text: string, base: string | null): void {
  try {
    localStorage.setItem(PREFIX + patternId, JSON.stringify({ text, base, at: new Date().toISOString() }));
  } catch {
    // Storage full or blocked: the edit still lives in memory and autosave keeps trying.
  }
}

export function readDraft(patternId: string): Draft | null {
  if (soon.has(patternId)) flushDrafts();
  try {
    const raw = localStorage.getItem(PREFIX + patternId);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Draft>;
    return typeof value.text === 'string'
      ? {
          text: value.text,
          base: typeof value.base === 'string' ? value.base : null,
          at: String(value.at ?? ''),
        }
      : null;
  } catch {
    return null;
  }
}

export function clearDraft(patternId: string): void {
  // A draft waiting for an idle moment is older than this: it must not come back.
  soon.delete(patternId);
  try {
    localStorage.removeItem(PREFIX + patternId);
  } catch {
    // Nothing to do: a stale draft equal to the stored text is ignored when read.
  }
}
