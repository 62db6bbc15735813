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

/** A FIFO of timers sorted by (ts, order): appended only at or after its tail's timestamp. */
interface Lane<K> {
  ts: number[];
  order: number[];
  owner: K[];
  head: number;
  len: number;
}

/** Lane 0 takes the timers of buffered events, lane 1 the window timers (ts + within). */
export type TimerLane = 0 | 1;

const compareEntries = <K>(a: TimerEntry<K>, b: TimerEntry<K>): number =>
  a.ts !== b.ts ? (a.ts < b.ts ? -1 : 1) : a.order - b.order;
const COMPACT_AT = 4096;

function newLane<K>(): Lane<K> {
  return { ts: [], order: [], owner: [], head: 0, len: 0 };
}

export class TimerQueue<K> {
  private readonly lanes: [Lane<K>, Lane<K>] = [newLane(), newLane()];
  private heap: TimerEntry<K>[] = [];
  /** Timestamp of the timer the last pollDue returned. */
  polledTs = 0;

  add(ts: number, order: number, owner: K, lane: TimerLane): void {
    const l = this.lanes[lane];
    // Orders only grow, so a timestamp at or after the tail keeps the lane sorted.
    if (l.head === l.len || ts >= l.ts[l.len - 1]) {
      const i = l.len++;
      if (i === l.ts.length) {
        l.ts.push(ts);
        l.order.push(order);
        l.owner.push(owner);
      } else {
        l.ts[i] = ts;
        l.order[i] = order;
        l.owner[i] = owner;
      }
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
    if (a.head < a.len && a.ts[a.head] <= bestTs) {
      best = 0;
      bestTs = a.ts[a.head];
      bestOrder = a.order[a.head];
    }
    if (
      b.head < b.len &&
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
    const owner = l.owner[l.head];
    this.polledTs = bestTs;
    l.head++;
    if (l.head === l.len) l.head = l.len = 0;
    else if (l.head >= COMPACT_AT && l.head * 2 >= l.len) compact(l);
    return owner;
  }

  /** Every pending timer, in no particular order (snapshots sort them). */
  entries(): TimerEntry<K>[] {
    const out: TimerEntry<K>[] = [];
    for (const l of this.lanes)
      for (let i = l.head; i < l.len; i++) out.push({ ts: l.ts[i], order: l.order[i], owner: l.owner[i] });
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

function compact<K>(l: Lane<K>): void {
  const n = l.len - l.head;
  l.ts.copyWithin(0, l.head, l.len);
  l.order.copyWithin(0, l.head, l.len);
  l.owner.copyWithin(0, l.head, l.len);
  l.ts.length = n;
  l.order.length = n;
  l.owner.length = n;
  l.head = 0;
  l.len = n;
}
