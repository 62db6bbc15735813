/**
 * Run ids written lazily. An event that leaves every run where it is (stay-check.ts) gives the runs
 * outside the start state the next ids in list order and changes nothing else, and ids are read only
 * by observers, snapshots and introspection. So that step only moves `nextRunId` and remembers where
 * the ids start: they are base + rank among the list's runs outside the start state, written when
 * something reads them (settleRunIds), or never when the next full step gives every run it keeps a
 * new id anyway. One key state at a time: another key's shortcut writes the previous key's ids first.
 */
import type { MutableRun } from './transitions';
import type { NfaState, PartialRun } from './runtime-state';
import type { CompiledNfa } from './types';

let pendingSt: NfaState | null = null;
/** The list the pending ids belong to: a list replaced since is not renumbered (see takePendingIds). */
let pendingList: readonly PartialRun[] | null = null;
let pendingBase = 0;
let pendingStart = -1;

/** The all-stay step: the list's `nonStart` runs outside the start state take the next ids, later. */
export function renumberLater(nfa: CompiledNfa, st: NfaState, nonStart: number): void {
  if (pendingSt !== st || pendingList !== st.partial) {
    if (pendingSt !== null) settleRunIds(pendingSt);
    pendingSt = st;
    pendingList = st.partial;
    pendingStart = nfa.startState;
  }
  pendingBase = st.nextRunId;
  st.nextRunId += nonStart;
}

/**
 * Ends the pending ids of `st` without writing them: the first id of its list's runs, or -1 when
 * none are pending. For a step that writes (or overwrites) the ids itself.
 */
export function takePendingIds(st: NfaState): number {
  if (pendingSt !== st) return -1;
  pendingSt = null;
  const list = pendingList;
  pendingList = null;
  return list === st.partial ? pendingBase : -1;
}

/** Writes ids from `base` on to the runs of `list` from index `from`, skipping start runs; the next id. */
export function writeRunIds(
  list: readonly PartialRun[],
  from: number,
  startState: number,
  base: number,
): number {
  let id = base;
  for (let i = from; i < list.length; i++) {
    const run = list[i] as MutableRun;
    if (run.state !== startState) run.id = id++;
  }
  return id;
}

/** Writes the ids a shortcut left pending on `st` (nothing when none are). Call before reading run ids. */
export function settleRunIds(st: NfaState): void {
  if (pendingSt !== st) return;
  const start = pendingStart;
  const base = takePendingIds(st);
  if (base >= 0) writeRunIds(st.partial, 0, start, base);
}
