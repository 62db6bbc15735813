/** Combinators for transition conditions, mirroring Flink's And/Not/true conditions. */
import type { EdgeCondition } from './types';

export const TRUE_CONDITION: EdgeCondition = { test: () => true, text: 'true' };

export function notCondition(c: EdgeCondition): EdgeCondition {
  const inner = c.test;
  return { test: (e, ctx) => !inner(e, ctx), text: `!(${c.text})` };
}

/** Short-circuit AND, left first, like Flink's RichAndCondition. */
export function andCondition(a: EdgeCondition, b: EdgeCondition): EdgeCondition {
  if (a === TRUE_CONDITION) return b;
  if (b === TRUE_CONDITION) return a;
  const l = a.test;
  const r = b.test;
  return { test: (e, ctx) => l(e, ctx) && r(e, ctx), text: `${a.text} && ${b.text}` };
}

export function orCondition(a: EdgeCondition, b: EdgeCondition): EdgeCondition {
  const l = a.test;
  const r = b.test;
  return { test: (e, ctx) => l(e, ctx) || r(e, ctx), text: `(${a.text} || ${b.text})` };
}
