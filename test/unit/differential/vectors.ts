/** Reads the shared Flink conformance vectors into PatternSpec + events for the reference tests. */
import { readFileSync } from 'node:fs';
import type { PatternSpec, SkipStrategy, StageSpec, Within } from '../../../engine/pattern/spec';
import type { RefEvent } from '../../reference';

export interface Vector {
  id: string;
  harness?: 'nfa' | 'operator';
  pattern: { stages: StageSpec[]; within?: Within };
  skip: string;
  throwExceptionOnMiss?: boolean;
  events: ({ id: string; ts: number } & Record<string, unknown>)[];
  compare: 'ordered' | 'unordered' | 'error';
  expected?: { stage: string; ids: string[] }[][];
  nonMonotonicTimestamps?: boolean;
  tieBreakDependent?: boolean;
}

export const VECTORS_FILE = new URL('../../../../shared/conformance/flink-vectors.json', import.meta.url)
  .pathname;

export function loadVectors(file = VECTORS_FILE): Vector[] {
  return JSON.parse(readFileSync(file, 'utf8')) as Vector[];
}

export function skipOf(v: Vector): SkipStrategy {
  const [kind, stage] = v.skip.split(':');
  if (kind === 'SKIP_TO_FIRST' || kind === 'SKIP_TO_LAST')
    return { kind, stage: stage ?? '', throwExceptionOnMiss: v.throwExceptionOnMiss };
  if (kind === 'SKIP_TO_NEXT' || kind === 'SKIP_PAST_LAST_EVENT' || kind === 'NO_SKIP') return { kind };
  throw new Error(`${v.id}: unknown skip '${v.skip}'`);
}

export function specOf(v: Vector): PatternSpec {
  return { stages: v.pattern.stages, within: v.pattern.within, skip: skipOf(v) };
}

/** Vector events as the reference sees them; `type` defaults to 'Event' as in the vector format. */
export function eventsOf(v: Vector): RefEvent[] {
  return v.events.map((e) => ({ record: { type: 'Event', ...e }, ts: e.ts }));
}

/** A match as one comparable string: `stage:id,id|stage:id`. */
export function matchKey(stages: readonly { stage: string; ids: readonly string[] }[]): string {
  return stages.map((s) => `${s.stage}:${s.ids.join(',')}`).join('|');
}
