/**
 * fast-check generators for the differential test: small linear patterns inside the reference's
 * subset (2-4 stages over the alphabet a/b/c) and short event sequences with increasing timestamps.
 * Only patterns Flink accepts are generated (no greedy singleton, no optional after greedy, …).
 */
import fc from 'fast-check';
import type {
  EventRecord,
  PatternSpec,
  Quantifier,
  SkipStrategy,
  StageSpec,
} from '../../../engine/pattern/spec';
import { outsideSubset } from '../../reference';

export const ALPHABET = ['a', 'b', 'c'] as const;

/** Mostly one letter; sometimes two, so one event can satisfy several stages. */
const condition = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ALPHABET).map((x) => `name == '${x}'`) },
  { weight: 1, arbitrary: fc.constantFrom(...ALPHABET).map((x) => `name != '${x}'`) },
  { weight: 1, arbitrary: fc.constantFrom("name == 'a' || name == 'b'", "name == 'b' || name == 'c'") },
);

const quantifier: fc.Arbitrary<Quantifier> = fc
  .record({
    shape: fc.oneof(
      { weight: 4, arbitrary: fc.constant({ kind: 'one' as const }) },
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
  })
  .map(({ shape, optional, greedy, inner }) => {
    const single = shape.kind === 'one';
    const fromZero = shape.kind === 'times' && shape.from === 0;
    return {
      ...shape,
      optional: optional && !fromZero,
      greedy: greedy && !single && inner !== 'allowCombinations',
      inner: single ? ('relaxed' as const) : inner,
    };
  });

const positiveStage = fc.record({
  contiguity: fc.constantFrom('next' as const, 'followedBy' as const, 'followedByAny' as const),
  where: condition,
  quantifier,
});

const notStage = fc.record({
  contiguity: fc.constantFrom('notNext' as const, 'notFollowedBy' as const),
  where: condition,
  quantifier: fc.constant<Quantifier>({ kind: 'one', optional: false, greedy: false, inner: 'relaxed' }),
});

function assemble(raw: Omit<StageSpec, 'name'>[], within: number | null, skip: SkipStrategy): PatternSpec {
  const stages: StageSpec[] = raw.map((s, i) => ({
    ...s,
    name: `s${i}`,
    contiguity: i === 0 ? 'begin' : s.contiguity,
  }));
  // Flink: "Optional pattern cannot be preceded by greedy pattern".
  for (let i = 1; i < stages.length; i++) {
    const prev = stages[i - 1].quantifier;
    const q = stages[i].quantifier;
    if (prev.greedy && (q.optional || (q.kind === 'times' && q.from === 0)))
      stages[i] = { ...stages[i], quantifier: { ...q, optional: false, from: q.from === 0 ? 1 : q.from } };
  }
  return { stages, within: within === null ? undefined : { ms: within, type: 'FIRST_AND_LAST' }, skip };
}

export function patternArb(options: { nots: boolean; skips: boolean }): fc.Arbitrary<PatternSpec> {
  const stage = options.nots
    ? fc.oneof({ weight: 3, arbitrary: positiveStage }, { weight: 1, arbitrary: notStage })
    : positiveStage;
  const skip: fc.Arbitrary<SkipStrategy> = options.skips
    ? fc.constantFrom<SkipStrategy>({ kind: 'SKIP_TO_NEXT' }, { kind: 'SKIP_PAST_LAST_EVENT' })
    : fc.constant<SkipStrategy>({ kind: 'NO_SKIP' });
  return fc
    .tuple(
      positiveStage,
      fc.array(stage, { minLength: 1, maxLength: 3 }),
      fc.option(fc.integer({ min: 2, max: 8 }), { nil: null }),
      skip,
    )
    .map(([first, rest, within, s]) => assemble([first, ...rest], within, s))
    .filter((spec) => outsideSubset(spec) === null);
}

export interface GeneratedEvent {
  record: EventRecord;
  ts: number;
}

/** Up to 12 events; timestamps grow by 0-2 ms so windows and equal timestamps both occur. */
export const eventsArb: fc.Arbitrary<GeneratedEvent[]> = fc
  .array(fc.tuple(fc.constantFrom(...ALPHABET), fc.integer({ min: 0, max: 2 })), { maxLength: 12 })
  .map((items) => {
    let ts = 1;
    return items.map(([name, gap], i) => {
      ts += gap;
      return { record: { name, price: i, eid: i }, ts };
    });
  });
