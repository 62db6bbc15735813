/**
 * The high-level matcher, Flink's CepOperator: keyed NFA states, event-time buffering released by
 * watermarks through per-key timers, late-event reporting, window timers, and outputs stamped the
 * way Flink stamps them. Apps, the CLI, servers and replay all drive patterns through this.
 */
import type { EventRecord } from '../pattern/spec';
import {
  bufferedEvents,
  bufferEvent,
  clearBuffer,
  isIdle,
  newKeyState,
  recycleKeyState,
  setBuffer,
  type BufferedEvent,
  type KeyState,
} from './key-state';
import type { MatcherCounters, MatcherOptions, MatcherOutput } from './matcher-types';
import type { NfaObserver } from './observer';
import { BudgetBreach, busiestStage, createRunBudget, RunBudgetExceeded, type RunBudget } from './run-budget';
import { advanceTime, processEvent, startsNothing } from './runtime';
import type { CompiledNfa, NfaStepResult } from './types';
import { listPartialMatches, type PartialMatchInfo } from './introspect';
import { snapshotMatcher } from './matcher-snapshot';
import { TimerQueue, type TimerLane } from './timer-queue';
import type { MatcherSnapshot } from './matcher-types';

export type { BufferedEvent, KeyState } from './key-state';

const DEFAULT_KEY = '';
/** What push and advanceWatermark return when nothing came out (most calls): no allocation. */
const NO_OUTPUT: MatcherOutput[] = Object.freeze([]) as unknown as MatcherOutput[];
const byTimestamp = (a: BufferedEvent, b: BufferedEvent): number => a.ts - b.ts;
const EVENT_TIMER: TimerLane = 0;
const WINDOW_TIMER: TimerLane = 1;
/** Idle key states kept for reuse; beyond this they are left to the garbage collector. */
const POOL_LIMIT = 1024;
/** Idle keys queued before a sweep. */
const SWEEP_AT = 256;

export class CepMatcher {
  /** Keys with live state (partial matches, buffered events or timers), in first-seen order. */
  readonly keys = new Map<string, KeyState>();
  readonly timers = new TimerQueue<KeyState>();
  timerOrder = 0;
  watermark = Number.NEGATIVE_INFINITY;
  maxTimestamp = Number.NEGATIVE_INFINITY;
  nextSeq = 0;
  /** Run ids of a new key state start here, so a key that went idle and came back never reuses an id. */
  runIdFloor = 1;
  counters: MatcherCounters = { events: 0, matches: 0, timeouts: 0, late: 0, warnings: 0, errors: 0 };
  private out: MatcherOutput[] = [];
  private readonly pool: KeyState[] = [];
  /** Keys that went idle since the last sweep, in order (part of the state: snapshots carry it). */
  idleQueue: KeyState[] = [];
  /** Sweeps so far: a KeyState held across a watermark move is valid only if none ran. */
  private sweeps = 0;

  /** Totals against the run budget (null: no budget); see run-budget.ts. */
  readonly budget: RunBudget | null;
  /** Set once the budget stopped the run: every later call throws it again. */
  private stopped: RunBudgetExceeded | null = null;

  private readonly autoWatermarks: boolean;
  private readonly outOfOrderness: number;
  /** Periodic watermark interval (ms) on the event clock, or 0: the watermark follows every event. */
  private readonly watermarkInterval: number;
  private readonly fastPath: boolean;
  private readonly withTimeouts: boolean;

  constructor(
    readonly nfa: CompiledNfa,
    readonly options: MatcherOptions,
  ) {
    this.autoWatermarks = (options.watermarks ?? 'auto') === 'auto';
    this.outOfOrderness = options.outOfOrdernessMs ?? 0;
    const interval = options.watermarkIntervalMs ?? 0;
    this.watermarkInterval = interval > 0 && Number.isFinite(interval) ? interval : 0;
    this.fastPath = options.comparator === undefined;
    this.withTimeouts = options.timeouts === true;
    this.budget = createRunBudget(options.budget);
  }

  /** The per-key cap: as given, else none under a budget (it stops the run instead of dropping). */
  get perKeyCap(): number | undefined {
    return this.options.maxPartialMatchesPerKey ?? (this.budget ? Number.POSITIVE_INFINITY : undefined);
  }

  keyState(key: string): KeyState {
    let ks = this.keys.get(key);
    if (!ks) {
      const reused = this.pool.pop();
      ks =
        reused !== undefined
          ? recycleKeyState(reused, key, this.runIdFloor)
          : newKeyState(this.nfa, key, this.perKeyCap, this.runIdFloor);
      if (this.budget !== null) ks.nfa.limits = this.budget.step;
      this.keys.set(key, ks);
    }
    return ks;
  }

  /**
   * Queues a key that may hold nothing for the idle sweep. Sweeping later, not at once, keeps a
   * busy key (say the only key of an unkeyed stream) from being dropped and re-created per event.
   */
  private release(ks: KeyState): void {
    if (ks.idleQueued || !isIdle(ks)) return;
    ks.idleQueued = true;
    this.idleQueue.push(ks);
    if (this.idleQueue.length >= SWEEP_AT) this.sweepIdle();
  }

  /** Forgets the queued keys that are still idle (see isIdle); their objects serve the next new keys. */
  sweepIdle(): void {
    this.sweeps++;
    const queue = this.idleQueue;
    this.idleQueue = [];
    for (const ks of queue) {
      ks.idleQueued = false;
      if (!isIdle(ks) || this.keys.get(ks.key) !== ks) continue;
      this.keys.delete(ks.key);
      if (ks.nfa.nextRunId > this.runIdFloor) this.runIdFloor = ks.nfa.nextRunId;
      if (this.pool.length < POOL_LIMIT) this.pool.push(ks);
    }
  }

  /** Feeds one event. Returns the outputs this caused (event time: possibly none until the watermark moves). */
  push(event: EventRecord, observer?: NfaObserver): MatcherOutput[] {
    if (this.stopped !== null) throw this.stopped;
    this.out = NO_OUTPUT;
    const seq = this.nextSeq++;
    this.counters.events++;
    let key = DEFAULT_KEY;
    let ts: number;
    try {
      key = this.options.keyOf ? String(this.options.keyOf(event)) : DEFAULT_KEY;
      ts = this.options.timestampOf(event);
    } catch (e) {
      this.error(
        key,
        'IllegalArgumentException',
        `event #${seq}: cannot read its key or timestamp (${e instanceof Error ? e.message : String(e)})`,
        Number.NaN,
      );
      return this.out;
    }
    if (typeof ts !== 'number' || !Number.isFinite(ts)) {
      this.error(
        key,
        'IllegalArgumentException',
        `event #${seq} has no valid timestamp (got ${String(ts)})`,
        Number.NaN,
      );
      return this.out;
    }
    if (this.options.time === 'processing') {
      // Timers due by this arrival fire first, as the processing-time clock passed them.
      this.fireProcessingTimers(ts, observer);
      const ks = this.keyState(key);
      this.advance(ks, ts, observer);
      this.process(ks, event, ts, seq, observer);
      ks.nfa.newStartPartialMatch = false;
      this.release(ks);
      return this.out;
    }
    if (ts <= this.watermark) {
      this.counters.late++;
      this.output({
        kind: 'late',
        key,
        event: { seq, timestamp: ts, event },
        timestamp: ts,
        watermark: this.watermark,
      });
      return this.out;
    }
    const before = this.maxTimestamp;
    if (ts > before) this.maxTimestamp = ts;
    const auto = this.autoWatermarks;
    const watermark = !auto
      ? this.watermark
      : this.watermarkInterval === 0
        ? this.maxTimestamp - this.outOfOrderness - 1
        : this.periodicWatermark(before);
    const known = this.keys.get(key);
    // The in-order fast path: an event that no earlier-timestamped event of its key can still precede
    // (ts ≤ watermark + 1 once it is in, no comparator), for a key with nothing live, that starts
    // nothing, would be a no-op when the watermark releases it; it needs no buffer entry and no timer.
    const inOrder = observer === undefined && this.fastPath && ts <= watermark + 1;
    if (inOrder && (known === undefined || isIdle(known)) && startsNothing(this.nfa, event, ts)) {
      if (auto) this.moveWatermark(watermark, observer);
      return this.out;
    }
    // Move the watermark first: the timers it fires only process events at or below it, never this
    // one, and a key then rarely holds two buffered events (the one-event path of onEventTime).
    const sweeps = this.sweeps;
    if (auto) this.moveWatermark(watermark, observer);
    const ks = known !== undefined && sweeps === this.sweeps ? known : this.keyState(key);
    bufferEvent(ks, seq, ts, event);
    this.registerTimer(ks, ts, EVENT_TIMER);
    return this.out;
  }

  /**
   * Moves the watermark (event time) or the processing-time clock; earlier values are ignored.
   * In processing time only the keys with a due window timer advance, as in Flink.
   */
  advanceWatermark(watermark: number, observer?: NfaObserver): MatcherOutput[] {
    if (this.stopped !== null) throw this.stopped;
    this.out = NO_OUTPUT;
    if (this.options.time === 'processing') this.fireProcessingTimers(watermark, observer);
    else this.moveWatermark(watermark, observer);
    return this.out;
  }

  /**
   * End of input. Event time: watermark +∞ releases every buffered event and every window (Flink's
   * sources end with Long.MAX_VALUE). Processing time: nothing; Flink quiesces the processing-time
   * service before finishing an operator (StreamOperatorWrapper.quiesceTimeServiceAndFinishOperator),
   * so pending timers never fire and what is still open stays open (see pendingAtEnd).
   */
  flush(observer?: NfaObserver): MatcherOutput[] {
    if (this.options.time === 'processing') return NO_OUTPUT;
    return this.advanceWatermark(Number.POSITIVE_INFINITY, observer);
  }

  /** Plain JSON-serializable state: NFA states and shared buffers, event buffers, timers, watermark, counters. */
  snapshot(): MatcherSnapshot {
    return snapshotMatcher(this);
  }

  /** Keys with live state, in first-seen order (a key that went idle and came back counts as new). */
  keyNames(): string[] {
    return [...this.keys.keys()];
  }

  partialMatches(key: string): PartialMatchInfo[] {
    const ks = this.keys.get(key);
    return ks ? listPartialMatches(this.nfa, ks.nfa) : [];
  }

  /** Events waiting for the watermark, over all keys. */
  bufferedCount(): number {
    let n = 0;
    for (const ks of this.keys.values()) n += ks.buffered;
    return n;
  }

  /** True while the event `seq` of `key` waits for the watermark. */
  isBuffered(key: string, seq: number): boolean {
    const ks = this.keys.get(key);
    return ks !== undefined && ks.buffered > 0 && bufferedEvents(ks).some((b) => b.seq === seq);
  }

  /**
   * Flink's periodic watermark (pipeline.auto-watermark-interval) without a wall clock: the input
   * is taken to arrive at the pace of its timestamps, so processing time is the largest timestamp
   * seen. Each multiple of the interval that this clock passes (a tick at the instant of an event
   * comes first) emits max timestamp before it − out-of-orderness − 1; between ticks it stays.
   */
  private periodicWatermark(before: number): number {
    const i = this.watermarkInterval;
    if (!(this.maxTimestamp > before) || Math.floor(this.maxTimestamp / i) === Math.floor(before / i))
      return this.watermark;
    return before - this.outOfOrderness - 1;
  }

  /**
   * Processing time: fires the window timers due by `now` (Flink's onProcessingTime advances the key
   * to the current processing time, which for a clock that moves on is the timer's own time).
   */
  private fireProcessingTimers(now: number, observer: NfaObserver | undefined): void {
    for (;;) {
      const ks = this.timers.pollDue(now);
      if (ks === null) break;
      ks.pendingTimers--;
      this.advance(ks, this.timers.polledTs, observer);
      ks.nfa.newStartPartialMatch = false;
      this.release(ks);
    }
  }

  private moveWatermark(watermark: number, observer: NfaObserver | undefined): void {
    if (!(watermark > this.watermark)) return;
    this.watermark = watermark;
    for (;;) {
      const ks = this.timers.pollDue(watermark);
      if (ks === null) break;
      ks.pendingTimers--;
      this.onEventTime(ks, observer);
      this.release(ks);
    }
  }

  private registerTimer(ks: KeyState, ts: number, lane: TimerLane): void {
    ks.pendingTimers++;
    this.timers.add(ts, this.timerOrder++, ks, lane);
  }

  /** Flink's onEventTime: process buffered timestamps ≤ watermark in order, then advance to the watermark. */
  private onEventTime(ks: KeyState, observer: NfaObserver | undefined): void {
    const n = ks.buffered;
    if (n === 1 && ks.firstTs <= this.watermark) {
      // The common case (in-order streams): one due event, processed without any copy.
      const event = ks.firstEvent as EventRecord;
      const ts = ks.firstTs;
      const seq = ks.firstSeq;
      clearBuffer(ks);
      this.advance(ks, ts, observer);
      this.process(ks, event, ts, seq, observer);
    } else if (n > 0) {
      const wm = this.watermark;
      const all = bufferedEvents(ks);
      const due: BufferedEvent[] = [];
      const rest: BufferedEvent[] = [];
      for (const b of all) (b.ts <= wm ? due : rest).push(b);
      setBuffer(ks, rest);
      if (due.length > 0) this.processDue(ks, due.sort(byTimestamp), observer); // stable: arrival order within a timestamp
    }
    this.advance(ks, this.watermark, observer);
    ks.nfa.newStartPartialMatch = false;
  }

  /** Due events sorted by timestamp (stable): advance to each timestamp, then process its events. */
  private processDue(ks: KeyState, due: BufferedEvent[], observer: NfaObserver | undefined): void {
    const comparator = this.options.comparator;
    for (let i = 0; i < due.length;) {
      const ts = due[i].ts;
      let j = i + 1;
      while (j < due.length && due[j].ts === ts) j++;
      this.advance(ks, ts, observer);
      if (comparator !== undefined && j - i > 1) {
        const group = due.slice(i, j).sort((a, b) => comparator(a.event, b.event));
        for (const e of group) this.process(ks, e.event, ts, e.seq, observer);
      } else for (let k = i; k < j; k++) this.process(ks, due[k].event, ts, due[k].seq, observer);
      i = j;
    }
  }

  private process(
    ks: KeyState,
    event: EventRecord,
    ts: number,
    seq: number,
    observer: NfaObserver | undefined,
  ): void {
    const budget = this.budget;
    let r: NfaStepResult;
    if (budget === null) r = processEvent(this.nfa, ks.nfa, event, ts, seq, observer);
    else {
      budget.enter(ks.nfa);
      try {
        r = processEvent(this.nfa, ks.nfa, event, ts, seq, observer);
      } catch (e) {
        if (e instanceof BudgetBreach) this.stop(e.limit, e.stage, ks.key, seq, ts);
        throw e;
      }
      budget.leave(ks.nfa);
      if (budget.overBytes()) {
        this.emit(ks.key, r, ts);
        this.stop('bytes', busiestStage(this.nfa, ks.nfa.partial), ks.key, seq, ts);
      }
    }
    // CepOperator.registerTimer: an event-time timer at ts + window, a processing-time one a
    // millisecond later (timestamp + 1).
    if (this.nfa.windowTime > 0 && ks.nfa.newStartPartialMatch)
      this.registerTimer(
        ks,
        ts + this.nfa.windowTime + (this.options.time === 'processing' ? 1 : 0),
        WINDOW_TIMER,
      );
    this.emit(ks.key, r, ts);
  }

  private advance(ks: KeyState, ts: number, observer: NfaObserver | undefined): void {
    const budget = this.budget;
    if (budget === null) {
      this.emit(ks.key, advanceTime(this.nfa, ks.nfa, ts, observer, this.withTimeouts), ts);
      return;
    }
    budget.enter(ks.nfa);
    const r = advanceTime(this.nfa, ks.nfa, ts, observer, this.withTimeouts);
    budget.leave(ks.nfa);
    this.emit(ks.key, r, ts);
  }

  /** The budget is exceeded: the run stops here, with what this call produced so far. */
  private stop(
    limit: RunBudgetExceeded['limit'],
    stage: string,
    key: string,
    seq: number,
    ts: number,
  ): never {
    const limits = (this.budget as RunBudget).limits;
    this.stopped = new RunBudgetExceeded(limit, limits, stage, key, seq, ts, this.out.slice());
    throw this.stopped;
  }

  private emit(key: string, r: NfaStepResult, ts: number): void {
    if (r.timedOut !== undefined) this.counters.timeouts += r.timedOut;
    if (
      r.matches.length === 0 &&
      r.timeouts.length === 0 &&
      r.warnings === undefined &&
      r.error === undefined
    )
      return;
    for (const m of r.matches) this.output({ kind: 'match', key, match: m, timestamp: ts });
    for (const t of r.timeouts) this.output({ kind: 'timeout', key, match: t.match, timestamp: t.timestamp });
    this.counters.matches += r.matches.length;
    this.counters.timeouts += r.timeouts.length;
    if (r.warnings !== undefined)
      for (const message of r.warnings) {
        this.counters.warnings++;
        this.output({
          kind: 'warning',
          key,
          message: key === DEFAULT_KEY ? message : `key ${key}: ${message}`,
          timestamp: ts,
        });
      }
    if (r.error) this.error(key, r.error.flinkError, r.error.message, ts);
  }

  private output(o: MatcherOutput): void {
    if (this.out === NO_OUTPUT) this.out = [];
    this.out.push(o);
  }

  private error(key: string, flinkError: string, message: string, timestamp: number): void {
    this.counters.errors++;
    this.output({ kind: 'error', key, message, flinkError, timestamp });
  }
}

export function createMatcher(nfa: CompiledNfa, options: MatcherOptions): CepMatcher {
  return new CepMatcher(nfa, options);
}
