/**
 * Where "the first event at or after time T" can be, without scanning the recording. Recordings
 * may be out of order, so that event is the first whose time reaches T, i.e. the first seq where the
 * running maximum of times reaches T. The running maximum only grows, so it can be searched by
 * halves: kept per chunk of events, filled as the chunks are read anyway (the whole-recording
 * analysis reads them all, in order), the search narrows T to one chunk.
 */
export const TIME_CHUNK = 1024;

export class ChunkTimeIndex {
  /** Largest time per chunk; NaN while the chunk has not been read. */
  private readonly maxTs: Float64Array;
  private missing: number;
  /** Running maximum per chunk, built once every chunk is known. */
  private running: Float64Array | null = null;

  constructor(readonly count: number) {
    const chunks = Math.ceil(count / TIME_CHUNK);
    this.maxTs = new Float64Array(chunks).fill(Number.NaN);
    this.missing = chunks;
  }

  get complete(): boolean {
    return this.missing === 0;
  }

  /** Notes the times of a read of events [from, from + times.length); only whole chunks count. */
  record(from: number, times: readonly number[]): void {
    if (from % TIME_CHUNK !== 0 || times.length !== Math.min(TIME_CHUNK, this.count - from)) return;
    const c = from / TIME_CHUNK;
    if (!Number.isNaN(this.maxTs[c])) return;
    let max = Number.NEGATIVE_INFINITY;
    for (const t of times) if (t > max) max = t;
    this.maxTs[c] = max;
    this.missing--;
  }

  /**
   * The chunk holding the first event whose time is at or after `ts`: a [from, to) seq range,
   * null when no event reaches `ts`, undefined while chunks are still unread.
   */
  chunkReaching(ts: number): { from: number; to: number } | null | undefined {
    if (!this.complete) return undefined;
    const run = this.runningMax();
    let lo = 0;
    let hi = run.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (run[mid] >= ts) hi = mid;
      else lo = mid + 1;
    }
    return lo === run.length ? null : { from: lo * TIME_CHUNK, to: Math.min(this.count, (lo + 1) * TIME_CHUNK) };
  }

  private runningMax(): Float64Array {
    if (this.running === null) {
      this.running = new Float64Array(this.maxTs.length);
      let max = Number.NEGATIVE_INFINITY;
      this.maxTs.forEach((t, i) => {
        max = Math.max(max, t);
        (this.running as Float64Array)[i] = max;
      });
    }
    return this.running;
  }
}
