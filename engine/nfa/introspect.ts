/** Read-only views of a key's live partial matches, for the replay debugger and tooling. */
import { generalView } from './run-view';
import { lastTimestamp, type NfaState, type PartialRun } from './runtime-state';
import { matchOf, pathOf } from './shared-buffer';
import type { CompiledNfa, Match } from './types';

export interface PartialMatchInfo {
  runId: number;
  /** Internal state name (e.g. `middle:1`) and the stage it belongs to. */
  state: string;
  stage: string;
  /** True for a completed match held back by the skip strategy. */
  held: boolean;
  /** Events bound so far, per stage. */
  match: Match;
  startTimestamp: number;
  lastTimestamp: number;
  /** When advanceTime(t >= deadline) will time it out (or complete a pending notFollowedBy); absent without windows. */
  windowDeadline?: number;
}

function infoOf(nfa: CompiledNfa, run: PartialRun, held: boolean): PartialMatchInfo {
  const def = nfa.states[run.state];
  const deadlines: number[] = [];
  if (nfa.windowTime > 0) deadlines.push(run.startTs + nfa.windowTime);
  if (def?.window !== undefined && def.window > 0) deadlines.push(lastTimestamp(run) + def.window);
  const info: PartialMatchInfo = {
    runId: run.id,
    state: def?.name ?? String(run.state),
    stage: def?.stage ?? '',
    held,
    match: matchOf(pathOf(run.node)),
    startTimestamp: run.startTs,
    lastTimestamp: lastTimestamp(run),
  };
  if (deadlines.length > 0 && !held) info.windowDeadline = Math.min(...deadlines);
  return info;
}

/** Live partial matches (start state excluded) in Flink's queue order, then held completed matches. */
export function listPartialMatches(nfa: CompiledNfa, st: NfaState): PartialMatchInfo[] {
  const out: PartialMatchInfo[] = [];
  const partial = generalView(nfa, st).partial;
  for (const run of partial) if (run.startFid >= 0) out.push(infoOf(nfa, run, false));
  for (const run of st.completed) out.push(infoOf(nfa, run, true));
  return out;
}
