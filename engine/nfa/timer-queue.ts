/**
 * The operator's event-time timers, popped in (timestamp, registration order). Streams that arrive
 * in order register timers in order, so most timers go to a FIFO lane (O(1) add and poll, no
 * allocation); a timer that would break a lane's order falls back to a binary heap. Polling takes
 * the smallest head of the lanes and the heap, so the order is exactly that of one heap.
 */
import { heapOffer, heapPoll } from './java-heap';

export interface TimerEntry<K> {
  ts: number;
  order: number;
  owner: K;
}

/**
 * A FIFO of timers sorted by (ts, order): appended only at or after its tail's timestamp. A ring
 * (capacity a power of two, doubled when full): polling never shifts the entries left behind,
 * where an array lane was compacted by copying (window timers wait an hour: ~125 k entries).
 */
interface Lane<K> {
  ts: Float64Array;
  order: Float64Array;
  owner: (K | null)[];
  head: number;
  len: number;
  mask: number;
}

/** Lane 0 takes the timers of buffered events, lane 1 the window timers (ts + within). */
export type TimerLane = 0 | 1;

const compareEntries = <K>(a: TimerEntry<K>, b: TimerEntry<K>): number =>
  a.ts !== b.ts ? (a.ts < b.ts ? -1 : 1) : a.order - b.order;
const LANE_INITIAL = 16;

function newLane<K>(): Lane<K> {
  return ringOf<K>(LANE_INITIAL);
}

function ringOf<K>(cap: number): Lane<K> {
  const owner: (K | null)[] = [];
  for (let i = 0; i < cap; i++) owner.push(null);
  return { ts: new Float64Array(cap), order: new Float64Array(cap), owner, head: 0, len: 0, mask: cap - 1 };
}

/** A ring twice as large holding the same entries, from slot 0. */
function grown<K>(l: Lane<K>): Lane<K> {
  const g = ringOf<K>(l.ts.length * 2);
  for (let i = 0; i < l.len; i++) {
    const j = (l.head + i) & l.mask;
    g.ts[i] = l.ts[j];
    g.order[i] = l.order[j];
    g.owner[i] = l.owner[j];
  }
  g.len = l.len;
  return g;
}

export class TimerQueue<K> {
  private readonly lanes: [Lane<K>, Lane<K>] = [newLane(), newLane()];
  private heap: TimerEntry<K>[] = [];
  /** Timestamp of the timer the last pollDue returned. */
  polledTs = 0;

  add(ts: number, order: number, owner: K, lane: TimerLane): void {
    let l = this.lanes[lane];
    // Orders only grow, so a timestamp at or after the tail keeps the lane sorted.
    if (l.len === 0 || ts >= l.ts[(l.head + l.len - 1) & l.mask]) {
      if (l.len === l.ts.length) l = this.lanes[lane] = grown(l);
      const i = (l.head + l.len++) & l.mask;
      l.ts[i] = ts;
      l.order[i] = order;
      l.owner[i] = owner;
      return;
    }
    heapOffer(this.heap, { ts, order, owner }, compareEntries);
  }

  /** Removes and returns the owner of the earliest timer with ts ≤ limit (its ts in polledTs), or null. */
  pollDue(limit: number): K | null {
    const a = this.lanes[0];
    const b = this.lanes[1];
    let best = -1; // 0, 1: a lane; 2: the heap
    let bestTs = limit;
    let bestOrder = 0;
    if (a.len > 0 && a.ts[a.head] <= bestTs) {
      best = 0;
      bestTs = a.ts[a.head];
      bestOrder = a.order[a.head];
    }
    if (
      b.len > 0 &&
      (b.ts[b.head] < bestTs || (b.ts[b.head] === bestTs && (best < 0 || b.order[b.head] < bestOrder)))
    ) {
      best = 1;
      bestTs = b.ts[b.head];
      bestOrder = b.order[b.head];
    }
    const h = this.heap[0];
    if (h !== undefined && (h.ts < bestTs || (h.ts === bestTs && (best < 0 || h.order < bestOrder)))) {
      heapPoll(this.heap, compareEntries);
      this.polledTs = h.ts;
      return h.owner;
    }
    if (best < 0) return null;
    const l = best === 0 ? a : b;
    const owner = l.owner[l.head] as K;
    l.owner[l.head] = null;
    this.polledTs = bestTs;
    l.head = (l.head + 1) & l.mask;
    l.len--;
    return owner;
  }

  /** Every pending timer, in no particular order (snapshots sort them). */
  entries(): TimerEntry<K>[] {
    const out: TimerEntry<K>[] = [];
    for (const l of this.lanes)
      for (let k = 0; k < l.len; k++) {
        const i = (l.head + k) & l.mask;
        out.push({ ts: l.ts[i], order: l.order[i], owner: l.owner[i] as K });
      }
    for (const e of this.heap) out.push({ ts: e.ts, order: e.order, owner: e.owner });
    return out;
  }

  /** Replaces the content (restore): a sorted array is a valid heap. */
  load(entries: readonly TimerEntry<K>[]): void {
    this.lanes[0] = newLane();
    this.lanes[1] = newLane();
    this.heap = [...entries].sort(compareEntries);
  }
}
