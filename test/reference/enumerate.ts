/**
 * Brute-force enumeration of every complete match, and of the step at which Flink emits it.
 *
 * Two phases, kept apart for clarity:
 *  1. `candidateAssignments` lists assignments of events to stages that respect the take conditions,
 *     quantifier bounds and the contiguity of every repetition:
 *       next / consecutive      the event right after the previous one;
 *       followedBy / relaxed    the first later event satisfying the condition (skipped events are
 *                               the ones that do not match, and the branch never skips a match);
 *       followedByAny / combos  any later event satisfying the condition.
 *     A skipped optional stage leaves the next stage measured from the same previous event (Flink
 *     decides the skip on the first event after it, so no duplicate arises). The first bound event
 *     of a match is free: every event is a candidate start.
 *  2. `judge` applies the rules that need the whole assignment: greedy, NOT stages, the window and
 *     the emission step (eager completion vs. trailing NOTs).
 */
import { bindingsBefore, type Binding, type RefEvent, type StageRule } from './model';

/** When a match comes out: in `advanceTime(ts of step)` or in `process(event of step)`. */
export type Phase = 'advance' | 'process';

export interface Judged {
  assignment: readonly Binding[];
  step: number;
  phase: Phase;
}

export interface Problem {
  rules: readonly StageRule[];
  events: readonly RefEvent[];
  /** FIRST_AND_LAST window in ms, or undefined for none. */
  window: number | undefined;
}

/** Events a stage may take next after `prev` (-1: nothing bound yet, any event may start). */
export function nextCandidates(
  p: Problem,
  stage: number,
  rule: 'start' | StageRule['entry'],
  prev: number,
  bound: readonly Binding[],
): number[] {
  const cond = p.rules[stage].cond;
  const ctx = bindingsBefore(bound, Infinity, p.rules);
  const out: number[] = [];
  const from = rule === 'start' ? 0 : prev + 1;
  for (let y = from; y < p.events.length; y++) {
    if (!cond(y, ctx)) {
      if (rule === 'next') break;
      continue;
    }
    out.push(y);
    if (rule === 'next' || rule === 'followedBy') break;
  }
  return out;
}

/** Every assignment satisfying conditions, bounds and contiguity (non-empty, all mandatory stages bound). */
export function candidateAssignments(p: Problem): Binding[][] {
  const out: Binding[][] = [];
  const n = p.rules.length;
  const walk = (i: number, bound: Binding[]): void => {
    if (i === n) {
      if (bound.length > 0) out.push(bound);
      return;
    }
    const rule = p.rules[i];
    if (rule.kind !== 'positive') return walk(i + 1, bound);
    if (rule.optional) walk(i + 1, bound);
    const reps = (b: Binding[], count: number): void => {
      if (count >= rule.min) walk(i + 1, b);
      if (count === rule.max) return;
      const prev = b.length > 0 ? b[b.length - 1].event : -1;
      const how = count === 0 ? (prev < 0 ? 'start' : rule.entry) : rule.inner;
      for (const y of nextCandidates(p, i, how, prev, b)) reps([...b, { stage: i, event: y }], count + 1);
    };
    reps(bound, 0);
  };
  walk(0, []);
  return out;
}

export const eventsOfStage = (a: readonly Binding[], stage: number): number[] =>
  a.filter((b) => b.stage === stage).map((b) => b.event);

/** Last bound event before `event` in the assignment, or -1. */
function anchorBefore(a: readonly Binding[], event: number): number {
  let anchor = -1;
  for (const b of a) if (b.event < event) anchor = b.event;
  return anchor;
}

/**
 * Greedy: the state after a greedy loop/range can neither take nor skip an event the greedy stage
 * could take. So while a run waits for the stage after it (from the event after the anchor up to
 * and including the one it takes), no event may satisfy the greedy stage's condition.
 */
export function greedyViolated(p: Problem, a: readonly Binding[]): boolean {
  for (let g = 0; g + 1 < p.rules.length; g++) {
    const rule = p.rules[g];
    if (!rule.greedy) continue;
    const taken = eventsOfStage(a, g + 1);
    if (taken.length === 0) continue;
    const e = taken[0];
    const anchor = anchorBefore(a, e);
    for (let y = anchor < 0 ? e : anchor + 1; y <= e; y++) {
      if (rule.cond(y, bindingsBefore(a, y, p.rules))) return true;
    }
  }
  return false;
}

/** Events at which a NOT stage in the middle stops the run (a Flink Stop state). */
function middleNotKills(p: Problem, a: readonly Binding[], notIndex: number): number[] {
  const not = p.rules[notIndex];
  const before = eventsOfStage(a, notIndex - 1);
  const after = eventsOfStage(a, notIndex + 1);
  const kills: number[] = [];
  const check = (y: number): void => {
    if (y < p.events.length && not.cond(y, bindingsBefore(a, y, p.rules))) kills.push(y);
  };
  if (not.kind === 'notFollowedBy') {
    // From the first event of the stage before (every repetition state carries the stop edge)
    // up to and including the first event the stage after takes; then, when that stage is a
    // times(n,m) range, the waits in its optional repetitions' ignore states.
    for (let y = before[0] + 1; y <= after[0]; y++) check(y);
    rangeIgnoreStateChecks(p.rules[notIndex + 1], after).forEach(check);
  } else {
    // notNext: whenever the stage before may end (count >= min), the very next event is checked.
    notNextChecks(p.rules[notIndex - 1], before).forEach(check);
  }
  return kills;
}

/**
 * Events a notFollowedBy still checks *inside* the times(n,m) range right after it. Flink gives the
 * ignore state of every optional repetition (n+1 .. m) the stop edges of the NOTs before the stage
 * (NFACompiler#createSingletonState calls addStopStates(ignoreState) whenever isOptional, and
 * createTimesState builds repetitions n+1 .. m with isOptional = true). After repetition j >= n the
 * run waits in repetition j+1's own state for one event (no stop edge there); any later event
 * before repetition j+1 is judged from the ignore state, so a forbidden event there, up to and
 * including the one repetition j+1 takes, stops the run. Loops and times(n) have no such state;
 * neither has a consecutive range (no IGNORE edge at all).
 */
function rangeIgnoreStateChecks(next: StageRule, taken: readonly number[]): number[] {
  const isRange = Number.isFinite(next.max) && next.min < next.max;
  if (!isRange || next.inner === 'next') return [];
  const out: number[] = [];
  for (let j = next.min; j < taken.length; j++) {
    for (let y = taken[j - 1] + 2; y <= taken[j]; y++) out.push(y);
  }
  return out;
}

/** Events a notNext after `prev` checks: the one right after each repetition that may end the stage. */
function notNextChecks(prev: StageRule, taken: readonly number[]): number[] {
  const out: number[] = [];
  for (let j = Math.max(prev.min, 1); j <= taken.length; j++) out.push(taken[j - 1] + 1);
  return out;
}

function inWindow(p: Problem, start: number, at: number): boolean {
  return p.window === undefined || p.events[at].ts - p.events[start].ts < p.window;
}

/** Decides whether an assignment is a match Flink emits, and when. */
export function judge(p: Problem, a: readonly Binding[]): Judged | null {
  if (greedyViolated(p, a)) return null;
  const n = p.rules.length;
  const start = a[0].event;
  const last = a[a.length - 1].event;
  const kills: number[] = [];
  for (let i = 1; i + 1 < n; i++) {
    if (p.rules[i].kind === 'notFollowedBy') kills.push(...middleNotKills(p, a, i));
    // notNext guards the entry of the next stage: a forbidden event there is never a match.
    else if (p.rules[i].kind === 'notNext' && middleNotKills(p, a, i).length > 0) return null;
  }

  let step: number;
  let phase: Phase;
  const tail = p.rules[n - 1];
  if (tail.kind === 'notNext') {
    // Emitted when the next event arrives and is not forbidden (IGNORE into Final); before that,
    // each earlier point where the stage could have ended also checked its next event.
    const prev = p.rules[n - 2];
    const taken = eventsOfStage(a, n - 2);
    const checks = notNextChecks(prev, taken);
    for (const y of checks) {
      if (y >= p.events.length) return null;
      if (tail.cond(y, bindingsBefore(a, y, p.rules))) return null;
    }
    step = last + 1;
    phase = 'process';
  } else if (tail.kind === 'notFollowedBy') {
    // Pending until time passes the window, then released by advanceTime as a match.
    const prev = p.rules[n - 2];
    const taken = eventsOfStage(a, n - 2);
    if (!inWindow(p, start, last)) return null;
    let u = last + 1;
    while (u < p.events.length && inWindow(p, start, u)) u++;
    if (u >= p.events.length) return null;
    // A stage that could still repeat moves into the pending state only on the next event.
    if (taken.length < prev.max && u === last + 1) return null;
    for (let y = taken[0] + 1; y < u; y++) if (tail.cond(y, bindingsBefore(a, y, p.rules))) return null;
    step = u;
    phase = 'advance';
  } else {
    step = last;
    phase = 'process';
  }
  // advanceTime(ts) before each event drops runs whose window has passed; a pending NOT is the
  // one thing that turns into a match at that moment instead.
  if (phase === 'process' && !inWindow(p, start, step)) return null;
  // A stop at an earlier step kills the run; one in the completing step still lets the match out.
  for (const y of kills) if (y < step || phase === 'advance') return null;
  return { assignment: a, step, phase };
}
