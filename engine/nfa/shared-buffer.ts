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
}

export interface BufferStats {
  liveNodes: number;
}

export function putNode(stats: BufferStats, stage: string, event: EventRecord, ts: number, seq: number, fid: number, parent: BufferNode | null): BufferNode {
  if (parent !== null) parent.refs++;
  stats.liveNodes++;
  return { stage, event, ts, seq, fid, parent, refs: 0 };
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

/** The bindings of a run, oldest first. */
export function pathOf(node: BufferNode | null): BufferNode[] {
  const path: BufferNode[] = [];
  for (let n = node; n !== null; n = n.parent) path.push(n);
  return path.reverse();
}

export function eventRefOf(n: BufferNode): EventRef {
  return { seq: n.seq, timestamp: n.ts, event: n.event };
}

/** Stages in order of first binding, events in arrival order: Flink's match map. */
export function matchOf(path: readonly BufferNode[]): Match {
  const stages: MatchStage[] = [];
  for (const n of path) {
    let entry: MatchStage | undefined;
    for (const s of stages) if (s.stage === n.stage) entry = s;
    if (entry === undefined) {
      entry = { stage: n.stage, events: [] };
      stages.push(entry);
    }
    entry.events.push(eventRefOf(n));
  }
  return { stages };
}
