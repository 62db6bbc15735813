/** Long work in a worker runs in chunks, yielding between them so cancel messages get through. */
export const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface JobControl {
  /** True once the job was cancelled: stop at the next chunk. */
  readonly cancelled: boolean;
  progress(done: number, total: number): void;
}

/** Calls `step` until it returns true (done) or the job is cancelled; false when cancelled. */
export async function runInChunks(
  step: () => boolean,
  control: JobControl,
  where: () => [number, number],
): Promise<boolean> {
  // Progress when work starts and ends too, so even a one-chunk job is seen running (not when there is none).
  const report = (): void => {
    const [done, total] = where();
    if (total > 0) control.progress(done, total);
  };
  report();
  for (;;) {
    const finished = step();
    report();
    if (finished) return true;
    await tick();
    if (control.cancelled) return false;
  }
}
