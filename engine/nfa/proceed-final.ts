/**
 * Flink's findFinalStateAfterProceed (after a TAKE, is a final state one chain of PROCEED edges away?)
 * decided once per state where it cannot depend on the event: when every PROCEED edge the walk can
 * meet has the always-true condition, the walk calls nothing that could throw or answer differently,
 * so its answer is a property of the automaton. The runtime then reads it from a table instead of
 * walking (in `followedbyany-blowup` every take walked b → c and found nothing: ~7 % of instructions).
 */
import { TRUE_CONDITION } from './conditions';
import type { CompiledNfa } from './types';

/** The walk must run: some PROCEED edge on the way has a condition of its own. */
export const WALK = -2;

/** Beyond this many pops the runtime reports a cycle of always-true proceeds; leave such states to it. */
const MAX_STEPS = 1_000;

/**
 * The walk's answer from `from` when it does not depend on the event: the final state's index,
 * -1 for none, or WALK. Same depth-first order as the runtime's walk (Java Stack order).
 */
function finalAfter(nfa: CompiledNfa, from: number): number {
  const stack = [from];
  let steps = 0;
  while (stack.length > 0) {
    if (++steps > MAX_STEPS) return WALK;
    const def = nfa.states[stack.pop() as number];
    if (def === undefined) continue;
    for (const t of def.transitions) {
      if (t.action !== 'proceed') continue;
      if (t.condition !== TRUE_CONDITION) return WALK;
      if ((nfa.states[t.target] as { kind: string }).kind === 'final') return t.target;
      stack.push(t.target);
    }
  }
  return -1;
}

const tables = new WeakMap<CompiledNfa, Int32Array>();

/** Per state, the walk's answer when it does not depend on the event, else WALK. */
export function proceedFinals(nfa: CompiledNfa): Int32Array {
  let t = tables.get(nfa);
  if (t === undefined) {
    t = new Int32Array(nfa.states.length);
    for (let s = 0; s < t.length; s++) t[s] = finalAfter(nfa, s);
    tables.set(nfa, t);
  }
  return t;
}
