/**
 * Where "the first event at or after time T" can be, without scanning the recording. Recordings
 * may be out of order, so that event is the first whose time reaches T, i.e. the first seq where the
 * running maximum of times reaches T. The running maximum only grows, so it can be searched by
 * halves: kept per chunk of events, filled as the chunks are read anyway (the whole-recording
 * analysis reads them all, in order), the search narrows T to one chunk.
 */
import { READ_CHUNK } from '../../../engine/debug/event-reader';

/** The replay's read size, so the chunks the runners read are the chunks counted here. */
export const TIME_CHUNK = READ_CHUNK;

/** The seq range [from, to) that holds the answer (the whole rest of the recording past what is known). */
export interface TimeRange {
  from: number;
  to: number;
}

export class ChunkTimeIndex {
  /** Largest time per chunk; NaN while the chunk has not been read. */
  private readonly maxTs: Float64Array;
  /** Running maximum per chunk, valid for the first `known` chunks (all read). */
  private readonly running: Float64Array;
  private known = 0;

  constructor(readonly count: number) {
    const chunks = Math.ceil(count / TIME_CHUNK);
    this.maxTs = new Float64Array(chunks).fill(Number.NaN);
    this.running = new Float64Array(chunks);
  }

  get complete(): boolean {
    return this.known === this.maxTs.length;
  }

  /** Notes the times of a read of events [from, from + times.length); only whole chunks count. */
  record(from: number, times: ArrayLike<number>): void {
    if (from % TIME_CHUNK !== 0 || times.length !== Math.min(TIME_CHUNK, this.count - from)) return;
    const c = from / TIME_CHUNK;
    if (!Number.isNaN(this.maxTs[c])) return;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < times.length; i++) if (times[i] > max) max = times[i];
    this.maxTs[c] = max;
    while (this.known < this.maxTs.length && !Number.isNaN(this.maxTs[this.known])) {
      const before = this.known > 0 ? this.running[this.known - 1] : Number.NEGATIVE_INFINITY;
      this.running[this.known] = Math.max(before, this.maxTs[this.known]);
      this.known++;
    }
  }

  /**
   * Where the first event whose time is at or after `ts` is: one chunk when the chunks read so far
   * reach `ts`, else everything after them; null when the whole recording is known and none does.
   */
  locate(ts: number): TimeRange | null {
    let lo = 0;
    let hi = this.known;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.running[mid] >= ts) hi = mid;
      else lo = mid + 1;
    }
    if (lo < this.known) return { from: lo * TIME_CHUNK, to: Math.min(this.count, (lo + 1) * TIME_CHUNK) };
    return this.complete ? null : { from: this.known * TIME_CHUNK, to: this.count };
  }
}
