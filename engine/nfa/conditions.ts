/**
 * Combinators for transition conditions, mirroring Flink's And/Not/true conditions. Each keeps
 * track of what it is when its operands' event guard fails (see engine/expr/guard.ts), so the
 * runtime can decide some transitions without calling them.
 */
import type { EdgeCondition, GuardedValue } from './types';

export const TRUE_CONDITION: EdgeCondition = { test: () => true, text: 'true', eventOnly: true };

function guarded(c: EdgeCondition, value: (v: boolean) => boolean): GuardedValue | undefined {
  return c.guarded === undefined ? undefined : { guard: c.guarded.guard, value: value(c.guarded.value) };
}

export function notCondition(c: EdgeCondition): EdgeCondition {
  const inner = c.test;
  return {
    test: (e, ctx) => !inner(e, ctx),
    text: `!(${c.text})`,
    guarded: guarded(c, (v) => !v),
    eventOnly: c.eventOnly,
    negates: c,
  };
}

/** The value of `a op b` when the guard fails, if the left operand alone decides it or both share the guard. */
function combined(a: EdgeCondition, b: EdgeCondition, shortCircuit: boolean): GuardedValue | undefined {
  const ga = a.guarded;
  if (ga === undefined) return undefined;
  // Short-circuit: the right operand is not evaluated, so it cannot throw either.
  if (ga.value === shortCircuit) return ga;
  const gb = b.guarded;
  return gb !== undefined && gb.guard === ga.guard ? gb : undefined;
}

/** Short-circuit AND, left first, like Flink's RichAndCondition. */
export function andCondition(a: EdgeCondition, b: EdgeCondition): EdgeCondition {
  if (a === TRUE_CONDITION) return b;
  if (b === TRUE_CONDITION) return a;
  const l = a.test;
  const r = b.test;
  return {
    test: (e, ctx) => l(e, ctx) && r(e, ctx),
    text: `${a.text} && ${b.text}`,
    guarded: combined(a, b, false),
    eventOnly: a.eventOnly === true && b.eventOnly === true,
  };
}

export function orCondition(a: EdgeCondition, b: EdgeCondition): EdgeCondition {
  const l = a.test;
  const r = b.test;
  return {
    test: (e, ctx) => l(e, ctx) || r(e, ctx),
    text: `(${a.text} || ${b.text})`,
    guarded: combined(a, b, true),
    eventOnly: a.eventOnly === true && b.eventOnly === true,
  };
}
