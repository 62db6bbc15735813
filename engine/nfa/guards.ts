/**
 * State skips: for each state, what its decision graph yields for an event every guard on the way
 * rejects. Most partial matches wait in a state like `take: type == 'C'`, `ignore: !(type == 'C')`,
 * and most events are not a C; for those the outcome is known in advance (one ignore edge), so the
 * runtime applies it without walking the graph or calling a condition. Computed by following the
 * same depth-first order as the runtime's decision graph, with each condition replaced by its
 * guarded value; a condition without one makes the state's outcome unknowable (no skip).
 */
import type { EventGuard } from '../expr/guard';
import { TRUE_CONDITION } from './conditions';
import type { NfaStateDef, NfaTransition } from './types';

export interface StateSkip {
  /** Indexes into CompiledNfa.guards; the skip applies when every one of them fails. */
  readonly guards: readonly number[];
  /** The TAKE and IGNORE edges that hold then, in the runtime's order. */
  readonly edges: readonly NfaTransition[];
  /** The target when the outcome is a single IGNORE edge into a state a run can wait in, else -1. */
  readonly ignoreTo: number;
  /** Whether any of the edges is a TAKE (from the start state: the event starts a partial match). */
  readonly takes: boolean;
}

/** Beyond this many proceed steps the runtime reports a cycle; leave such states to it. */
const MAX_STEPS = 1_000;

function skipOf(
  states: readonly NfaStateDef[],
  from: number,
  guardIndex: (g: EventGuard) => number,
): StateSkip | null {
  const guards: number[] = [];
  const edges: NfaTransition[] = [];
  const stack = [from];
  let steps = 0;
  while (stack.length > 0) {
    if (++steps > MAX_STEPS) return null;
    const def = states[stack.pop() as number];
    if (def === undefined) continue;
    for (const t of def.transitions) {
      let holds: boolean;
      if (t.condition === TRUE_CONDITION) holds = true;
      else if (t.condition.guarded !== undefined) {
        const g = guardIndex(t.condition.guarded.guard);
        if (!guards.includes(g)) guards.push(g);
        holds = t.condition.guarded.value;
      } else return null;
      if (!holds) continue;
      if (t.action === 'proceed') stack.push(t.target);
      else edges.push(t);
    }
  }
  if (guards.length === 0) return null;
  const only = edges.length === 1 ? edges[0] : undefined;
  const fromStart = states[from].kind === 'start';
  const waits =
    !fromStart &&
    only !== undefined &&
    only.action === 'ignore' &&
    !['final', 'stop', 'start'].includes(states[only.target].kind);
  return { guards, edges, ignoreTo: waits ? only.target : -1, takes: edges.some((e) => e.action === 'take') };
}

/**
 * The guards under which an event leaves every run where it is: every state a run can wait in has a
 * skip whose outcome is to stay (one ignore edge back to itself; for the start state, no take), and
 * the event fails all their guards. Null when some state has no such skip.
 */
function inertGuards(states: readonly NfaStateDef[], skips: readonly (StateSkip | null)[]): number[] | null {
  const all: number[] = [];
  for (const s of states) {
    if (s.kind === 'final' || s.kind === 'stop') continue;
    const sk = skips[s.id];
    if (sk == null) return null;
    if (s.kind === 'start' ? sk.takes : sk.ignoreTo !== s.id) return null;
    for (const g of sk.guards) if (!all.includes(g)) all.push(g);
  }
  return all.length > 0 ? all : null;
}

/**
 * Skips per state (null where none applies), the start state's (for the matcher's test that an
 * event starts nothing) and the guards they refer to. A start state's outcome is never an inline
 * ignore (ignoreTo is -1 for it): its run is kept, not moved.
 */
export function stateSkips(
  states: readonly NfaStateDef[],
  startState: number,
): {
  skips: (StateSkip | null)[];
  startSkip: StateSkip | null;
  guards: EventGuard[];
  inert: number[] | null;
} {
  const guards: EventGuard[] = [];
  const guardIndex = (g: EventGuard): number => {
    const i = guards.indexOf(g);
    return i >= 0 ? i : guards.push(g) - 1;
  };
  const skips = states.map((s) => skipOf(states, s.id, guardIndex));
  return { skips, startSkip: skips[startState] ?? null, guards, inert: inertGuards(states, skips) };
}
