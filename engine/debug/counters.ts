/**
 * Per-stage counters over the whole run so far, for the canvas. Kept as plain numbers so a
 * checkpoint can copy them; `active` is not stored but read from the live state when reporting.
 */
import type { RunBranched, RunDiscarded } from '../nfa/observer';
import type { MatcherOutput } from '../nfa/matcher-types';
import type { CepMatcher } from '../nfa/matcher';
import { generalView } from '../nfa/run-view';
import type { DiscardKind, StageCounter } from './types';
import type { ReplayPattern } from './replay-pattern';

export interface StageCounts {
  entered: number;
  taken: number;
  ignored: number;
  timedOut: number;
  discarded: number;
  matched: number;
}

export interface CounterState {
  stages: Record<string, StageCounts>;
  matches: number;
  timeouts: number;
  late: number;
}

export function emptyCounters(pattern: ReplayPattern): CounterState {
  const stages: Record<string, StageCounts> = {};
  for (const s of pattern.stages)
    stages[s.stage] = { entered: 0, taken: 0, ignored: 0, timedOut: 0, discarded: 0, matched: 0 };
  return { stages, matches: 0, timeouts: 0, late: 0 };
}

export function copyCounters(c: CounterState): CounterState {
  const stages: Record<string, StageCounts> = {};
  for (const [k, v] of Object.entries(c.stages)) stages[k] = { ...v };
  return { stages, matches: c.matches, timeouts: c.timeouts, late: c.late };
}

/** The start run keeps id 0 for the life of a key (it is reused, never re-created). */
export const START_RUN_ID = 0;

/**
 * Stages a branch "entered": the begin stage when the start state took its first event, and the
 * stage it now waits in when the take moved it on to a new stage.
 */
export function enteredStages(pattern: ReplayPattern, b: RunBranched): string[] {
  if (b.via !== 'take') return [];
  const out: string[] = [];
  if (b.parentRunId === START_RUN_ID) out.push(b.stage);
  const target = pattern.stateByName.get(b.state);
  if (target !== undefined && target.kind !== 'final' && target.kind !== 'stop' && target.stage !== b.stage)
    out.push(target.stage);
  return out;
}

export function countBranch(pattern: ReplayPattern, c: CounterState, b: RunBranched): void {
  const bound = c.stages[b.stage];
  if (b.via === 'take' && bound) bound.taken++;
  else if (b.via === 'ignore' && bound) bound.ignored++;
  for (const stage of enteredStages(pattern, b)) {
    const s = c.stages[stage];
    if (s) s.entered++;
  }
}

export function countDiscard(
  pattern: ReplayPattern,
  c: CounterState,
  d: RunDiscarded,
  kind: DiscardKind,
): void {
  const stage = pattern.stateByName.get(d.state)?.stage;
  const s = stage === undefined ? undefined : c.stages[stage];
  if (!s) return;
  if (kind === 'window') s.timedOut++;
  else s.discarded++;
}

export function countOutputs(c: CounterState, outputs: readonly MatcherOutput[]): void {
  for (const o of outputs) {
    if (o.kind === 'match') {
      c.matches++;
      for (const st of o.match.stages) {
        const s = c.stages[st.stage];
        if (s) s.matched++;
      }
    } else if (o.kind === 'timeout') c.timeouts++;
    else if (o.kind === 'late') c.late++;
  }
}

/** Live partial matches per stage across all keys (held completed matches excluded). */
export function activeByStage(pattern: ReplayPattern, matcher: CepMatcher): Map<string, number> {
  const out = new Map<string, number>();
  const states = pattern.nfa.states;
  for (const ks of matcher.keys.values()) {
    for (const run of generalView(pattern.nfa, ks).partial) {
      if (run.startFid < 0) continue;
      const stage = states[run.state]?.stage ?? '';
      out.set(stage, (out.get(stage) ?? 0) + 1);
    }
  }
  return out;
}

export function counterViews(pattern: ReplayPattern, c: CounterState, matcher: CepMatcher): StageCounter[] {
  const active = activeByStage(pattern, matcher);
  return pattern.stages.map((s) => {
    const n = c.stages[s.stage] ?? {
      entered: 0,
      taken: 0,
      ignored: 0,
      timedOut: 0,
      discarded: 0,
      matched: 0,
    };
    return {
      stage: s.stage,
      ...(s.nodeId ? { nodeId: s.nodeId } : {}),
      active: active.get(s.stage) ?? 0,
      ...n,
    };
  });
}
