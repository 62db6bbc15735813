/** A key's runs as the general runtime holds them, whatever its representation (their meaning is not changed). */
import { generalRuns } from './counting';
import type { NfaState, PartialRun } from './runtime-state';
import { settleRunIds } from './run-ids';
import { chainRuns } from './strict-chain';
import type { CompiledNfa } from './types';

export interface GeneralView {
  /** Live runs in Flink's queue order, the start run included. */
  partial: readonly PartialRun[];
  nextRunId: number;
}

export function generalView(nfa: CompiledNfa, st: NfaState): GeneralView {
  if (st.countLen >= 0) return generalRuns(nfa, st, st.nextRunId);
  if (st.chain !== undefined) return { partial: chainRuns(nfa, st).partial, nextRunId: st.nextRunId };
  // Ids an all-stay step left unwritten (run-ids.ts): readers see them as the full step writes them.
  settleRunIds(st);
  return st;
}
