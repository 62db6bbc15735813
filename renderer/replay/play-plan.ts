/**
 * Play's stopping rule, kept pure so it can be tested against the real engine: Play must stop on
 * exactly the event where Run-to-next-breakpoint (F5) would stop. The service checks breakpoints
 * only in replay.run, so the play loop asks it once ("look ahead": run, then seek back) and then
 * walks there at the chosen speed. A look-ahead cut short by its time budget still proves that no
 * breakpoint fires up to where it got, so Play walks that far and looks ahead again.
 */
import type { BreakpointHit, ReplayRunResult } from '../../electron/contract';

export interface PlayPlan {
  /** Position the plan was made at. */
  from: number;
  /** Play may move freely up to here (no breakpoint fires before it) and must pause at it. */
  until: number;
  /** The breakpoint that fires at `until` (shown as F5 shows it), or null: end or end of what was checked. */
  hit: BreakpointHit | null;
}

/** Steps a play at `speed` steps per second is owed after `elapsedMs`, the first one at once. */
export function stepsDue(elapsedMs: number, speed: number, taken: number): number {
  return Math.floor((Math.max(0, elapsedMs) * speed) / 1000) + 1 - taken;
}

/** Milliseconds from the play clock's start until step number `taken` (0-based) is due. */
export function dueAt(taken: number, speed: number): number {
  return (taken * 1000) / speed;
}

/** A plan without looking ahead: no breakpoint is enabled, so only the end stops Play. */
export function openPlan(from: number, total: number): PlayPlan {
  return { from, until: total, hit: null };
}

/** What a look-ahead run from `from` proved; null when it made no progress (nothing to play). */
export function planFromRun(from: number, total: number, result: ReplayRunResult): PlayPlan | null {
  if (result.hit) return { from, until: result.hit.position, hit: result.hit };
  if (result.done) return { from, until: total, hit: null };
  const reached = result.report.position;
  return reached > from ? { from, until: reached, hit: null } : null;
}

/**
 * Where the next move goes: `due` steps on (at least one, at most a second's worth, so a slow
 * round trip is caught up in one seek), never past the plan's end, so a breakpoint's event is
 * always landed on exactly.
 */
export function nextTarget(position: number, plan: PlayPlan, due: number, speed: number): number {
  const batch = Math.max(1, Math.min(due, Math.max(1, Math.round(speed))));
  return Math.min(plan.until, position + batch);
}
