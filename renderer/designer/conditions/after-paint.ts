/**
 * Runs work just after the next frame is painted. A keystroke in a condition editor paints its own
 * text first; writing it to the document store (canvas card, inspector, autosave, validation) waits
 * for the frame after, so the key's frame carries only the editor's own work.
 */

/** Fallback when no frame comes (a hidden page gets no animation frames). */
const NO_FRAME_MS = 100;

export function afterPaint(work: () => void): () => void {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(fallback);
    work();
  };
  // A message posted from the frame callback is delivered after that frame's paint (rAF runs before it).
  const frame = requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = run;
    channel.port2.postMessage(null);
  });
  const fallback = setTimeout(run, NO_FRAME_MS);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(fallback);
  };
}

/**
 * The newest value to write after paint: keys typed within one frame become one write. `flush`
 * writes a pending value at once (blur, unmount, leaving the page), so nothing typed is lost.
 */
export interface DeferredWrite<T> {
  set(value: T): void;
  flush(): void;
  /** Drops a pending value (the editor's text was replaced from the store). */
  cancel(): void;
}

export function deferredWrite<T>(write: (value: T) => void): DeferredWrite<T> {
  let pending: { value: T } | null = null;
  let cancelFrame: (() => void) | null = null;
  const flush = (): void => {
    cancelFrame?.();
    cancelFrame = null;
    const p = pending;
    pending = null;
    if (p) write(p.value);
  };
  return {
    set(value) {
      pending = { value };
      cancelFrame ??= afterPaint(flush);
    },
    flush,
    cancel() {
      cancelFrame?.();
      cancelFrame = null;
      pending = null;
    },
  };
}
