/**
 * The high-level matcher, Flink's CepOperator: keyed NFA states, event-time buffering released by
 * watermarks, late-event reporting, window timers, and outputs stamped the way Flink stamps them.
 * Apps, the CLI, servers and replay all drive patterns through this.
 *
 * Event time: Flink buffers each event per key with a timer at its timestamp; when the watermark
 * passes, the key processes its due events in timestamp order, then advances to the watermark.
 * Here one reorder buffer for all keys holds the waiting events, released in (timestamp, arrival)
 * order; each released event is processed on its key at once (advanceTime(ts), then the event),
 * and every key touched in a watermark move is advanced to the new watermark at its end. Each key
 * sees exactly Flink's sequence of steps; only how different keys' outputs interleave within one
 * watermark move differs (Flink leaves that to its key-group timer queues too).
 */
import type { EventGuard } from '../expr/guard';
import type { EventRecord } from '../pattern/spec';
import { CountStore } from './count-store';
import { isIdle, newKeyState, recycleKeyState, type KeyState } from './key-state';
import type { MatcherCounters, MatcherOptions, MatcherOutput } from './matcher-types';
import type { NfaObserver } from './observer';
import { BudgetBreach, busiestStage, createRunBudget, RunBudgetExceeded, type RunBudget } from './run-budget';
import { advanceTimeQuietly } from './advance-time';
import { advanceTime, eventIsInert, processEvent, startsNothing, traceStart } from './runtime';
import { chainStartsNothing, type ChainShape } from './strict-chain';
import { livePartialMatches } from './runtime-state';
import type { CompiledNfa, NfaStepResult } from './types';
import { listPartialMatches, type PartialMatchInfo } from './introspect';
import { snapshotMatcher } from './matcher-snapshot';
import { generalView } from './run-view';
import { ReorderBuffer } from './reorder-buffer';
import { TimerQueue, type TimerLane } from './timer-queue';
import type { MatcherSnapshot } from './matcher-types';

export type { BufferedEvent, KeyState } from './key-state';

const DEFAULT_KEY = '';
/** What push and advanceWatermark return when nothing came out (most calls): no allocation. */
const NO_OUTPUT: MatcherOutput[] = Object.freeze([]) as unknown as MatcherOutput[];
const WINDOW_TIMER: TimerLane = 1;
/** Idle key states kept for reuse; beyond this they are left to the garbage collector. */
const POOL_LIMIT = 1024;
/** Idle keys queued before a sweep. */
const SWEEP_AT = 256;

export class CepMatcher {
  /** Keys with live state (partial matches, waiting events or timers), in first-seen order. */
  readonly keys = new Map<string, KeyState>();
  /** Window timers (start + within) of keys with partial matches. */
  readonly timers = new TimerQueue<KeyState>();
  /** Events above the watermark (event time), every key's. */
  readonly pending = new ReorderBuffer<KeyState>();
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
  /** Watermark moves so far, and the keys the current one touched (advanced to it at its end). */
  private moves = 0;
  /** (Count-based: setting an array's length to 0 frees its store, and the next push allocates again.) */
  private readonly touched: (KeyState | null)[] = [];
  private touchedCount = 0;
  /** The counting entries of all keys (see count-store.ts), when the pattern has a counting shape. */
  readonly countStore: CountStore | undefined;
  /** Live partial matches over all keys, kept up to date once liveTotal() was called; -1 before. */
  private live = -1;

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
  /** Whether pushInOrder may serve events: an unkeyed chain pattern, auto watermarks, no comparator. */
  private readonly inOrder: boolean;
  /** The one key state of an unkeyed stream once pushInOrder looked it up (see there). */
  private single: KeyState | undefined = undefined;
  /** The start state's guards (indexes into startGuards) that, all failing, mean an event starts nothing; null: none. */
  private readonly startRejects: readonly number[] | null;
  private readonly startGuards: readonly EventGuard[];

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
    this.countStore = nfa.counting != null ? new CountStore() : undefined;
    this.inOrder =
      options.time === 'event' &&
      this.autoWatermarks &&
      this.watermarkInterval === 0 &&
      this.fastPath &&
      options.keyOf === undefined &&
      nfa.chain != null;
    const sk = nfa.startSkip;
    this.startGuards = nfa.guards ?? [];
    this.startRejects = sk != null && !sk.takes && sk.guards.length > 0 ? sk.guards : null;
  }

  /** The per-key cap: as given, else none under a budget (it stops the run instead of dropping). */
  get perKeyCap(): number | undefined {
    return this.options.maxPartialMatchesPerKey ?? (this.budget ? Number.POSITIVE_INFINITY : undefined);
  }

  keyState(key: string): KeyState {
    return this.keys.get(key) ?? this.addKey(key);
  }

  /** A fresh state for a key that has none (one Map lookup less than keyState when that is known). */
  private addKey(key: string): KeyState {
    const reused = this.pool.pop();
    const ks =
      reused !== undefined
        ? recycleKeyState(this.nfa, reused, key, this.runIdFloor)
        : newKeyState(this.nfa, key, this.perKeyCap, this.runIdFloor, this.countStore);
    this.keys.set(key, ks);
    if (this.inOrder) this.single = ks;
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
    const queue = this.idleQueue;
    this.idleQueue = [];
    // A queued state is the one its key maps to: only a live state is queued (release), at most
    // once (idleQueued; restore refuses a key named twice), and the queue is emptied here, the only
    // place that removes keys. So no Map lookup checks it (it was 4 % of risk-high-frequency).
    for (const ks of queue) {
      ks.idleQueued = false;
      if (!isIdle(ks)) continue;
      this.keys.delete(ks.key);
      if (ks.nextRunId > this.runIdFloor) this.runIdFloor = ks.nextRunId;
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
        `event #${seq + 1}: cannot read its key or timestamp (${e instanceof Error ? e.message : String(e)})`,
        Number.NaN,
      );
      return this.out;
    }
    if (typeof ts !== 'number' || !Number.isFinite(ts)) {
      this.error(
        key,
        'IllegalArgumentException',
        `event #${seq + 1} has no valid timestamp (got ${String(ts)})`,
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
      ks.newStartPartialMatch = false;
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
    if (this.inOrder && observer === undefined && ts > this.maxTimestamp)
      return this.pushInOrder(event, ts, seq);
    const before = this.maxTimestamp;
    if (ts > before) this.maxTimestamp = ts;
    const auto = this.autoWatermarks;
    const watermark = !auto
      ? this.watermark
      : this.watermarkInterval === 0
        ? this.maxTimestamp - this.outOfOrderness - 1
        : this.periodicWatermark(before);
    // Move the watermark first: what it releases is at or below it, never this event, and the
    // buffer stays smaller. The key is looked at after it: an in-order stream's previous event of
    // this key (still buffered until now) has been processed, so the key may have gone idle.
    if (auto) this.moveWatermark(watermark, observer);
    // Out of order, an event the start state's guards turn down starts nothing whatever its key
    // holds: it waits keyless without looking its key up, and release1 looks it up once (before,
    // such an event on a key with nothing live was looked up twice: the light rules' usual event).
    // In order, the lookup below may spare it the buffer.
    if (this.waitsKeyless(event, ts, watermark)) {
      this.pending.push(ts, seq, key, event, null);
      return this.out;
    }
    const known = this.keys.get(key);
    // An event that starts nothing, on a key with nothing live, waits without a key state: when it
    // is released, the key either still holds nothing (the event is a no-op) or was started by an
    // earlier event released before it, and is processed then. (Whatever the observer: the state
    // must not depend on it, so replay's checkpoints equal its straight runs.)
    if ((known === undefined || isIdle(known)) && startsNothing(this.nfa, event, ts)) {
      // In order (no comparator, ts ≤ watermark + 1): no earlier event of its key can still come,
      // so it would be a no-op when released: it is not buffered at all.
      if (observer !== undefined || !this.fastPath || ts > watermark + 1)
        this.pending.push(ts, seq, key, event, null);
      return this.out;
    }
    const ks = known ?? this.addKey(key);
    ks.pendingEvents++;
    this.pending.push(ts, seq, key, event, ks);
    return this.out;
  }

  /**
   * push for an unkeyed chain pattern (see inOrder) and an event later than every earlier one, with
   * no observer: the general path's steps without its lookups. The watermark moves to ts −
   * outOfOrderness − 1; with nothing buffered and no timer ever registered (every timer's order,
   * restored ones too, is below timerOrder) it passes nothing. The Map holds at most the one key:
   * while it holds it, it is `single`, as addKey notes every state it adds and a restore builds a
   * new matcher. The start test is the chain's first condition (strict-chain.ts).
   */
  private pushInOrder(event: EventRecord, ts: number, seq: number): MatcherOutput[] {
    this.maxTimestamp = ts;
    const watermark = ts - this.outOfOrderness - 1;
    if (this.pending.size !== 0 || this.timerOrder !== 0) this.moveWatermark(watermark, undefined);
    else if (watermark > this.watermark) {
      this.watermark = watermark;
      this.moves++;
    }
    // As push decides (the two paths leave the same state: snapshots are compared).
    if (this.waitsKeyless(event, ts, watermark)) {
      this.pending.push(ts, seq, DEFAULT_KEY, event, null);
      return this.out;
    }
    let known: KeyState | undefined;
    if (this.keys.size !== 0) known = this.single ??= this.keys.get(DEFAULT_KEY);
    if (
      (known === undefined || isIdle(known)) &&
      chainStartsNothing(this.nfa.chain as ChainShape, event, ts)
    ) {
      if (ts > watermark + 1) this.pending.push(ts, seq, DEFAULT_KEY, event, null);
      return this.out;
    }
    const ks = known ?? this.addKey(DEFAULT_KEY);
    ks.pendingEvents++;
    this.pending.push(ts, seq, DEFAULT_KEY, event, ks);
    return this.out;
  }

  /** Out of order (above watermark + 1), whether the start state's guards all turn the event down. */
  private waitsKeyless(event: EventRecord, ts: number, watermark: number): boolean {
    return (
      ts > watermark + 1 &&
      this.startRejects !== null &&
      rejectedByAll(this.startGuards, this.startRejects, event)
    );
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
    return ks ? listPartialMatches(this.nfa, ks) : [];
  }

  /**
   * Live partial matches over all keys (started runs in either representation, plus completed runs
   * held by the skip strategy). The first call counts them; from then on every step keeps the total
   * by the change on the key it touched, so a caller sampling it per step (the replay timeline)
   * does not walk every key each time.
   */
  liveTotal(): number {
    if (this.live < 0) {
      let n = 0;
      for (const ks of this.keys.values()) n += livePartialMatches(ks);
      this.live = n;
    }
    return this.live;
  }

  /** Events waiting for the watermark, over all keys. */
  bufferedCount(): number {
    return this.pending.size;
  }

  /** True while the event `seq` of `key` waits for the watermark. */
  isBuffered(key: string, seq: number): boolean {
    return this.pending.has(key, seq);
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
      ks.newStartPartialMatch = false;
      this.release(ks);
    }
  }

  private moveWatermark(watermark: number, observer: NfaObserver | undefined): void {
    if (!(watermark > this.watermark)) return;
    this.watermark = watermark;
    const move = ++this.moves;
    const pending = this.pending;
    if (pending.hasDue(watermark)) {
      if (this.options.comparator === undefined)
        while (pending.hasDue(watermark)) {
          pending.pop();
          this.release1(
            pending.outTs,
            pending.outSeq,
            pending.outKey,
            pending.outEvent,
            pending.outOwner,
            move,
            observer,
          );
        }
      else this.releaseSorted(watermark, move, observer);
    }
    for (;;) {
      const ks = this.timers.pollDue(watermark);
      if (ks === null) break;
      ks.pendingTimers--;
      this.touch(ks, move);
    }
    const n = this.touchedCount;
    if (n === 0) return;
    const touched = this.touched;
    this.touchedCount = 0;
    for (let i = 0; i < n; i++) {
      const ks = touched[i] as KeyState;
      touched[i] = null;
      this.advance(ks, watermark, observer);
      ks.newStartPartialMatch = false;
      this.release(ks);
    }
  }

  /** With a comparator, events of one timestamp are processed in its order (a stable sort, as Flink's). */
  private releaseSorted(watermark: number, move: number, observer: NfaObserver | undefined): void {
    const pending = this.pending;
    const comparator = this.options.comparator as NonNullable<MatcherOptions['comparator']>;
    while (pending.hasDue(watermark)) {
      const ts = pending.minTs();
      const group: { seq: number; key: string; event: EventRecord; owner: KeyState | null }[] = [];
      while (pending.size > 0 && pending.minTs() === ts) {
        pending.pop();
        group.push({
          seq: pending.outSeq,
          key: pending.outKey,
          event: pending.outEvent,
          owner: pending.outOwner,
        });
      }
      if (group.length > 1) group.sort((a, b) => comparator(a.event, b.event));
      for (const g of group) this.release1(ts, g.seq, g.key, g.event, g.owner, move, observer);
    }
  }

  /** Processes one released event on its key: advanceTime(ts), then the event (Flink's onEventTime step). */
  private release1(
    ts: number,
    seq: number,
    key: string,
    event: EventRecord,
    owner: KeyState | null,
    move: number,
    observer: NfaObserver | undefined,
  ): void {
    let ks = owner;
    if (ks !== null) ks.pendingEvents--;
    else {
      // It started nothing when it came: a no-op unless an earlier event has started its key since.
      // With no key state at all (the light rules' usual case) there is nothing to look up.
      ks = this.keys.size === 0 ? null : (this.keys.get(key) ?? null);
      if (ks === null || isIdle(ks)) {
        // An observer of edges still sees the start state turn it down.
        if (observer?.edge !== undefined) traceStart(this.nfa, event, ts, seq, observer);
        return;
      }
    }
    this.touch(ks, move);
    this.advance(ks, ts, observer);
    // An event every state's guards reject leaves every run where it is (only run ids would move):
    // it is not processed, but it still arms a window timer if the key's timer work started a
    // partial match (Flink's flag holds until the key's state is written back).
    if (observer === undefined && eventIsInert(this.nfa, event)) this.armWindow(ks, ts);
    else this.process(ks, event, ts, seq, observer);
  }

  private touch(ks: KeyState, move: number): void {
    if (ks.touched === move) return;
    ks.touched = move;
    const i = this.touchedCount++;
    if (i < this.touched.length) this.touched[i] = ks;
    else this.touched.push(ks);
  }

  private registerTimer(ks: KeyState, ts: number, lane: TimerLane): void {
    ks.pendingTimers++;
    this.timers.add(ts, this.timerOrder++, ks, lane);
  }

  private process(
    ks: KeyState,
    event: EventRecord,
    ts: number,
    seq: number,
    observer: NfaObserver | undefined,
  ): void {
    const budget = this.budget;
    const before = this.live >= 0 ? livePartialMatches(ks) : 0;
    let r: NfaStepResult;
    if (budget === null) r = processEvent(this.nfa, ks, event, ts, seq, observer);
    else {
      budget.enter(ks);
      try {
        r = processEvent(this.nfa, ks, event, ts, seq, observer, budget.step);
      } catch (e) {
        if (e instanceof BudgetBreach) this.stop(e.limit, e.stage, ks.key, seq, ts);
        throw e;
      }
      budget.leave(ks);
      if (budget.overBytes()) {
        this.emit(ks.key, r, ts);
        const stage =
          ks.countLen >= 0 && this.nfa.counting
            ? this.nfa.counting.stage
            : busiestStage(this.nfa, generalView(this.nfa, ks).partial);
        this.stop('bytes', stage, ks.key, seq, ts);
      }
    }
    if (this.live >= 0) this.live += livePartialMatches(ks) - before;
    this.armWindow(ks, ts);
    this.emit(ks.key, r, ts);
  }

  /**
   * Flink's operator registers a timer after an event while a new start partial match is flagged
   * (CepOperator.registerTimer): in event time at ts + window, in processing time a millisecond
   * later (timestamp + 1).
   */
  private armWindow(ks: KeyState, ts: number): void {
    if (this.nfa.windowTime > 0 && ks.newStartPartialMatch)
      this.registerTimer(
        ks,
        ts + this.nfa.windowTime + (this.options.time === 'processing' ? 1 : 0),
        WINDOW_TIMER,
      );
  }

  private advance(ks: KeyState, ts: number, observer: NfaObserver | undefined): void {
    if (advanceTimeQuietly(this.nfa, ks, ts)) return;
    const budget = this.budget;
    const before = this.live >= 0 ? livePartialMatches(ks) : 0;
    let r: NfaStepResult;
    if (budget === null) r = advanceTime(this.nfa, ks, ts, observer, this.withTimeouts);
    else {
      budget.enter(ks);
      r = advanceTime(this.nfa, ks, ts, observer, this.withTimeouts);
      budget.leave(ks);
    }
    if (this.live >= 0) this.live += livePartialMatches(ks) - before;
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

/** True when every guard `which` (indexes into `guards`) rejects the event. */
function rejectedByAll(guards: readonly EventGuard[], which: readonly number[], event: EventRecord): boolean {
  for (let k = 0; k < which.length; k++) if (guards[which[k]].test(event)) return false;
  return true;
}

export function createMatcher(nfa: CompiledNfa, options: MatcherOptions): CepMatcher {
  return new CepMatcher(nfa, options);
}
