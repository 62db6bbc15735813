/**
 * The part of Flink CEP the reference matcher covers. Anything else is refused with a reason, so a
 * caller can never mistake "not modelled" for "no matches".
 *
 * Covered:
 *  - positive stages with every quantifier (one, times(n), times(n,m) incl. times(0,m), oneOrMore,
 *    timesOrMore), optional, greedy, inner consecutive / relaxed / allowCombinations;
 *  - contiguity next / followedBy / followedByAny;
 *  - notNext and notFollowedBy in the middle, when both neighbours are non-optional positive stages
 *    and the stage before is not greedy; notFollowedBy additionally not after a times(n,m) range
 *    (Flink puts the stop edge on the range's copies but not on their ignore states; not modelled).
 *    A notFollowedBy *before* a times(n,m) range also guards the ignore states of the range's
 *    optional repetitions n+1 .. m (see rangeIgnoreStateChecks in enumerate.ts);
 *  - a trailing notNext after a non-optional positive stage, and a trailing notFollowedBy (with a
 *    FIRST_AND_LAST window) after a non-optional positive stage that is not a range;
 *  - where / or conditions, including aggregates over already-bound events (compiled with
 *    engine/expr's compileCondition, ctx.eventsOf = events bound before the candidate);
 *  - within FIRST_AND_LAST;
 *  - skip NO_SKIP, and SKIP_TO_NEXT / SKIP_PAST_LAST_EVENT for patterns without NOT stages;
 *  - the nfa harness (advanceTime(ts) then process, nothing flushed), timestamps non-decreasing.
 * Not covered: groups, until, PREVIOUS_AND_CURRENT windows, per-repetition quantifier windows,
 * SKIP_TO_FIRST / SKIP_TO_LAST, timeouts (only matches are produced), the operator harness.
 */
import type { PatternSpec, StageSpec } from '../../engine/pattern/spec';

const isNot = (s: StageSpec | undefined): boolean =>
  s?.contiguity === 'notNext' || s?.contiguity === 'notFollowedBy';

function isOptional(s: StageSpec): boolean {
  return s.quantifier.optional || (s.quantifier.kind === 'times' && s.quantifier.from === 0);
}

function isRange(s: StageSpec): boolean {
  const q = s.quantifier;
  return q.kind === 'times' && q.to !== undefined && q.to !== q.from;
}

function isGreedyEffective(s: StageSpec): boolean {
  const q = s.quantifier;
  return q.greedy && (q.kind === 'oneOrMore' || q.kind === 'timesOrMore' || isRange(s));
}

function stageProblem(spec: PatternSpec, i: number): string | null {
  const s = spec.stages[i];
  const where = `stage '${s.name}'`;
  if (s.group) return `${where}: groups are not covered`;
  if (s.until !== undefined) return `${where}: until is not covered`;
  if (s.withinPreviousAndCurrent !== undefined) return `${where}: PREVIOUS_AND_CURRENT is not covered`;
  if (s.quantifier.window !== undefined) return `${where}: quantifier windows are not covered`;
  if (i === 0 && s.contiguity !== 'begin') return `${where}: the first stage must be 'begin'`;
  if (i > 0 && s.contiguity === 'begin') return `${where}: 'begin' is only for the first stage`;
  if (!isNot(s)) return null;
  const prev = spec.stages[i - 1];
  const next = spec.stages[i + 1];
  if (!prev || isNot(prev) || isOptional(prev))
    return `${where}: a NOT stage must follow a non-optional positive stage`;
  if (isGreedyEffective(prev)) return `${where}: a NOT stage after a greedy stage is not covered`;
  if (s.contiguity === 'notFollowedBy' && isRange(prev))
    return `${where}: notFollowedBy after a times(n,m) range is not covered`;
  if (next && (isNot(next) || isOptional(next)))
    return `${where}: a NOT stage in the middle must precede a non-optional positive stage`;
  if (!next && s.contiguity === 'notFollowedBy') {
    if (!spec.within || spec.within.type !== 'FIRST_AND_LAST' || spec.within.ms <= 0)
      return `${where}: a trailing notFollowedBy needs a window`;
  }
  return null;
}

/** Why the reference cannot judge this pattern, or null when it can. */
export function outsideSubset(spec: PatternSpec): string | null {
  if (spec.stages.length === 0) return 'empty pattern';
  if (spec.within && spec.within.type !== 'FIRST_AND_LAST')
    return 'within PREVIOUS_AND_CURRENT is not covered';
  const skip = spec.skip.kind;
  if (skip !== 'NO_SKIP' && skip !== 'SKIP_TO_NEXT' && skip !== 'SKIP_PAST_LAST_EVENT')
    return `skip ${skip} is not covered`;
  const names = new Set<string>();
  for (let i = 0; i < spec.stages.length; i++) {
    const name = spec.stages[i].name;
    if (names.has(name)) return `duplicate stage name '${name}'`;
    names.add(name);
    const problem = stageProblem(spec, i);
    if (problem) return problem;
  }
  if (skip !== 'NO_SKIP' && spec.stages.some(isNot)) return 'skip strategies with NOT stages are not covered';
  return null;
}
