/**
 * The Play loop: moves forward at the chosen speed and stops on the event where a breakpoint fires,
 * exactly where F5 would stop (see play-plan.ts). The store supplies the moves; the loop only
 * decides when and how far. Every check is against the store's current state, so a seek from the
 * timeline, a breakpoint edit or a pause while playing is noticed before the next move.
 */
import type { Breakpoint, BreakpointHit, ReplayRunResult } from '../../electron/contract';
import { dueAt, nextTarget, openPlan, planFromRun, stepsDue, type PlayPlan } from './play-plan';

export interface PlayView {
  sessionId: string | null;
  /** Current step position, null without a report. */
  position: number | null;
  total: number;
  playing: boolean;
  speed: number;
  breakpoints: readonly Breakpoint[];
}

export interface PlayLoopDeps {
  read(): PlayView;
  /** Runs to the next breakpoint and seeks back to `from`, as one uninterrupted task; null when it failed or was dropped. */
  lookAhead(sessionId: string, from: number): Promise<ReplayRunResult | null>;
  /** Stops a look-ahead in flight (its result still tells how far it checked). */
  cutLookAhead(sessionId: string): void;
  /** Moves to `position` (one step or a seek); `hit` becomes the shown stop reason when it lands. */
  moveTo(position: number, hit: BreakpointHit | null): Promise<void>;
  /** Play ended by itself: at a breakpoint (note null) or at the end (a note). */
  finish(note: string | null): void;
}

/** How long one look-ahead may run before it is cut (then Play walks as far as it checked). */
export const LOOK_AHEAD_BUDGET_MS = 400;

const enabled = (list: readonly Breakpoint[]) => list.some((b) => b.enabled !== false);

export class PlayLoop {
  private token = 0;
  private plan: (PlayPlan & { at: number; breakpoints: readonly Breakpoint[] }) | null = null;
  private clock = { start: 0, taken: 0 };
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lookingAhead: string | null = null;

  constructor(private readonly deps: PlayLoopDeps) {}

  start(): void {
    this.halt();
    const token = this.token;
    this.resetClock();
    void this.tick(token);
  }

  /** Stops scheduling moves; a look-ahead in flight is cut short. */
  halt(): void {
    this.token += 1;
    this.plan = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.lookingAhead) this.deps.cutLookAhead(this.lookingAhead);
  }

  /** A new speed counts from now (otherwise the time already played would be owed at the new rate). */
  resetClock(): void {
    this.clock = { start: performance.now(), taken: 0 };
  }

  private live(token: number): boolean {
    return token === this.token && this.deps.read().playing;
  }

  private async tick(token: number): Promise<void> {
    this.timer = null;
    for (;;) {
      if (!this.live(token)) return;
      const view = this.deps.read();
      if (view.sessionId === null || view.position === null) return;
      const position = view.position;
      if (position >= view.total) {
        this.deps.finish('Reached the end of the recording.');
        return;
      }
      const plan = this.plan;
      if (!plan || plan.at !== position || plan.breakpoints !== view.breakpoints || position >= plan.until) {
        const made = await this.makePlan(token, view.sessionId, position, view);
        if (!this.live(token)) return;
        if (!made) {
          this.deps.finish(null);
          return;
        }
        continue;
      }
      const elapsed = performance.now() - this.clock.start;
      const due = stepsDue(elapsed, view.speed, this.clock.taken);
      if (due <= 0) {
        const wait = Math.max(0, dueAt(this.clock.taken, view.speed) - elapsed);
        this.timer = setTimeout(() => void this.tick(token), wait);
        return;
      }
      const target = nextTarget(position, plan, due, view.speed);
      const hit = target === plan.until ? plan.hit : null;
      await this.deps.moveTo(target, hit);
      if (token !== this.token) return;
      this.clock.taken += target - position;
      const landed = this.deps.read().position === target;
      if (landed && hit) {
        this.deps.finish(null);
        return;
      }
      // A move that did not land (dropped, failed, or another seek won) makes the next turn replan.
      if (this.plan) this.plan.at = landed ? target : -1;
    }
  }

  private async makePlan(token: number, sessionId: string, from: number, view: PlayView): Promise<boolean> {
    let plan: PlayPlan | null;
    if (!enabled(view.breakpoints)) plan = openPlan(from, view.total);
    else {
      this.lookingAhead = sessionId;
      const budget = setTimeout(() => this.deps.cutLookAhead(sessionId), LOOK_AHEAD_BUDGET_MS);
      let result: ReplayRunResult | null;
      try {
        result = await this.deps.lookAhead(sessionId, from);
      } finally {
        clearTimeout(budget);
        this.lookingAhead = null;
      }
      if (token !== this.token) return false;
      plan = result ? planFromRun(from, view.total, result) : null;
    }
    if (!plan) return false;
    this.plan = { ...plan, at: from, breakpoints: view.breakpoints };
    // Time spent looking ahead is not owed as steps.
    this.resetClock();
    return true;
  }
}
