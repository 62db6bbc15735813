/**
 * Sequential and random access to an EventSource through a few cached chunks. More than one: a
 * step back restores a checkpoint in an earlier chunk and replays into the current one, and a
 * single chunk re-read (and re-decoded) 1,024 events on every such move.
 */
import { eventLabel } from './event-label';
import type { EventSource, ReplayEvent } from './types';

export const READ_CHUNK = 1024;
/** Chunks kept, least recently used dropped first. */
export const CACHED_CHUNKS = 8;

export class EventReader {
  private chunkStart = -1;
  private chunk: ReplayEvent[] = [];
  private readonly cache = new Map<number, ReplayEvent[]>();

  constructor(
    readonly source: EventSource,
    private readonly chunks = CACHED_CHUNKS,
  ) {}

  at(seq: number): ReplayEvent {
    if (seq < this.chunkStart || seq >= this.chunkStart + this.chunk.length || this.chunkStart < 0)
      this.load(seq - (seq % READ_CHUNK));
    const e = this.chunk[seq - this.chunkStart];
    if (e === undefined || e.seq !== seq)
      throw new Error(
        `event ${eventLabel(seq)} is missing from the recording (stored events are numbered without gaps: seq 0, 1, 2, …)`,
      );
    return e;
  }

  private load(start: number): void {
    let chunk = this.cache.get(start);
    if (chunk === undefined) {
      chunk = this.source.read(start, Math.min(this.source.count, start + READ_CHUNK));
      if (this.cache.size >= this.chunks) this.cache.delete(this.cache.keys().next().value as number);
    } else this.cache.delete(start);
    this.cache.set(start, chunk);
    this.chunk = chunk;
    this.chunkStart = start;
  }
}
