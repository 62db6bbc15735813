/**
 * Orders judged matches the way Flink's NFA harness emits them, and applies SKIP_TO_NEXT /
 * SKIP_PAST_LAST_EVENT.
 *
 * NO_SKIP: per step, matches released by advanceTime come first, then those completed by the event;
 * within a batch, by start event (ties have no defined order in Flink).
 *
 * Skip strategies: a completed match waits until no live partial match started before it; when it
 * is emitted, every partial and completed match whose start event is <= the pruning event (the
 * match's first event for SKIP_TO_NEXT, its last for SKIP_PAST_LAST_EVENT) is discarded. Liveness
 * is decided from the prefixes of candidate assignments (see `aliveAfter`).
 */
import { candidatePrefixes, type Prefix } from './prefixes';
import type { Judged, Problem } from './enumerate';
import type { SkipStrategy } from '../../engine/pattern/spec';

export interface Emission {
  emitted: Judged[];
  /** True when Flink's output depends on heap order among matches with the same start event. */
  tieDependent: boolean;
}

const phaseRank = (j: Judged): number => (j.phase === 'advance' ? 0 : 1);
const startOf = (j: Judged): number => j.assignment[0].event;
const lastOf = (j: Judged): number => j.assignment[j.assignment.length - 1].event;

function byEmission(a: Judged, b: Judged): number {
  return a.step - b.step || phaseRank(a) - phaseRank(b) || startOf(a) - startOf(b);
}

function hasStartTies(list: readonly Judged[]): boolean {
  for (let i = 1; i < list.length; i++) {
    const a = list[i - 1];
    const b = list[i];
    if (a.step === b.step && a.phase === b.phase && startOf(a) === startOf(b)) return true;
  }
  return false;
}

function noSkip(judged: readonly Judged[]): Emission {
  const emitted = [...judged].sort(byEmission);
  return { emitted, tieDependent: hasStartTies(emitted) };
}

function inWindow(p: Problem, start: number, at: number): boolean {
  return p.window === undefined || p.events[at].ts - p.events[start].ts < p.window;
}

/** Whether no event in (from, to] satisfies the stage's condition. */
function noneMatch(
  p: Problem,
  stage: number,
  prefix: Prefix,
  from: number,
  to: number,
  bound: Prefix['bound'],
): boolean {
  for (let y = from + 1; y <= to; y++) if (p.rules[stage].cond(y, bound)) return false;
  return true;
}

/**
 * Whether some run holding exactly this prefix is still a partial match after step t: it is inside
 * the window and either can still repeat its last stage or waits at a later stage, with every event
 * since its last take skippable there.
 */
export function aliveAfter(p: Problem, prefix: Prefix, t: number): boolean {
  const { stage: k, count: r, last: L, start } = prefix;
  const n = p.rules.length;
  const rule = p.rules[k];
  if (!inWindow(p, start, t)) return false;
  if (t === L) return r < rule.max || k + 1 < n;
  if (r < rule.max) {
    if (rule.inner === 'followedByAny') return true;
    if (rule.inner === 'followedBy' && noneMatch(p, k, prefix, L, t, prefix.bound)) return true;
  }
  if (r < rule.min) return false;
  for (let m = k + 1; m < n; m++) {
    const entry = p.rules[m].entry;
    const greedyOk = !p.rules[m - 1].greedy || noneMatch(p, m - 1, prefix, L, t, prefix.bound);
    const waitOk =
      entry === 'followedByAny' || (entry === 'followedBy' && noneMatch(p, m, prefix, L, t, prefix.bound));
    if (greedyOk && waitOk) return true;
    if (!p.rules[m].optional) break;
  }
  return false;
}

function withSkip(
  p: Problem,
  judged: readonly Judged[],
  kind: 'SKIP_TO_NEXT' | 'SKIP_PAST_LAST_EVENT',
): Emission {
  const prefixes = candidatePrefixes(p);
  const liveStarts = (t: number, windowAt: number): number[] => {
    if (t < 0) return [];
    const starts = new Set<number>();
    for (const pre of prefixes) {
      if (
        pre.last <= t &&
        !starts.has(pre.start) &&
        aliveAfter(p, pre, t) &&
        inWindow(p, pre.start, windowAt)
      )
        starts.add(pre.start);
    }
    return [...starts];
  };
  let pruned = -1; // every run starting at or before this event has been discarded
  let queue: Judged[] = [];
  const emitted: Judged[] = [];
  let tieDependent = false;
  const drain = (live: number[], step: number, phase: Judged['phase']): void => {
    for (;;) {
      queue.sort((a, b) => startOf(a) - startOf(b));
      const head = queue[0];
      if (!head) return;
      const earliestLive = Math.min(...live.filter((s) => s > pruned));
      if (earliestLive < startOf(head)) return;
      if (queue.filter((j) => startOf(j) === startOf(head)).length > 1) tieDependent = true;
      emitted.push({ ...head, step, phase }); // released now, whenever it completed
      pruned = Math.max(pruned, kind === 'SKIP_TO_NEXT' ? startOf(head) : lastOf(head));
      queue = queue.filter((j) => startOf(j) > pruned);
    }
  };
  for (let t = 0; t < p.events.length; t++) {
    drain(liveStarts(t - 1, t), t, 'advance'); // advanceTime(ts_t): timed-out runs no longer hold matches back
    queue.push(...judged.filter((j) => j.step === t && startOf(j) > pruned));
    drain(liveStarts(t, t), t, 'process');
  }
  return { emitted, tieDependent };
}

export function emissionOrder(p: Problem, judged: readonly Judged[], skip: SkipStrategy): Emission {
  if (skip.kind === 'SKIP_TO_NEXT' || skip.kind === 'SKIP_PAST_LAST_EVENT')
    return withSkip(p, judged, skip.kind);
  return noSkip(judged);
}
