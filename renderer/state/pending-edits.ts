/**
 * Edits typed but not yet written to the document store (a condition editor writes each key after
 * the frame that shows it). Anything that acts on the document from outside that editor (a shortcut
 * chord such as Ctrl+S or Ctrl+Z, leaving the page) flushes them first, so it sees every key.
 */
const flushers = new Set<() => void>();

/** Registers a pending writer's flush; returns the unregistration. */
export function registerPendingEdits(flush: () => void): () => void {
  flushers.add(flush);
  return () => {
    flushers.delete(flush);
  };
}

export function flushPendingEdits(): void {
  for (const flush of [...flushers]) flush();
}
