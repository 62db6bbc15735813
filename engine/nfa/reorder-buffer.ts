/**
 * The matcher's one reorder stage (event time): events above the watermark wait here, in a binary
 * heap ordered by (timestamp, arrival), and come out in that order as the watermark passes them.
 * One structure for all keys replaces a buffer and a timer per key and event; out-of-orderness is
 * bounded in practice, so the heap stays small.
 *
 * An entry's key, event and owner are written once, into a slot of their own columns, and cleared
 * when it leaves; the heap itself holds only numbers (slot, timestamp, arrival) in typed arrays. A
 * sift then moves three numbers per level instead of five fields, three of them references (each a
 * write barrier): the pops of risk-control's four buffers were ~10 % of its engine time.
 */
import type { EventRecord } from '../pattern/spec';

/** Slots of a fresh buffer; arrays up to SHRINK_ABOVE slots are kept whatever the buffer holds. */
const INITIAL = 64;
const SHRINK_ABOVE = 512;
const EMPTY: EventRecord = Object.freeze({});

export class ReorderBuffer<K> {
  /** By heap position: the entry's slot, timestamp and arrival. */
  private heapSlot = new Int32Array(INITIAL);
  private heapTs = new Float64Array(INITIAL);
  private heapSeq = new Float64Array(INITIAL);
  /** By slot. */
  private key: string[] = [];
  private event: EventRecord[] = [];
  private owner: (K | null)[] = [];
  /** Free slots, a stack. */
  private free = new Int32Array(INITIAL);
  private nFree = 0;
  private n = 0;

  /** The entry the last pop() removed. */
  outTs = 0;
  outSeq = 0;
  outKey = '';
  outEvent: EventRecord = {};
  outOwner: K | null = null;

  constructor() {
    this.reset(INITIAL);
  }

  get size(): number {
    return this.n;
  }

  /** Slots held (the space it takes), whatever waits. */
  get capacity(): number {
    return this.heapSlot.length;
  }

  /** Whether an entry waits with a timestamp at or below `ts`. */
  hasDue(ts: number): boolean {
    return this.n > 0 && this.heapTs[0] <= ts;
  }

  /** The smallest waiting timestamp (call only when size > 0). */
  minTs(): number {
    return this.heapTs[0];
  }

  /** Adds an event; `owner` is the key state it keeps alive, or null for an event that starts nothing. */
  push(ts: number, seq: number, key: string, event: EventRecord, owner: K | null): void {
    if (this.nFree === 0) this.grow();
    const slot = this.free[--this.nFree];
    this.key[slot] = key;
    this.event[slot] = event;
    this.owner[slot] = owner;
    const hs = this.heapSlot;
    const ht = this.heapTs;
    const hq = this.heapSeq;
    let k = this.n++;
    while (k > 0) {
      const p = (k - 1) >>> 1;
      const pts = ht[p];
      if (pts < ts || (pts === ts && hq[p] < seq)) break;
      hs[k] = hs[p];
      ht[k] = pts;
      hq[k] = hq[p];
      k = p;
    }
    hs[k] = slot;
    ht[k] = ts;
    hq[k] = seq;
  }

  /** Removes the first entry into the out* fields. Call only when size > 0. */
  pop(): void {
    const hs = this.heapSlot;
    const ht = this.heapTs;
    const hq = this.heapSeq;
    const slot = hs[0];
    this.outTs = ht[0];
    this.outSeq = hq[0];
    this.outKey = this.key[slot];
    this.outEvent = this.event[slot];
    this.outOwner = this.owner[slot];
    // Drop references held by the freed slot, so waiting events do not outlive their release.
    this.key[slot] = '';
    this.event[slot] = EMPTY;
    this.owner[slot] = null;
    this.free[this.nFree++] = slot;
    const last = --this.n;
    if (last > 0) {
      const s = hs[last];
      const ts = ht[last];
      const seq = hq[last];
      let k = 0;
      const half = last >>> 1;
      while (k < half) {
        let c = 2 * k + 1;
        const r = c + 1;
        if (r < last && (ht[r] < ht[c] || (ht[r] === ht[c] && hq[r] < hq[c]))) c = r;
        const cts = ht[c];
        if (ts < cts || (ts === cts && seq < hq[c])) break;
        hs[k] = hs[c];
        ht[k] = cts;
        hq[k] = hq[c];
        k = c;
      }
      hs[k] = s;
      ht[k] = ts;
      hq[k] = seq;
    }
    // A burst grew the arrays; once it drained, give the space back (four matchers of risk-control
    // each held ~2,700 slots for ~130 waiting events).
    if (last < hs.length >>> 3 && hs.length > SHRINK_ABOVE) this.resize(Math.max(INITIAL, last * 2));
  }

  /** Every waiting entry, in no particular order (snapshots sort them). */
  *entries(): Generator<{ ts: number; seq: number; key: string; event: EventRecord; owner: K | null }> {
    for (let i = 0; i < this.n; i++) {
      const s = this.heapSlot[i];
      yield {
        ts: this.heapTs[i],
        seq: this.heapSeq[i],
        key: this.key[s],
        event: this.event[s],
        owner: this.owner[s],
      };
    }
  }

  /** True while event `seq` of `key` waits here. */
  has(key: string, seq: number): boolean {
    for (let i = 0; i < this.n; i++)
      if (this.heapSeq[i] === seq && this.key[this.heapSlot[i]] === key) return true;
    return false;
  }

  private grow(): void {
    this.resize(this.heapSlot.length * 2);
  }

  /** Moves the waiting entries to arrays of `cap` slots (≥ size), slot i for heap position i. */
  private resize(cap: number): void {
    const n = this.n;
    const hs = this.heapSlot;
    const key = this.key;
    const event = this.event;
    const owner = this.owner;
    const ht = this.heapTs.slice(0, n);
    const hq = this.heapSeq.slice(0, n);
    const slots = hs.slice(0, n);
    this.reset(cap);
    for (let i = 0; i < n; i++) {
      const s = slots[i];
      this.heapSlot[i] = i;
      this.heapTs[i] = ht[i];
      this.heapSeq[i] = hq[i];
      this.key[i] = key[s];
      this.event[i] = event[s];
      this.owner[i] = owner[s];
    }
    // Slots n.. are free, lowest on top.
    this.nFree = 0;
    for (let s = cap - 1; s >= n; s--) this.free[this.nFree++] = s;
  }

  /** Empty columns of `cap` slots, all free (the waiting count is left to the caller). */
  private reset(cap: number): void {
    this.heapSlot = new Int32Array(cap);
    this.heapTs = new Float64Array(cap);
    this.heapSeq = new Float64Array(cap);
    this.free = new Int32Array(cap);
    this.key = filled<string>(cap, '');
    this.event = filled(cap, EMPTY);
    this.owner = filled<K | null>(cap, null);
    this.nFree = 0;
    for (let s = cap - 1; s >= 0; s--) this.free[this.nFree++] = s;
  }
}

/** An array of `n` copies of `v`, grown by push so that it stays packed (a sized one is holey). */
function filled<T>(n: number, v: T): T[] {
  const a: T[] = [];
  for (let i = 0; i < n; i++) a.push(v);
  return a;
}
