/**
 * Guard checks of the NFA step that prove an event changes nothing: per-event guard results
 * (each guard runs at most once per event), eventIsInert and everyRunStays.
 */
import type { EventGuard } from '../expr/guard';
import type { StateSkip } from './guards';
import type { EventRecord } from '../pattern/spec';
import { compareRuns, type NfaState, type PartialRun } from './runtime-state';
import type { CompiledNfa } from './types';

/** Guard results of the current step, by guard index: each guard runs at most once per event. */
let guardStep = 0;
const guardAt: number[] = [];
const guardHeld: boolean[] = [];

/** Starts a new event for the guard cache (module bindings cannot be written from outside). */
export function newGuardStep(): void {
  guardStep++;
}

export function guardsFail(
  all: readonly EventGuard[],
  which: readonly number[],
  event: EventRecord,
): boolean {
  for (let k = 0; k < which.length; k++) {
    const g = which[k];
    if (guardAt[g] !== guardStep) {
      guardAt[g] = guardStep;
      guardHeld[g] = all[g].test(event);
    }
    if (guardHeld[g]) return false;
  }
  return true;
}

/**
 * True when `event` leaves every run of any key state where it is (every state's guards reject it
 * and each state's outcome is to stay): processing it would only renumber runs.
 */
export function eventIsInert(nfa: CompiledNfa, event: EventRecord): boolean {
  const inert = nfa.inert;
  if (inert == null) return false;
  guardStep++;
  return guardsFail(nfa.guards as readonly EventGuard[], inert, event);
}

/** Per state, whether the current event leaves a run there where it is (cached per step, like guards). */
const stayAt: number[] = [];
const stayHeld: boolean[] = [];

function stays(
  nfa: CompiledNfa,
  s: number,
  skips: readonly (StateSkip | null)[],
  guards: readonly EventGuard[],
  event: EventRecord,
): boolean {
  if (stayAt[s] !== guardStep) {
    stayAt[s] = guardStep;
    const sk = skips[s];
    stayHeld[s] =
      sk != null &&
      ((nfa.states[s] as { kind: string }).kind === 'start' ? !sk.takes : sk.ignoreTo === s) &&
      guardsFail(guards, sk.guards, event);
  }
  return stayHeld[s];
}

/**
 * The runs of the last list a step built, grouped by state: a bit per state holding runs, the
 * started runs and the runs in the start state. Exact, unless a skip strategy may have pruned runs
 * since (then a bit may name a state whose runs are gone and the started count is an upper bound).
 * Valid while `summaryList` is the key's list: a full step forgets it before it moves runs in place,
 * and every other writer replaces the list.
 */
let summaryList: readonly PartialRun[] | null = null;
let summaryMask = 0;
let summaryLive = 0;
let summaryStarts = 0;
let summaryExact = false;

/** Bits of a mask stand for states: automata with more states are never summarized. */
export const MASK_STATES = 31;

export function noteRunList(
  list: readonly PartialRun[],
  mask: number,
  live: number,
  starts: number,
  exact: boolean,
): void {
  summaryList = list;
  summaryMask = mask;
  summaryLive = live;
  summaryStarts = starts;
  summaryExact = exact;
}

/** The summary held for `list` (null when it is not the summarized one): what the tests check it against. */
export function runListSummary(
  list: readonly PartialRun[],
): { mask: number; live: number; starts: number; exact: boolean } | null {
  return list === summaryList
    ? { mask: summaryMask, live: summaryLive, starts: summaryStarts, exact: summaryExact }
    : null;
}

/** Before a step moves runs of `list` in place (an ignore reuses the run object). */
export function forgetRunList(list: readonly PartialRun[]): void {
  if (summaryList === list) summaryList = null;
}

function statesStay(
  nfa: CompiledNfa,
  skips: readonly (StateSkip | null)[],
  guards: readonly EventGuard[],
  event: EventRecord,
): boolean {
  for (let m = summaryMask; m !== 0; m &= m - 1) {
    if (!stays(nfa, 31 - Math.clz32(m & -m), skips, guards, event)) return false;
  }
  return true;
}

/**
 * When `event` leaves every run of `st` where it is, the number of its runs outside the start state
 * (the ones the full step would renumber), else -1. Each run's state has a skip whose guards all
 * reject the event and whose outcome is to stay (from the start state: no take; otherwise one ignore
 * edge back to the state). The full step would then only renumber the runs outside the start state,
 * in array order, and push them back into a heap that comes out as the same array (each run stays
 * under its parent). A summarized list costs one check per state; any other list one per run
 * (each state tested once per event), and is summarized for the next event. -1 whenever the full
 * step could do more: completed runs held, live runs over the cap, a list over the run budget, a
 * list that is not a heap.
 */
export function everyRunStays(
  nfa: CompiledNfa,
  st: NfaState,
  skips: readonly (StateSkip | null)[],
  guards: readonly EventGuard[],
  event: EventRecord,
  runCap: number,
): number {
  const old = st.partial;
  if (old.length > runCap || st.completed.length !== 0) return -1;
  // A summary that is not exact may name states whose runs have gone, and count started runs that
  // have gone: what it cannot prove is left to the visit of every run.
  if (old === summaryList) {
    if (summaryLive <= st.maxPartialMatches && statesStay(nfa, skips, guards, event))
      return old.length - summaryStarts;
    if (summaryExact) return -1;
  }
  const start = nfa.startState;
  let live = 0;
  let starts = 0;
  let mask = 0;
  for (let i = 0; i < old.length; i++) {
    const run = old[i];
    const s = run.state;
    if (!stays(nfa, s, skips, guards, event)) return -1;
    if (run.startFid >= 0 && ++live > st.maxPartialMatches) return -1;
    if (i > 0 && compareRuns(run, old[(i - 1) >>> 1]) < 0) return -1;
    if (s === start) starts++;
    mask |= 1 << s;
  }
  if (nfa.states.length <= MASK_STATES) noteRunList(old, mask, live, starts, true);
  return old.length - starts;
}
