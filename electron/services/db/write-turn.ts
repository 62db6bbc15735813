/**
 * SQLite's write lock is not a fair queue: a writer waiting in its busy handler polls, and an
 * import that commits a chunk and begins the next at once could keep it out indefinitely. So the
 * writers of this process say when they are waiting (a counter in shared memory, visible to the
 * import worker thread), and an import gives way between its chunks while anyone waits.
 */
export interface WriteTurn {
  /** The shared counter, handed to worker threads (workerData) so they see the same one. */
  readonly buffer: SharedArrayBuffer;
  /** Marks one writer as waiting; the returned function ends the wait (safe to call twice). */
  wait(): () => void;
  /** How many writers wait now. */
  waiting(): number;
}

export function createWriteTurn(buffer: SharedArrayBuffer = new SharedArrayBuffer(4)): WriteTurn {
  const counter = new Int32Array(buffer);
  return {
    buffer,
    wait() {
      Atomics.add(counter, 0, 1);
      let done = false;
      return () => {
        if (done) return;
        done = true;
        Atomics.sub(counter, 0, 1);
      };
    },
    waiting: () => Atomics.load(counter, 0),
  };
}

/** The one counter of this process: the database guard marks waits on it; import workers get its buffer. */
export const processWriteTurn: WriteTurn = createWriteTurn();

/** Longest an import pauses for waiting writers in one gap: waiting writers cannot stall it for good. */
export const MAX_GIVE_WAY_MS = 2000;

/** Resolves once nobody waits for the write lock (polled every few ms), or after MAX_GIVE_WAY_MS. */
export async function giveWay(turn: WriteTurn, maxMs = MAX_GIVE_WAY_MS): Promise<void> {
  const start = Date.now();
  // Always let the event loop turn once, so messages (a cancel) are seen between chunks.
  await new Promise<void>((resolve) => setImmediate(resolve));
  while (turn.waiting() > 0 && Date.now() - start < maxMs) {
    await new Promise<void>((resolve) => setTimeout(resolve, 5));
  }
}
