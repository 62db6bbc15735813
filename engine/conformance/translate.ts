/** Turns a conformance vector into the engine's inputs: a PatternSpec and event records. */
import type { EventRecord, PatternSpec, SkipStrategy, StageSpec } from '../pattern/spec';
import type { ConformanceVector, VectorStage } from './vector-schema';

export function skipOf(skip: string, throwExceptionOnMiss: boolean | undefined): SkipStrategy | string {
  const [kind, stage] = skip.split(':', 2) as [string, string | undefined];
  switch (kind) {
    case 'NO_SKIP':
    case 'SKIP_TO_NEXT':
    case 'SKIP_PAST_LAST_EVENT':
      return { kind };
    case 'SKIP_TO_FIRST':
    case 'SKIP_TO_LAST':
      if (!stage) return `skip strategy "${skip}" needs a stage name after ':'`;
      return { kind, stage, throwExceptionOnMiss: throwExceptionOnMiss ?? false };
    default:
      return `unknown skip strategy "${skip}"`;
  }
}

function stageOf(s: VectorStage): StageSpec {
  const out: StageSpec = { name: s.name, contiguity: s.contiguity, quantifier: { ...s.quantifier } };
  if (s.where !== undefined) out.where = s.where;
  if (s.or !== undefined) out.or = [...s.or];
  if (s.until !== undefined) out.until = s.until;
  if (s.withinPreviousAndCurrent !== undefined) out.withinPreviousAndCurrent = s.withinPreviousAndCurrent;
  if (s.group) out.group = { stages: s.group.stages.map(stageOf) };
  return out;
}

export function patternOf(v: ConformanceVector): PatternSpec | string {
  const skip = skipOf(v.skip, v.throwExceptionOnMiss);
  if (typeof skip === 'string') return skip;
  const spec: PatternSpec = { stages: v.pattern.stages.map(stageOf), skip };
  if (v.pattern.within) spec.within = { ...v.pattern.within };
  return spec;
}

/** The event as conditions see it: every field but the id and timestamp, with Flink's default type. */
export function eventRecordOf(e: ConformanceVector['events'][number]): EventRecord {
  const { id: _id, ts: _ts, ...fields } = e;
  return { type: 'Event', ...fields };
}

/** ±2^63 in the JSON are Java's Long.MIN/MAX_VALUE: treat them as ±infinity. */
export function javaLong(n: number): number {
  if (n >= 9.2e18) return Number.POSITIVE_INFINITY;
  if (n <= -9.2e18) return Number.NEGATIVE_INFINITY;
  return n;
}
