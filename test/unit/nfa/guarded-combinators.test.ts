/**
 * The contract of a guarded value (engine/nfa/types.ts GuardedValue): whenever the guard rejects an
 * event, the condition is exactly `value` for that event. The runtime's state skips rely on it, so
 * it must hold through every combination the compiler builds (not, and, or), including operands
 * whose guards read different fields: AND/OR may only reuse the right operand's guarded value when
 * both operands share the guard.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventGuard } from '../../../engine/expr/guard';
import { andCondition, notCondition, orCondition, TRUE_CONDITION } from '../../../engine/nfa/conditions';
import type { EdgeCondition } from '../../../engine/nfa/types';
import type { EventRecord } from '../../../engine/pattern/spec';

const FIELDS = ['x', 'y'] as const;
const VALUES = [1, 2] as const;

/** One guard object per (field, value), as the compiler shares equal guards. */
const guards = new Map<string, EventGuard>();
function guardFor(field: string, value: number): EventGuard {
  const text = `${field} == ${value}`;
  let g = guards.get(text);
  if (g === undefined) {
    g = { text, test: (e) => e[field] === value };
    guards.set(text, g);
  }
  return g;
}

/** `field == value`, guarded by itself (false when the guard fails); or an unguarded `field != value`. */
function atom(field: string, value: number, guarded: boolean): EdgeCondition {
  if (!guarded) return { test: (e) => e[field] !== value, text: `${field} != ${value}` };
  return {
    test: (e) => e[field] === value,
    text: `${field} == ${value}`,
    guarded: { guard: guardFor(field, value), value: false },
  };
}

const atomArb = fc
  .tuple(fc.constantFrom(...FIELDS), fc.constantFrom(...VALUES), fc.boolean())
  .map(([f, v, g]) => atom(f, v, g));

const conditionArb: fc.Arbitrary<EdgeCondition> = fc.letrec<{ c: EdgeCondition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atomArb,
    fc.constant(TRUE_CONDITION),
    tie('c').map(notCondition),
    fc.tuple(tie('c'), tie('c')).map(([a, b]) => andCondition(a, b)),
    fc.tuple(tie('c'), tie('c')).map(([a, b]) => orCondition(a, b)),
  ),
})).c;

const eventArb: fc.Arbitrary<EventRecord> = fc.record({
  x: fc.constantFrom(1, 2, 3),
  y: fc.constantFrom(1, 2, 3),
});

describe('guarded values through the combinators', () => {
  it('equal the condition on every event their guard rejects', () => {
    fc.assert(
      fc.property(conditionArb, fc.array(eventArb, { minLength: 1, maxLength: 9 }), (c, events) => {
        const g = c.guarded;
        if (g === undefined) return;
        for (const e of events) if (!g.guard.test(e)) expect(c.test(e, CTX)).toBe(g.value);
      }),
      { numRuns: 3000, seed: 20261206 },
    );
  });

  it('are not claimed for an AND whose operands have different guards (the left one not deciding)', () => {
    const a = notCondition(atom('x', 1, true)); // true when x == 1 fails: does not decide an AND
    const b = notCondition(atom('y', 1, true));
    const both = andCondition(a, b);
    expect(both.guarded).toBeUndefined();
    // Were y's guarded value claimed: for x = 1, y = 2 the guard y == 1 fails, yet the AND is false.
    expect(both.test({ x: 1, y: 2 }, CTX)).toBe(false);
  });
});

const CTX = { eventsOf: () => [], timestamp: 0 };
