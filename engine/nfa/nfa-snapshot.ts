/**
 * NfaState <-> plain JSON. The shared buffer is written once: every node reachable from a run,
 * parents before children, events stored once per seq. Reference counts are rebuilt on restore.
 */
import type { EventRecord } from '../pattern/spec';
import { lastTimestamp, NO_COUNTERS, type NfaState, type PartialRun } from './runtime-state';
import { generalView } from './run-view';
import type { BufferNode } from './shared-buffer';
import type { CompiledNfa } from './types';

export interface RunSnapshot {
  id: number;
  state: string;
  node: number;
  startTs: number;
  /** The last node's timestamp (derived, not read back; kept so older readers of snapshots still find it). */
  prevTs: number;
  startFid: number;
}

export interface NodeSnapshot {
  stage: string;
  seq: number;
  ts: number;
  fid: number;
  parent: number;
}

export interface NfaStateSnapshot {
  partial: RunSnapshot[];
  completed: RunSnapshot[];
  nodes: NodeSnapshot[];
  events: { seq: number; event: EventRecord }[];
  counters: [number, number][];
  nextRunId: number;
  newStartPartialMatch: boolean;
  maxPartialMatches: number;
}

export function snapshotNfaState(nfa: CompiledNfa, st: NfaState): NfaStateSnapshot {
  const index = new Map<BufferNode, number>();
  const nodes: NodeSnapshot[] = [];
  const events = new Map<number, EventRecord>();
  const visit = (node: BufferNode | null): number => {
    if (node === null) return -1;
    const known = index.get(node);
    if (known !== undefined) return known;
    const parent = visit(node.parent);
    const i = nodes.length;
    nodes.push({ stage: node.stage, seq: node.seq, ts: node.ts, fid: node.fid, parent });
    events.set(node.seq, node.event);
    index.set(node, i);
    return i;
  };
  const run = (r: PartialRun): RunSnapshot => ({
    id: r.id,
    state: (nfa.states[r.state] as { name: string }).name,
    node: visit(r.node),
    startTs: r.startTs,
    prevTs: lastTimestamp(r),
    startFid: r.startFid,
  });
  // A compact state is written as the general runtime would hold it.
  const g = generalView(nfa, st);
  return {
    partial: g.partial.map(run),
    completed: st.completed.map(run),
    nodes,
    events: [...events].map(([seq, event]) => ({ seq, event })),
    counters: counterPairs(st.counters),
    nextRunId: g.nextRunId,
    newStartPartialMatch: st.newStartPartialMatch,
    maxPartialMatches: st.maxPartialMatches,
  };
}

export function restoreNfaState(nfa: CompiledNfa, snap: NfaStateSnapshot): NfaState | string {
  const stateIds = new Map(nfa.states.map((s) => [s.name, s.id]));
  const events = new Map(snap.events.map((e) => [e.seq, e.event]));
  const nodes: BufferNode[] = [];
  for (const n of snap.nodes) {
    const parent = n.parent >= 0 ? nodes[n.parent] : null;
    if (parent === undefined) return `snapshot node refers to an unknown parent ${n.parent}`;
    const event = events.get(n.seq);
    if (event === undefined) return `snapshot node refers to an unknown event #${n.seq + 1}`;
    if (parent !== null) parent.refs++;
    nodes.push({ stage: n.stage, event, ts: n.ts, seq: n.seq, fid: n.fid, parent, refs: 0, memo: null });
  }
  const runs = (list: RunSnapshot[]): PartialRun[] | string => {
    const out: PartialRun[] = [];
    for (const r of list) {
      const state = stateIds.get(r.state);
      if (state === undefined)
        return `snapshot state "${r.state}" does not exist in this pattern; was it compiled from the same pattern?`;
      const node = r.node >= 0 ? (nodes[r.node] ?? null) : null;
      if (node !== null) node.refs++;
      out.push({ id: r.id, state, node, startTs: r.startTs, startFid: r.startFid });
    }
    return out;
  };
  const partial = runs(snap.partial);
  if (typeof partial === 'string') return partial;
  const completed = runs(snap.completed);
  if (typeof completed === 'string') return completed;
  return {
    partial,
    completed,
    counters: snap.counters.length === 0 ? NO_COUNTERS : snap.counters.flat(),
    nextRunId: snap.nextRunId,
    newStartPartialMatch: snap.newStartPartialMatch,
    // JSON writes an unlimited cap (Infinity) as null.
    maxPartialMatches:
      typeof snap.maxPartialMatches === 'number' ? snap.maxPartialMatches : Number.POSITIVE_INFINITY,
    liveNodes: nodes.length,
    countStore: undefined,
    countAt: -1,
    countLen: -1,
    chain: undefined,
    spare: undefined,
  };
}

function counterPairs(flat: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) out.push([flat[i], flat[i + 1]]);
  return out;
}
