/**
 * The shared buffer: partial matches share their common prefixes as a tree of nodes, each node one
 * (stage, event) binding with a pointer to the binding before it. Nodes are reference counted
 * (runs pointing at them plus child nodes); a node whose count drops to zero is unlinked at once,
 * so memory follows the live partial matches and no event list is ever copied per run.
 */
import type { EventRecord } from '../pattern/spec';
import type { EventRef, Match, MatchStage } from './types';

export interface BufferNode {
  readonly stage: string;
  readonly event: EventRecord;
  readonly ts: number;
  /** Our event identity. */
  readonly seq: number;
  /** Flink's per-timestamp EventId counter; (ts, fid) orders partial matches. */
  readonly fid: number;
  parent: BufferNode | null;
  refs: number;
  /** Memoized folds over the path ending here, as [id, value, id, value, …] (see foldPath). */
  memo: unknown[] | null;
}

export interface BufferStats {
  liveNodes: number;
}

export function putNode(
  stats: BufferStats,
  stage: string,
  event: EventRecord,
  ts: number,
  seq: number,
  fid: number,
  parent: BufferNode | null,
): BufferNode {
  if (parent !== null) parent.refs++;
  stats.liveNodes++;
  return { stage, event, ts, seq, fid, parent, refs: 0, memo: null };
}

export function lockNode(node: BufferNode | null): void {
  if (node !== null) node.refs++;
}

export function releaseNode(stats: BufferStats, node: BufferNode | null): void {
  let n = node;
  while (n !== null) {
    n.refs--;
    if (n.refs > 0) return;
    const parent = n.parent;
    n.parent = null;
    stats.liveNodes--;
    n = parent;
  }
}

/**
 * The bindings of a run, oldest first. Filled from the end at its known length: pushes grew the
 * array step by step and `reverse` was a builtin call per path (one per match).
 */
export function pathOf(node: BufferNode | null): BufferNode[] {
  let depth = 0;
  for (let n = node; n !== null; n = n.parent) depth++;
  const path = new Array<BufferNode>(depth);
  let i = depth;
  for (let n = node; n !== null; n = n.parent) path[--i] = n;
  return path;
}

export function eventRefOf(n: BufferNode): EventRef {
  return { seq: n.seq, timestamp: n.ts, event: n.event };
}

/** Stages in order of first binding, events in arrival order: Flink's match map. */
export function matchOf(path: readonly BufferNode[]): Match {
  const stages: MatchStage[] = [];
  // Index loops: the array iterators here were not inlined (one builtin call per element).
  for (let i = 0; i < path.length; i++) {
    const n = path[i];
    let entry: MatchStage | undefined;
    for (let k = 0; k < stages.length; k++) if (stages[k].stage === n.stage) entry = stages[k];
    if (entry === undefined) {
      entry = { stage: n.stage, events: [] };
      stages.push(entry);
    }
    entry.events.push(eventRefOf(n));
  }
  return { stages };
}

const chain: BufferNode[] = [];

/** Index of the value memoized under `id` at this node, or -1. */
function memoIndex(m: unknown[] | null, id: object): number {
  if (m !== null) for (let i = 0; i < m.length; i += 2) if (m[i] === id) return i + 1;
  return -1;
}

/**
 * Left fold of `step` over the events bound to `stage` on the path ending at `node`, oldest first.
 * Each node remembers the fold up to itself, so a partial match extended by one event folds one
 * event, not its whole path.
 */
export function foldPath<T>(
  node: BufferNode | null,
  stage: string,
  id: object,
  init: T,
  step: (acc: T, event: EventRecord) => T,
): T {
  let acc = init;
  let depth = 0;
  for (let n = node; n !== null; n = n.parent) {
    const at = memoIndex(n.memo, id);
    if (at >= 0) {
      acc = (n.memo as unknown[])[at] as T;
      break;
    }
    chain[depth++] = n;
  }
  for (let i = depth - 1; i >= 0; i--) {
    const n = chain[i];
    if (n.stage === stage) acc = step(acc, n.event);
    if (n.memo === null) n.memo = [id, acc];
    else n.memo.push(id, acc);
  }
  return acc;
}
