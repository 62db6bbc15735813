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

export function writeDraft(patternId: string, text: string, base: string | null): void {
  try {
    localStorage.setItem(PREFIX + patternId, JSON.stringify({ text, base, at: new Date().toISOString() }));
  } catch {
    // Storage full or blocked: the edit still lives in memory and autosave keeps trying.
  }
}

export function readDraft(patternId: string): Draft | null {
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
  try {
    localStorage.removeItem(PREFIX + patternId);
  } catch {
    // Nothing to do: a stale draft equal to the stored text is ignored when read.
  }
}
