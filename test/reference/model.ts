/**
 * The reference matcher's view of a pattern: one StageRule per PatternSpec stage, with its take
 * condition compiled and its quantifier turned into plain bounds. Written from the Flink semantics
 * note (shared/research/flink-cep-semantics.md), never from engine/nfa.
 */
import { compileCondition, type CompiledCondition } from '../../engine/expr';
import type { EventRecord, PatternSpec, StageSpec } from '../../engine/pattern/spec';

/** One input event: its record and timestamp. Its position in the input array is its identity. */
export interface RefEvent {
  record: EventRecord;
  ts: number;
}

/** Which events each stage has bound, in arrival order: the candidate's context. */
export type Bindings = ReadonlyMap<string, readonly number[]>;

/** A stage condition evaluated for a candidate event, given what the partial match had bound. */
export type StageCondition = (event: number, bound: Bindings) => boolean;

export type EntryRule = 'next' | 'followedBy' | 'followedByAny';

export interface StageRule {
  name: string;
  /** Position in spec.stages. */
  index: number;
  kind: 'positive' | 'notNext' | 'notFollowedBy';
  cond: StageCondition;
  /** Bounds on the number of bound events when the stage is not skipped. */
  min: number;
  max: number;
  /** May bind nothing (`.optional()` or `times(0, n)`). */
  optional: boolean;
  /** Greedy that actually changes anything: a loop or a range, not `times(n)`. */
  greedy: boolean;
  /** Contiguity to the previous stage; `begin` behaves as `next` but never matters. */
  entry: EntryRule;
  /** Contiguity between repetitions. */
  inner: EntryRule;
}

const INNER: Record<StageSpec['quantifier']['inner'], EntryRule> = {
  consecutive: 'next',
  relaxed: 'followedBy',
  allowCombinations: 'followedByAny',
};

function entryRule(c: StageSpec['contiguity']): EntryRule {
  if (c === 'followedBy' || c === 'followedByAny') return c;
  return 'next';
}

function bounds(q: StageSpec['quantifier']): { min: number; max: number; optional: boolean } {
  switch (q.kind) {
    case 'one':
      return { min: 1, max: 1, optional: q.optional };
    case 'times': {
      const from = q.from ?? 1;
      const to = q.to ?? from;
      // Flink's times(0, n) is times(1, n).optional().
      return { min: Math.max(from, 1), max: to, optional: q.optional || from === 0 };
    }
    case 'timesOrMore':
      return { min: q.from ?? 1, max: Infinity, optional: q.optional };
    case 'oneOrMore':
      return { min: 1, max: Infinity, optional: q.optional };
  }
}

/** Flink's where(...).or(...).or(...): OR-ed left to right; no condition at all means true. */
function conditionSources(stage: StageSpec): string[] {
  const sources: string[] = [];
  if (stage.where !== undefined && stage.where.trim() !== '') sources.push(stage.where);
  for (const extra of stage.or ?? []) sources.push(extra);
  return sources;
}

function compileStage(
  stage: StageSpec,
  stageNames: readonly string[],
  events: readonly RefEvent[],
): StageCondition {
  const compiled: CompiledCondition[] = conditionSources(stage).map((source) => {
    const result = compileCondition(source, { stages: stageNames, currentStage: stage.name });
    if (!result.ok) {
      const why = result.diagnostics.map((d) => d.message).join('; ');
      throw new Error(`reference: cannot compile condition of stage '${stage.name}' (${source}): ${why}`);
    }
    return result.condition;
  });
  if (compiled.length === 0) return () => true;
  return (event, bound) => {
    const ctx = {
      eventsOf: (name: string): readonly EventRecord[] =>
        (bound.get(name) ?? []).map((i) => events[i].record),
    };
    const record = events[event].record;
    return compiled.some((c) => c(record, ctx));
  };
}

export function buildRules(spec: PatternSpec, events: readonly RefEvent[]): StageRule[] {
  const names = spec.stages.map((s) => s.name);
  return spec.stages.map((stage, index) => {
    const b = bounds(stage.quantifier);
    const kind =
      stage.contiguity === 'notNext' || stage.contiguity === 'notFollowedBy' ? stage.contiguity : 'positive';
    return {
      name: stage.name,
      index,
      kind,
      cond: compileStage(stage, names, events),
      ...b,
      greedy: stage.quantifier.greedy && b.min !== b.max,
      entry: entryRule(stage.contiguity),
      inner: INNER[stage.quantifier.inner],
    };
  });
}

/** The context a condition sees when judging event `at`: everything bound strictly before it. */
export function bindingsBefore(
  assignment: readonly Binding[],
  at: number,
  rules: readonly StageRule[],
): Bindings {
  const map = new Map<string, number[]>();
  for (const b of assignment) {
    if (b.event >= at) break;
    const name = rules[b.stage].name;
    const list = map.get(name);
    if (list) list.push(b.event);
    else map.set(name, [b.event]);
  }
  return map;
}

/** One event bound to one stage (stage = index into the rules). */
export interface Binding {
  stage: number;
  event: number;
}
