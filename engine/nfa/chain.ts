/**
 * The PatternSpec as Flink's Pattern objects see it: a backwards-linked chain (`previous`), each
 * link with its consuming strategies, quantifier properties and compiled conditions. The state
 * builder walks this chain exactly as Flink's NFACompiler walks `Pattern.getPrevious()`.
 */
import type { PatternSpec, StageSpec } from '../pattern/spec';
import type { EdgeCondition } from './types';

export type ConsumingStrategy = 'STRICT' | 'SKIP_TILL_NEXT' | 'SKIP_TILL_ANY' | 'NOT_NEXT' | 'NOT_FOLLOW';

export interface Times {
  from: number;
  to: number;
  window?: number;
}

export interface ChainLink {
  name: string;
  previous: ChainLink | null;
  strategy: ConsumingStrategy;
  inner: 'STRICT' | 'SKIP_TILL_NEXT' | 'SKIP_TILL_ANY';
  looping: boolean;
  /** Flink's TIMES property (times(n) / times(from, to)). */
  timesProperty: boolean;
  optional: boolean;
  greedy: boolean;
  /** null for singletons, as Flink's getTimes(). */
  times: Times | null;
  condition: EdgeCondition;
  until: EdgeCondition | null;
  withinPreviousAndCurrent?: number;
  withinFirstAndLast?: number;
  /** For a group: the last link of its inner chain (Flink's GroupPattern.getRawPattern()). */
  group: ChainLink | null;
  spec: StageSpec;
}

/** Compiles one condition source; returns null when it does not compile (reported elsewhere). */
export type ConditionLookup = (
  stage: StageSpec,
  field: 'where' | 'or' | 'until',
  source: string,
  index?: number,
) => EdgeCondition | null;

const OUTER: Record<string, ConsumingStrategy> = {
  begin: 'STRICT',
  next: 'STRICT',
  followedBy: 'SKIP_TILL_NEXT',
  followedByAny: 'SKIP_TILL_ANY',
  notNext: 'NOT_NEXT',
  notFollowedBy: 'NOT_FOLLOW',
};

const INNER = {
  relaxed: 'SKIP_TILL_NEXT',
  consecutive: 'STRICT',
  allowCombinations: 'SKIP_TILL_ANY',
} as const;

function stageCondition(
  stage: StageSpec,
  lookup: ConditionLookup,
  or: (a: EdgeCondition, b: EdgeCondition) => EdgeCondition,
  TRUE: EdgeCondition,
): EdgeCondition {
  let cond: EdgeCondition | null = stage.where !== undefined ? lookup(stage, 'where', stage.where) : null;
  (stage.or ?? []).forEach((src, i) => {
    const c = lookup(stage, 'or', src, i) ?? TRUE;
    cond = cond === null ? c : or(cond, c);
  });
  return cond ?? TRUE;
}

function linkOf(
  stage: StageSpec,
  previous: ChainLink | null,
  lookup: ConditionLookup,
  or: (a: EdgeCondition, b: EdgeCondition) => EdgeCondition,
  TRUE: EdgeCondition,
): ChainLink {
  const q = stage.quantifier;
  const looping = q.kind === 'oneOrMore' || q.kind === 'timesOrMore';
  let times: Times | null = null;
  let optional = q.optional;
  if (q.kind === 'oneOrMore') times = { from: 1, to: 1, window: q.window };
  else if (q.kind === 'timesOrMore') times = { from: q.from ?? 1, to: q.from ?? 1, window: q.window };
  else if (q.kind === 'times') {
    let from = q.from ?? 1;
    const to = q.to ?? from;
    // Flink's times(0, to) marks the stage optional and counts from 1.
    if (from === 0 && to > 0) {
      optional = true;
      from = 1;
    }
    times = { from, to, window: q.window };
  }
  const link: ChainLink = {
    name: stage.name,
    previous,
    strategy: OUTER[stage.contiguity] ?? 'STRICT',
    inner: INNER[q.inner] ?? 'SKIP_TILL_NEXT',
    looping,
    timesProperty: q.kind === 'times',
    optional,
    greedy: q.greedy,
    times,
    condition: stage.group ? TRUE : stageCondition(stage, lookup, or, TRUE),
    until: stage.until !== undefined ? lookup(stage, 'until', stage.until) : null,
    withinPreviousAndCurrent: stage.withinPreviousAndCurrent,
    group: null,
    spec: stage,
  };
  if (stage.group) link.group = buildChain(stage.group.stages, lookup, or, TRUE);
  return link;
}

function buildChain(
  stages: readonly StageSpec[],
  lookup: ConditionLookup,
  or: (a: EdgeCondition, b: EdgeCondition) => EdgeCondition,
  TRUE: EdgeCondition,
): ChainLink | null {
  let previous: ChainLink | null = null;
  for (const stage of stages) previous = linkOf(stage, previous, lookup, or, TRUE);
  return previous;
}

/** Builds the chain and applies the pattern-level `within` to the last stage, as Flink's chained .within() does. */
export function chainOf(
  spec: PatternSpec,
  lookup: ConditionLookup,
  or: (a: EdgeCondition, b: EdgeCondition) => EdgeCondition,
  TRUE: EdgeCondition,
): ChainLink | null {
  const last = buildChain(spec.stages, lookup, or, TRUE);
  if (last && spec.within) {
    if (spec.within.type === 'PREVIOUS_AND_CURRENT') last.withinPreviousAndCurrent = spec.within.ms;
    else last.withinFirstAndLast = spec.within.ms;
  }
  return last;
}
