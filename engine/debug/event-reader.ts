/** Sequential and random access to an EventSource through one cached chunk. */
import type { EventSource, ReplayEvent } from './types';

export const READ_CHUNK = 1024;

export class EventReader {
  private chunkStart = -1;
  private chunk: ReplayEvent[] = [];

  constructor(readonly source: EventSource) {}

  at(seq: number): ReplayEvent {
    if (seq < this.chunkStart || seq >= this.chunkStart + this.chunk.length || this.chunkStart < 0) {
      const start = seq - (seq % READ_CHUNK);
      this.chunk = this.source.read(start, Math.min(this.source.count, start + READ_CHUNK));
      this.chunkStart = start;
    }
    const e = this.chunk[seq - this.chunkStart];
    if (e === undefined || e.seq !== seq) throw new Error(`event #${seq} is missing from the recording (events must be numbered 0, 1, 2, … without gaps)`);
    return e;
  }
}
