/**
 * Where the counting representation (counting.ts) keeps its entries: one set of columns for all the
 * keys of a matcher (timestamp, EventId counter and seq in typed arrays, the event in a plain array),
 * cut into blocks of 1, 2, 4, … entries, one block per key with live runs. An accepted event writes
 * one entry in place (no per-key arrays copied per event, as the exact-size lists were), a key's
 * numbers cost 24 bytes per entry outside the collected heap, and nothing an hour old is promoted by
 * the scavenger. A key whose runs all ended gives its block back to a free list of its size.
 */
import type { EventRecord } from '../pattern/spec';

/** Entries of a new store (it doubles when full). */
const INITIAL = 64;

export class CountStore {
  ts: Float64Array = new Float64Array(INITIAL);
  fid: Float64Array = new Float64Array(INITIAL);
  seq: Float64Array = new Float64Array(INITIAL);
  /** The event of each entry; undefined in a free slot, so released events are not kept alive. */
  events: (EventRecord | undefined)[] = [];
  /** log2 of the capacity of the block starting at an index (read only at a block's start). */
  private sizeClass: Uint8Array = new Uint8Array(INITIAL);
  /** Entries handed out so far (blocks are cut from here when no free block of a size waits). */
  private top = 0;
  /** Free block starts, by size class. */
  private readonly free: number[][] = [];

  /** Entries a block can hold. */
  capacity(at: number): number {
    return 1 << this.sizeClass[at];
  }

  /** A block of 2^cls entries; returns its start. */
  alloc(cls: number): number {
    const list = this.free[cls];
    if (list !== undefined && list.length > 0) return list.pop() as number;
    const at = this.top;
    const end = at + (1 << cls);
    if (end > this.ts.length) this.growTo(end);
    this.top = end;
    this.sizeClass[at] = cls;
    return at;
  }

  /** Gives a block back; its first `used` entries' events are forgotten. */
  release(at: number, used: number): void {
    const events = this.events;
    for (let i = at; i < at + used; i++) events[i] = undefined;
    const cls = this.sizeClass[at];
    (this.free[cls] ??= []).push(at);
  }

  /** Moves a full block of `len` entries to one twice its size; returns the new start. */
  grow(at: number, len: number): number {
    const to = this.alloc(this.sizeClass[at] + 1);
    // Loops, not copyWithin: blocks hold a few entries, and each copyWithin is a call into C++.
    const { ts, fid, seq, events } = this;
    for (let i = 0; i < len; i++) {
      ts[to + i] = ts[at + i];
      fid[to + i] = fid[at + i];
      seq[to + i] = seq[at + i];
      events[to + i] = events[at + i];
    }
    this.release(at, len);
    return to;
  }

  /** Drops the first k of a block's len entries (0 < k < len), keeping the rest at its start. */
  dropFirst(at: number, k: number, len: number): void {
    const { ts, fid, seq, events } = this;
    for (let i = at; i < at + len - k; i++) {
      ts[i] = ts[i + k];
      fid[i] = fid[i + k];
      seq[i] = seq[i + k];
      events[i] = events[i + k];
    }
    for (let i = at + len - k; i < at + len; i++) events[i] = undefined;
  }

  set(i: number, ts: number, fid: number, seq: number, event: EventRecord): void {
    this.ts[i] = ts;
    this.fid[i] = fid;
    this.seq[i] = seq;
    const events = this.events;
    // Filled in order, so the array stays packed.
    if (i < events.length) events[i] = event;
    else {
      while (events.length < i) events.push(undefined);
      events.push(event);
    }
  }

  private growTo(end: number): void {
    let n = this.ts.length * 2;
    while (n < end) n *= 2;
    const widen = (a: Float64Array): Float64Array => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    this.ts = widen(this.ts);
    this.fid = widen(this.fid);
    this.seq = widen(this.seq);
    const sc = new Uint8Array(n);
    sc.set(this.sizeClass);
    this.sizeClass = sc;
  }
}
