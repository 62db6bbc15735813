/**
 * ReplaySession: the replay debugger's core over any EventSource. Step forward and back, seek to a
 * step, an event or a time, run to the end or to a breakpoint. Every move goes through the real
 * matcher (restored from the nearest checkpoint and run forward), so a state reached by stepping
 * back is the state a straight run has at that point. Steps already reported are answered from a
 * cache of reports (they are a function of the position); reports are shared, do not mutate them.
 */
import type { MatcherOutput, MatcherSnapshot } from '../nfa/matcher-types';
import { RunBudgetExceeded } from '../nfa/run-budget';
import type { CepMatcher } from '../nfa/matcher';
import { describePending, pendingSummary } from '../nfa/pending';
import {
  compileBreakpoints,
  type Breakpoint,
  type BreakpointHit,
  type CompiledBreakpoints,
} from './breakpoints';
import { CheckpointStore, type CheckpointOptions } from './checkpoints';
import { counterViews } from './counters';
import type { ReplayPattern } from './replay-pattern';
import { BACK_BATCH, ReportCache } from './report-cache';
import { createContext, Runner, type ReplayContext } from './runner';
import { StepTracer } from './trace';
import type { EventSource, EventView, OutputView, StepReport } from './types';
import { finiteOrNull, outputView, partialView } from './views';
import type { Diagnostic } from '../pattern/diagnostic';
import { whyNot, type WhyNotVerdict } from './why-not';

export interface ReplaySessionOptions {
  checkpoints?: CheckpointOptions;
  /** Share checkpoints with another session over the same pattern and events (e.g. the analysis run). */
  checkpointStore?: CheckpointStore;
}

export interface RunResult {
  report: StepReport;
  hit: BreakpointHit | null;
  /** True when the end of input was reached. */
  done: boolean;
  /** The run budget stopped the run: why. The report is the step before the one that went over. */
  stopped?: string;
}

export class ReplaySession {
  readonly ctx: ReplayContext;
  private readonly runner: Runner;
  private last: StepReport;
  private breakpoints: CompiledBreakpoints | null = null;
  /** The step the user is at; the runner may stand elsewhere after moves answered from `reports`. */
  private cursor = 0;
  private readonly reports = new ReportCache();

  constructor(pattern: ReplayPattern, source: EventSource, options: ReplaySessionOptions = {}) {
    const store = options.checkpointStore ?? new CheckpointStore(source.count + 1, options.checkpoints);
    this.ctx = createContext(pattern, source, store);
    this.runner = new Runner(this.ctx);
    this.last = this.buildReport(null, []);
  }

  get position(): number {
    return this.cursor;
  }

  /** Steps in the recording: one per event plus end of input. */
  get total(): number {
    return this.runner.total;
  }

  get checkpoints(): CheckpointStore {
    return this.ctx.checkpoints;
  }

  report(): StepReport {
    return this.last;
  }

  /** The matcher's state as plain JSON (for comparisons and saving). */
  stateSnapshot(): MatcherSnapshot {
    this.syncRunner();
    return this.runner.matcher.snapshot();
  }

  stepForward(): StepReport {
    return this.seek(this.position + 1);
  }

  stepBack(): StepReport {
    const target = this.position - 1;
    if (target > 0 && this.reports.get(target) === undefined && target < this.runner.position) {
      // The runner has to go back: report the steps before the target on the way.
      this.runner.goTo(Math.floor((target - 1) / BACK_BATCH) * BACK_BATCH, undefined, true);
      while (this.runner.position < target) this.tracedStep();
    }
    return this.seek(target);
  }

  /**
   * Goes to a step position (0 … total) and reports the step that led there; with `focusSeq` (an
   * event read by then), the report is about that event (see StepReport.focus).
   */
  seek(position: number, focusSeq?: number): StepReport {
    const report = this.seekPlain(position);
    if (focusSeq === undefined || focusSeq === report.event?.seq || focusSeq >= report.position)
      return report;
    this.last = this.focused(report, focusSeq);
    return this.last;
  }

  private seekPlain(position: number): StepReport {
    const target = Math.max(0, Math.min(this.total, Math.floor(position)));
    const known = this.reports.get(target);
    if (known !== undefined) this.last = known;
    else if (target === 0) {
      this.runner.restore(0);
      this.last = this.buildReport(null, []);
    } else {
      // A move the run budget refuses (RunBudgetExceeded) leaves the cursor where it was.
      this.runner.goTo(target - 1);
      this.last = this.tracedStep();
    }
    this.cursor = target;
    return this.last;
  }

  /** The report with `seq` as its subject: that event, and its key's partial matches now. */
  private focused(report: StepReport, seq: number): StepReport {
    this.syncRunner();
    const { pattern } = this.ctx;
    const ev = this.runner.reader.at(seq);
    const focus: EventView = { seq: ev.seq, ts: ev.ts, key: pattern.keyOf(ev.payload), payload: ev.payload };
    return { ...report, focus, partialMatches: this.partialMatchesOf(focus.key) };
  }

  private partialMatchesOf(key: string) {
    const m = this.runner.matcher;
    const ev = this.runner.current;
    const now = this.ctx.pattern.time === 'event' ? m.watermark : (ev?.ts ?? Number.NaN);
    return m.partialMatches(key).map((p) => partialView(key, p, now));
  }

  /** One step with its trace, reported (and kept for moving back over it). */
  private tracedStep(): StepReport {
    const tracer = new StepTracer(this.runner);
    const outputs = this.runner.step(tracer);
    const report = this.buildReport(tracer, outputs);
    this.reports.set(report);
    return report;
  }

  /** Brings the runner to the cursor (moves answered from cached reports leave it elsewhere). */
  private syncRunner(): void {
    if (this.runner.position !== this.cursor) this.runner.goTo(this.cursor);
  }

  /** Makes event `index` the current event. */
  seekEvent(index: number): StepReport {
    return this.seek(index + 1);
  }

  /** Makes the first event at or after `ts` (in recording order) the current event; end of input if none. */
  seekTime(ts: number): StepReport {
    const src = this.ctx.source as EventSource & { firstAtOrAfter?: (t: number) => number | null };
    let index: number | null = null;
    if (src.firstAtOrAfter) index = src.firstAtOrAfter(ts);
    else
      for (let i = 0; i < src.count && index === null; i++) if (this.runner.reader.at(i).ts >= ts) index = i;
    return this.seek(index === null ? this.total : index + 1);
  }

  setBreakpoints(list: readonly Breakpoint[]): Diagnostic[] {
    const r = compileBreakpoints(this.ctx.pattern, list);
    if (!r.ok) return r.diagnostics;
    this.breakpoints = r.breakpoints.isEmpty ? null : r.breakpoints;
    return [];
  }

  /**
   * Runs at most `maxSteps` steps, stopping at a breakpoint when `useBreakpoints`. Returns null
   * when neither happened (call again: the service runs long stretches in chunks), else the result.
   */
  advance(maxSteps: number, useBreakpoints: boolean): RunResult | null {
    const bps = useBreakpoints ? this.breakpoints : null;
    this.syncRunner();
    for (let i = 0; i < maxSteps; i++) {
      // The end-of-input step (the flush) is a step like any other: matches it releases can hit too.
      if (this.runner.position >= this.total) return { report: this.seek(this.total), hit: null, done: true };
      const at = this.runner.position;
      try {
        if (bps) {
          const hit = bps.step(this.runner);
          if (hit) return { report: this.seek(hit.position, hit.seq), hit, done: hit.position >= this.total };
        } else this.runner.step();
      } catch (e) {
        // The run budget refuses the next step: pause on the last step that fit.
        if (!(e instanceof RunBudgetExceeded)) throw e;
        return { report: this.seek(at), hit: null, done: false, stopped: e.message };
      }
    }
    this.cursor = this.runner.position;
    return null;
  }

  runToEnd(): RunResult {
    return this.advance(Number.POSITIVE_INFINITY, false) as RunResult;
  }

  runUntilBreakpoint(maxSteps = Number.POSITIVE_INFINITY): RunResult {
    return this.advance(maxSteps, true) ?? { report: this.seekPlain(this.position), hit: null, done: false };
  }

  /** Why event #seq did not advance a partial match at `stage` (the session does not move). */
  whyNot(seq: number, stage: string): WhyNotVerdict {
    return whyNot(this.ctx, seq, stage);
  }

  private buildReport(tracer: StepTracer | null, outputs: MatcherOutput[]): StepReport {
    const r = this.runner;
    const { pattern } = this.ctx;
    const m = r.matcher;
    const ev = r.current;
    const event: EventView | undefined = ev
      ? { seq: ev.seq, ts: ev.ts, key: pattern.keyOf(ev.payload), payload: ev.payload }
      : undefined;
    const buffered = m.bufferedCount();
    // Buffered events are all above the watermark (due ones are processed at once).
    const waiting = ev != null && event !== undefined && m.isBuffered(event.key, ev.seq);
    const partialMatches = event ? this.partialMatchesOf(event.key) : [];
    const endOfInput = r.position === r.total && r.position > 0;
    const out: OutputView[] = outputs.map((o) => outputView(o, pattern.text));
    for (const { d, kind } of tracer?.discards ?? []) {
      if (kind === 'window') continue; // reported as timeouts
      out.push({
        kind: 'discard',
        key: d.seq !== undefined ? pattern.keyOf(r.reader.at(d.seq).payload) : (event?.key ?? ''),
        timestamp: d.timestamp,
        reason: kind,
        stage: pattern.stateByName.get(d.state)?.stage ?? d.state,
        bound: d.match
          ? d.match.stages.map((s) => ({ stage: s.stage, seqs: s.events.map((e) => e.seq) }))
          : [],
      });
    }
    return {
      position: r.position,
      total: r.total,
      ...(event ? { event } : {}),
      endOfInput,
      processed: tracer?.processed() ?? [],
      partialMatches,
      outputs: out,
      counters: counterViews(pattern, r.counters, m),
      watermark: finiteOrNull(m.watermark),
      bufferedEvents: buffered,
      waitingForWatermark: waiting,
      totals: { matches: r.counters.matches, timeouts: r.counters.timeouts, late: r.counters.late },
      time: pattern.time,
      ...(endOfInput ? pendingAtEnd(m) : {}),
    };
  }
}

function pendingAtEnd(m: CepMatcher): { pendingAtEnd?: string } {
  const text = describePending(pendingSummary(m));
  return text === null ? {} : { pendingAtEnd: text };
}
