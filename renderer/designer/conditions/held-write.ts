/**
 * The newest text a condition editor has not written to the document store yet. The editor sets it
 * per key; it is written when typing pauses (registerTypingWriter in settled-document.ts), on a
 * shortcut chord, on blur and when the page is left (`flush`), so nothing typed is lost.
 */
export interface HeldWrite<T> {
  set(value: T): void;
  /** Writes a pending value at once, if any (never twice). */
  flush(): void;
  /** Drops a pending value (the editor's text was replaced from the store). */
  cancel(): void;
}

export function heldWrite<T>(write: (value: T) => void): HeldWrite<T> {
  let pending: { value: T } | null = null;
  return {
    set(value) {
      pending = { value };
    },
    flush() {
      const p = pending;
      pending = null;
      if (p) write(p.value);
    },
    cancel() {
      pending = null;
    },
  };
}
