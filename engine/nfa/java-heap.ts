/**
 * java.util.PriorityQueue's binary heap, operation for operation. Flink keeps partial and completed
 * matches in such queues and iterates them in array order, so matches with the same start event
 * come out in heap order: to reproduce Flink's tie-breaks we must build the same heap.
 */
export type Comparator<T> = (a: T, b: T) => number;

export function heapOffer<T>(es: T[], x: T, cmp: Comparator<T>): void {
  heapPushAt(es, es.length, x, cmp);
}

/**
 * Sift-up insert into a heap of `n` elements held in the first n slots of `es` (later slots are
 * stale), so a reused array need not be truncated and grown on every step; n = length appends.
 */
export function heapPushAt<T>(es: T[], n: number, x: T, cmp: Comparator<T>): void {
  let k = n;
  while (k > 0) {
    const parent = (k - 1) >>> 1;
    const e = es[parent];
    if (cmp(x, e) >= 0) break;
    es[k] = e;
    k = parent;
  }
  es[k] = x;
}

function siftDown<T>(es: T[], start: number, x: T, n: number, cmp: Comparator<T>): void {
  let k = start;
  const half = n >>> 1;
  while (k < half) {
    let child = 2 * k + 1;
    let c = es[child];
    const right = child + 1;
    if (right < n && cmp(c, es[right]) > 0) c = es[(child = right)];
    if (cmp(x, c) <= 0) break;
    es[k] = c;
    k = child;
  }
  es[k] = x;
}

export function heapPoll<T>(es: T[], cmp: Comparator<T>): T | undefined {
  if (es.length === 0) return undefined;
  const result = es[0];
  const x = es.pop() as T;
  const n = es.length;
  if (n > 0) siftDown(es, 0, x, n, cmp);
  return result;
}

/** PriorityQueue.removeIf/removeAll: survivors keep array order, then the heap is rebuilt. */
export function heapRemoveIf<T>(
  es: T[],
  pred: (x: T) => boolean,
  cmp: Comparator<T>,
  onRemove?: (x: T) => void,
): boolean {
  let w = 0;
  let removed = false;
  for (let i = 0; i < es.length; i++) {
    const x = es[i];
    if (pred(x)) {
      removed = true;
      onRemove?.(x);
    } else es[w++] = x;
  }
  if (!removed) return false;
  es.length = w;
  for (let i = (w >>> 1) - 1; i >= 0; i--) siftDown(es, i, es[i], w, cmp);
  return true;
}
