/**
 * Guard checks of the NFA step that prove an event changes nothing: per-event guard results
 * (each guard runs at most once per event), eventIsInert and everyRunStays.
 */
import type { EventGuard } from '../expr/guard';
import type { StateSkip } from './guards';
import type { EventRecord } from '../pattern/spec';
import { compareRuns, type NfaState } from './runtime-state';
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

/**
 * True when `event` leaves every run of `st` where it is: each run's state has a skip whose guards
 * all reject the event and whose outcome is to stay (from the start state: no take; otherwise one
 * ignore edge back to the state). The full step would then only renumber the runs outside the start
 * state, in array order, and push them back into a heap that comes out as the same array (each run
 * stays under its parent). Cheaper than one skip per run: each state is tested once per event, and
 * a state's runs cost an array read. False whenever the full step could do more: completed runs
 * held, live runs over the cap, a list over the run budget, a list that is not a heap.
 */
export function everyRunStays(
  nfa: CompiledNfa,
  st: NfaState,
  skips: readonly (StateSkip | null)[],
  guards: readonly EventGuard[],
  event: EventRecord,
  runCap: number,
): boolean {
  const old = st.partial;
  if (old.length > runCap || st.completed.length !== 0) return false;
  let live = 0;
  for (let i = 0; i < old.length; i++) {
    const run = old[i];
    const s = run.state;
    if (stayAt[s] !== guardStep) {
      stayAt[s] = guardStep;
      const sk = skips[s];
      stayHeld[s] =
        sk != null &&
        ((nfa.states[s] as { kind: string }).kind === 'start' ? !sk.takes : sk.ignoreTo === s) &&
        guardsFail(guards, sk.guards, event);
    }
    if (!stayHeld[s]) return false;
    if (run.startFid >= 0 && ++live > st.maxPartialMatches) return false;
    if (i > 0 && compareRuns(run, old[(i - 1) >>> 1]) < 0) return false;
  }
  return true;
}
