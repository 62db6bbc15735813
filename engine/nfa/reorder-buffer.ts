/**
 * The matcher's one reorder stage (event time): events above the watermark wait here, in a binary
 * heap ordered by (timestamp, arrival), and come out in that order as the watermark passes them.
 * One structure for all keys replaces a buffer and a timer per key and event; out-of-orderness is
 * bounded in practice, so the heap stays small. Fields live in parallel arrays: no object per event.
 */
import type { EventRecord } from '../pattern/spec';

export class ReorderBuffer<K> {
  private ts: number[] = [];
  private seq: number[] = [];
  private key: string[] = [];
  private event: EventRecord[] = [];
  private owner: (K | null)[] = [];
  private n = 0;

  /** The entry the last pop() removed. */
  outTs = 0;
  outSeq = 0;
  outKey = '';
  outEvent: EventRecord = {};
  outOwner: K | null = null;

  get size(): number {
    return this.n;
  }

  /** Whether an entry waits with a timestamp at or below `ts`. */
  hasDue(ts: number): boolean {
    return this.n > 0 && this.ts[0] <= ts;
  }

  /** The smallest waiting timestamp (call only when size > 0). */
  minTs(): number {
    return this.ts[0];
  }

  /** Adds an event; `owner` is the key state it keeps alive, or null for an event that starts nothing. */
  push(ts: number, seq: number, key: string, event: EventRecord, owner: K | null): void {
    let k = this.n++;
    while (k > 0) {
      const p = (k - 1) >>> 1;
      const pts = this.ts[p];
      if (pts < ts || (pts === ts && this.seq[p] < seq)) break;
      this.move(p, k);
      k = p;
    }
    this.set(k, ts, seq, key, event, owner);
  }

  /** Removes the first entry into the out* fields. Call only when size > 0. */
  pop(): void {
    this.outTs = this.ts[0];
    this.outSeq = this.seq[0];
    this.outKey = this.key[0];
    this.outEvent = this.event[0];
    this.outOwner = this.owner[0];
    const last = --this.n;
    if (last > 0) {
      const ts = this.ts[last];
      const seq = this.seq[last];
      const key = this.key[last];
      const event = this.event[last];
      const owner = this.owner[last];
      let k = 0;
      const half = last >>> 1;
      while (k < half) {
        let c = 2 * k + 1;
        const r = c + 1;
        if (r < last && (this.ts[r] < this.ts[c] || (this.ts[r] === this.ts[c] && this.seq[r] < this.seq[c])))
          c = r;
        const cts = this.ts[c];
        if (ts < cts || (ts === cts && seq < this.seq[c])) break;
        this.move(c, k);
        k = c;
      }
      this.set(k, ts, seq, key, event, owner);
    }
    // Drop references held by the freed slot, so waiting events do not outlive their release.
    this.event[last] = EMPTY;
    this.owner[last] = null;
    this.key[last] = '';
    // A burst grew the arrays; once it drained, give the space back (four matchers of risk-control
    // each held ~2,700 slots for ~130 waiting events).
    if (last < this.ts.length >>> 3 && this.ts.length > SHRINK_ABOVE) this.shrink(last * 2);
  }

  private shrink(length: number): void {
    this.ts.length = length;
    this.seq.length = length;
    this.key.length = length;
    this.event.length = length;
    this.owner.length = length;
  }

  /** Every waiting entry, in no particular order (snapshots sort them). */
  *entries(): Generator<{ ts: number; seq: number; key: string; event: EventRecord; owner: K | null }> {
    for (let i = 0; i < this.n; i++)
      yield {
        ts: this.ts[i],
        seq: this.seq[i],
        key: this.key[i],
        event: this.event[i],
        owner: this.owner[i],
      };
  }

  /** True while event `seq` of `key` waits here. */
  has(key: string, seq: number): boolean {
    for (let i = 0; i < this.n; i++) if (this.seq[i] === seq && this.key[i] === key) return true;
    return false;
  }

  private move(from: number, to: number): void {
    this.ts[to] = this.ts[from];
    this.seq[to] = this.seq[from];
    this.key[to] = this.key[from];
    this.event[to] = this.event[from];
    this.owner[to] = this.owner[from];
  }

  private set(i: number, ts: number, seq: number, key: string, event: EventRecord, owner: K | null): void {
    this.ts[i] = ts;
    this.seq[i] = seq;
    this.key[i] = key;
    this.event[i] = event;
    this.owner[i] = owner;
  }
}

const EMPTY: EventRecord = Object.freeze({});
/** Arrays up to this many slots are kept whatever the buffer holds. */
const SHRINK_ABOVE = 512;
