/**
 * Random cases for the differential test against Flink's own NFA: patterns wider than the engine's
 * reference subset (several fields, `in`, iterative conditions, until, groups, per-loop and
 * previous-and-current windows, every skip strategy, timeouts) and short event sequences. Each case is
 * run through the engine here and exported to Java (flink-java) for the JVM side (Differential.java).
 */
import fc from 'fast-check';
import { buildFlinkJava, eventPojo } from '../../engine/export';
import type { ExportContext } from '../../engine/export';
import { advanceTime, compilePattern, createNfaState, processEvent, type Match } from '../../engine/nfa';
import type { EventSchema, PatternSpec, SkipStrategy, StageSpec } from '../../engine/pattern/spec';
import {
  dropOptionalAfterGreedy,
  isOptional,
  notStageArb,
  quantifierArb,
  required,
  type GeneratedEvent,
} from '../support/pattern-arbitraries';

export type { GeneratedEvent };

export const EVENT_SCHEMA: EventSchema = {
  fields: [
    { name: 'name', type: 'string' },
    { name: 'price', type: 'number' },
    { name: 'kind', type: 'string' },
    { name: 'flag', type: 'boolean' },
    { name: 'eid', type: 'number' },
  ],
};

const EVENT_PACKAGE = 'cepheus.diff';
export const EVENT_CLASS = `${EVENT_PACKAGE}.Event`;

const letter = fc.constantFrom('a', 'b', 'c');

/** Conditions over the current event; `ref` adds ones that read the first stage's events. */
function conditionArb(ref: boolean): fc.Arbitrary<string> {
  const simple = fc.oneof(
    { weight: 8, arbitrary: letter.map((x) => `name == '${x}'`) },
    { weight: 2, arbitrary: letter.map((x) => `name != '${x}'`) },
    { weight: 2, arbitrary: fc.constantFrom("name in ['a', 'b']", "name not in ['a']") },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 8 }).map((n) => `price > ${n}`) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(letter, fc.integer({ min: 2, max: 7 }))
        .map(([x, n]) => `name == '${x}' && price <= ${n}`),
    },
    { weight: 1, arbitrary: letter.map((x) => `kind == 'x' || name == '${x}'`) },
    { weight: 1, arbitrary: letter.map((x) => `flag && name == '${x}'`) },
    { weight: 1, arbitrary: fc.constant('!flag') },
  );
  if (!ref) return simple;
  return fc.oneof(
    { weight: 10, arbitrary: simple },
    { weight: 1, arbitrary: letter.map((x) => `name == '${x}' && count(s0) < 3`) },
    { weight: 1, arbitrary: letter.map((x) => `name == '${x}' && sum(s0.price) > 4`) },
    { weight: 1, arbitrary: fc.constant('price >= last(s0).price') },
  );
}

/** Quantifiers with per-repetition windows sometimes. */
const quantifier = quantifierArb({ window: true });

type RawStage = Omit<StageSpec, 'name'>;

const positiveStageArb: fc.Arbitrary<RawStage> = fc
  .record({
    contiguity: fc.constantFrom('next' as const, 'followedBy' as const, 'followedByAny' as const),
    where: conditionArb(true),
    or: fc.option(conditionArb(false), { nil: undefined, freq: 6 }),
    until: fc.option(conditionArb(false), { nil: undefined, freq: 3 }),
    quantifier,
    pac: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined, freq: 6 }),
  })
  .map(({ contiguity, where, or, until, quantifier, pac }) => {
    const looping = quantifier.kind === 'oneOrMore' || quantifier.kind === 'timesOrMore';
    return {
      contiguity,
      where,
      ...(or ? { or: [or] } : {}),
      ...(until && looping ? { until } : {}),
      quantifier,
      ...(pac !== undefined ? { withinPreviousAndCurrent: pac } : {}),
    };
  });

const notStage: fc.Arbitrary<RawStage> = notStageArb(conditionArb(false));

/** A group of 1-2 positive stages; its quantifier is never greedy (Flink refuses greedy groups). */
const groupStageArb: fc.Arbitrary<RawStage> = fc
  .record({
    contiguity: fc.constantFrom('next' as const, 'followedBy' as const, 'followedByAny' as const),
    inner: fc.array(positiveStageArb, { minLength: 1, maxLength: 2 }),
    quantifier,
  })
  .map(({ contiguity, inner, quantifier }) => ({
    contiguity,
    quantifier: { ...quantifier, greedy: false, window: undefined },
    group: {
      stages: inner.map((s, i) => ({ ...s, name: '', contiguity: i === 0 ? 'begin' : s.contiguity })),
    },
  }));

function nameStages(raw: RawStage[], prefix: string): StageSpec[] {
  return raw.map((s, i) => {
    const stage: StageSpec = { ...s, name: `${prefix}${i}`, contiguity: i === 0 ? 'begin' : s.contiguity };
    if (stage.quantifier.window === undefined) {
      const { window: _w, ...q } = stage.quantifier;
      stage.quantifier = q;
    }
    if (s.group) stage.group = { stages: nameStages(s.group.stages, `g${i}_`) };
    return stage;
  });
}

/** Drops the combinations Flink refuses: optional after greedy, NOT after optional, gap windows over `within`. */
function repair(stages: StageSpec[], within: number | undefined): void {
  for (let i = 0; i < stages.length; i++) {
    const s = stages[i];
    const prev = stages[i - 1];
    dropOptionalAfterGreedy(prev, s);
    if (
      prev &&
      (s.contiguity === 'notNext' || s.contiguity === 'notFollowedBy') &&
      isOptional(prev.quantifier)
    )
      prev.quantifier = required(prev.quantifier);
    if (
      within !== undefined &&
      s.withinPreviousAndCurrent !== undefined &&
      s.withinPreviousAndCurrent > within
    )
      s.withinPreviousAndCurrent = within;
    if (s.group) repair(s.group.stages, within);
  }
}

export const patternArb: fc.Arbitrary<PatternSpec> = fc
  .tuple(
    positiveStageArb,
    fc.array(
      fc.oneof(
        { weight: 5, arbitrary: positiveStageArb },
        { weight: 2, arbitrary: notStage },
        { weight: 1, arbitrary: groupStageArb },
      ),
      { minLength: 1, maxLength: 3 },
    ),
    fc.option(
      fc.record({
        ms: fc.integer({ min: 2, max: 10 }),
        type: fc.constantFrom('FIRST_AND_LAST' as const, 'PREVIOUS_AND_CURRENT' as const),
      }),
      { nil: undefined, freq: 2 },
    ),
    fc.integer({ min: 0, max: 6 }),
    fc.nat(),
    fc.boolean(),
    fc.integer({ min: 0, max: 9 }),
  )
  .map(([first, rest, within, skipKind, pick, throwOnMiss, invalid]) => {
    const stages = nameStages([first, ...rest], 's');
    // One case in ten keeps what Flink refuses (to check both refuse); the rest are repaired.
    if (invalid > 0) repair(stages, within?.type === 'FIRST_AND_LAST' ? within.ms : undefined);
    const targets = stages.filter(
      (s) => !s.group && s.contiguity !== 'notNext' && s.contiguity !== 'notFollowedBy',
    );
    const target = targets[pick % targets.length].name;
    const skips: SkipStrategy[] = [
      { kind: 'NO_SKIP' },
      { kind: 'NO_SKIP' },
      { kind: 'NO_SKIP' },
      { kind: 'SKIP_TO_NEXT' },
      { kind: 'SKIP_PAST_LAST_EVENT' },
      { kind: 'SKIP_TO_FIRST', stage: target, throwExceptionOnMiss: throwOnMiss },
      { kind: 'SKIP_TO_LAST', stage: target, throwExceptionOnMiss: throwOnMiss },
    ];
    return { stages, ...(within ? { within } : {}), skip: skips[skipKind] };
  });

export const eventsArb: fc.Arbitrary<GeneratedEvent[]> = fc
  .array(
    fc.record({
      name: letter,
      price: fc.integer({ min: 0, max: 9 }),
      kind: fc.constantFrom('x', 'y'),
      flag: fc.boolean(),
      gap: fc.integer({ min: 0, max: 3 }),
    }),
    { maxLength: 12 },
  )
  .map((items) => {
    let ts = 1;
    return items.map(({ gap, ...fields }, i) => {
      ts += gap;
      return { record: { ...fields, eid: i }, ts };
    });
  });

/** One output, in the same words on both sides: `step/phase/kind[@ts]: stage:eids|…` (stages by name). */
export function outputKey(
  step: number,
  phase: string,
  kind: string,
  timestamp: number | null,
  stages: [string, number[]][],
): string {
  const body = [...stages]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([s, ids]) => `${s}:${ids.join(',')}`)
    .join('|');
  return `${step}/${phase}/${kind}${timestamp === null ? '' : `@${timestamp}`}: ${body}`;
}

const stagesOf = (m: Match): [string, number[]][] =>
  m.stages.map((s) => [s.stage, s.events.map((e) => (e.event as { eid: number }).eid)]);

export type EngineRun =
  | { kind: 'rejected'; reason: string; codes: string[] }
  | { kind: 'ran'; outputs: string[]; error: string | null; errorStep?: number };

/** The engine, driven like Differential.java drives Flink. */
export function runEngineCase(spec: PatternSpec, events: readonly GeneratedEvent[], end: number): EngineRun {
  const compiled = compilePattern(spec, { schema: EVENT_SCHEMA });
  if (!compiled.ok)
    return {
      kind: 'rejected',
      reason: compiled.diagnostics
        .filter((d) => d.severity === 'error')
        .map((d) => d.message)
        .join('; '),
      codes: compiled.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code),
    };
  const { nfa } = compiled;
  const state = createNfaState(nfa);
  const outputs: string[] = [];
  const collect = (
    r: ReturnType<typeof advanceTime>,
    step: number,
    phase: 'advance' | 'process',
  ): string | null => {
    for (const m of r.matches) outputs.push(outputKey(step, phase, 'match', null, stagesOf(m)));
    for (const t of r.timeouts)
      outputs.push(outputKey(step, phase, 'timeout', t.timestamp, stagesOf(t.match)));
    return r.error ? `${r.error.flinkError}: ${r.error.message}` : null;
  };
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const error =
      collect(advanceTime(nfa, state, e.ts), i, 'advance') ??
      collect(processEvent(nfa, state, e.record, e.ts, i), i, 'process');
    if (error) return { kind: 'ran', outputs, error, errorStep: i };
  }
  const error = collect(advanceTime(nfa, state, end), events.length, 'advance');
  return { kind: 'ran', outputs, error, ...(error ? { errorStep: events.length } : {}) };
}

export interface DifferentialCase {
  id: string;
  spec: PatternSpec;
  events: GeneratedEvent[];
  end: number;
  engine: EngineRun;
  /** The exported class, or why the Java export refused. */
  java: { ok: true; className: string; path: string; text: string } | { ok: false; reason: string };
}

const CONTEXT: ExportContext = {
  name: 'differential',
  partitionKey: null,
  time: { mode: 'processing' },
  external: new Map(),
  eventFields: [],
  booleanFields: new Set(['flag']),
};

/** One case: the engine's answer and the Java export (which is made even when the engine refuses). */
export function makeCase(id: string, spec: PatternSpec, events: GeneratedEvent[]): DifferentialCase {
  const end = (events.at(-1)?.ts ?? 1) + 50;
  const className = `Case${id.replace(/[^A-Za-z0-9]/g, '_')}`;
  const pkg = `cases.${id.replace(/[^A-Za-z0-9]/g, '_')}`;
  const exported = buildFlinkJava(spec, CONTEXT, { eventClass: EVENT_CLASS, javaPackage: pkg, className });
  const java: DifferentialCase['java'] =
    exported.text !== undefined
      ? {
          ok: true,
          className: `${pkg}.${className}`,
          path: `${pkg.replace(/\./g, '/')}/${className}.java`,
          text: exported.text,
        }
      : {
          ok: false,
          reason: exported.report.items
            .filter((x) => !x.ok)
            .map((x) => x.reason)
            .join('; '),
        };
  return { id, spec, events, end, engine: runEngineCase(spec, events, end), java };
}

export function generateCases(count: number, seed: number): DifferentialCase[] {
  const pairs = fc.sample(fc.tuple(patternArb, eventsArb), { numRuns: count, seed });
  return pairs.map(([spec, events], i) => makeCase(`c${i}`, spec, events));
}

/** The plan section Differential.java reads. */
export function differentialPlan(cases: readonly DifferentialCase[]): unknown {
  const sources: Record<string, string> = {
    [`${EVENT_PACKAGE.replace(/\./g, '/')}/Event.java`]: eventPojo(EVENT_PACKAGE, EVENT_SCHEMA, CONTEXT),
  };
  for (const c of cases) if (c.java.ok) sources[c.java.path] = c.java.text;
  return {
    eventClass: EVENT_CLASS,
    sources,
    cases: cases.flatMap((c) =>
      c.java.ok
        ? [
            {
              id: c.id,
              className: c.java.className,
              events: c.events.map((e) => ({ ts: e.ts, event: e.record })),
              end: c.end,
            },
          ]
        : [],
    ),
  };
}
