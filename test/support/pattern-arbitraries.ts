/**
 * The random-pattern building blocks shared by the two differential tests: the engine against the
 * reference (test/unit/differential, the reference's subset) and the engine against Flink's own NFA
 * (test/flink, wider). Each test picks its conditions and stage shapes; the quantifiers, the NOT
 * stages and the repair of combinations Flink refuses are made here, once.
 */
import fc from 'fast-check';
import type { EventRecord, Quantifier, StageSpec } from '../../engine/pattern/spec';

export interface GeneratedEvent {
  record: EventRecord;
  ts: number;
}

/**
 * Quantifiers Flink's builder accepts: no greedy singleton, no greedy allowCombinations, no optional
 * times(0, m) (already optional); with `window`, sometimes a per-repetition window on repeated stages.
 */
export function quantifierArb(options: { window: boolean }): fc.Arbitrary<Quantifier> {
  const base = {
    shape: fc.oneof(
      { weight: options.window ? 5 : 4, arbitrary: fc.constant({ kind: 'one' as const }) },
      {
        weight: 1,
        arbitrary: fc.integer({ min: 1, max: 3 }).map((n) => ({ kind: 'times' as const, from: n, to: n })),
      },
      {
        weight: 2,
        arbitrary: fc
          .tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 2 }))
          .map(([from, extra]) => ({ kind: 'times' as const, from, to: Math.max(from, 1) + extra })),
      },
      { weight: 2, arbitrary: fc.constant({ kind: 'oneOrMore' as const, from: 1 }) },
      { weight: 1, arbitrary: fc.constant({ kind: 'timesOrMore' as const, from: 2 }) },
    ),
    optional: fc.boolean(),
    greedy: fc.boolean(),
    inner: fc.constantFrom('relaxed' as const, 'consecutive' as const, 'allowCombinations' as const),
  };
  const window = fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined, freq: 4 });
  return (options.window ? fc.record({ ...base, window }) : fc.record(base)).map((r) => {
    const { shape, optional, greedy, inner } = r;
    const w: number | undefined = 'window' in r ? (r.window as number | undefined) : undefined;
    const single = shape.kind === 'one';
    const fromZero = shape.kind === 'times' && shape.from === 0;
    return {
      ...shape,
      optional: optional && !fromZero,
      greedy: greedy && !single && inner !== 'allowCombinations',
      inner: single ? ('relaxed' as const) : inner,
      ...(single || w === undefined ? {} : { window: w }),
    };
  });
}

/** A notNext / notFollowedBy stage (exactly one event, never optional) on one of `conditions`. */
export function notStageArb(conditions: fc.Arbitrary<string>): fc.Arbitrary<Omit<StageSpec, 'name'>> {
  return fc.record({
    contiguity: fc.constantFrom('notNext' as const, 'notFollowedBy' as const),
    where: conditions,
    quantifier: fc.constant<Quantifier>({ kind: 'one', optional: false, greedy: false, inner: 'relaxed' }),
  });
}

export const isOptional = (q: Quantifier): boolean => q.optional || (q.kind === 'times' && q.from === 0);

/** The quantifier made required: not optional, and times(0, m) becomes times(1, m). */
export function required(q: Quantifier): Quantifier {
  return { ...q, optional: false, ...(q.from === 0 ? { from: 1 } : {}) };
}

/** Flink: "Optional pattern cannot be preceded by greedy pattern": makes such a stage required. */
export function dropOptionalAfterGreedy(prev: StageSpec | undefined, s: StageSpec): void {
  if (prev && prev.quantifier.greedy && isOptional(s.quantifier)) s.quantifier = required(s.quantifier);
}
