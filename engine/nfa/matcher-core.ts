/**
 * CepMatcher's state and per-key work: the fields, key states and their idle sweep, and one step
 * on a key (advanceTime or an event) with its outputs. matcher-release.ts and matcher.ts build on it;
 * the layers are subclasses so every call stays a plain method call on the one matcher object.
 */
import type { EventGuard } from '../expr/guard';
import type { EventRecord } from '../pattern/spec';
import { CountStore } from './count-store';
import { isIdle, newKeyState, recycleKeyState, type KeyState } from './key-state';
import type { MatcherCounters, MatcherOptions, MatcherOutput } from './matcher-types';
import type { NfaObserver } from './observer';
import { BudgetBreach, busiestStage, createRunBudget, RunBudgetExceeded, type RunBudget } from './run-budget';
import { advanceTimeQuietly } from './advance-time';
import { advanceTime, processEvent } from './runtime';
import { livePartialMatches } from './runtime-state';
import type { CompiledNfa, NfaStepResult } from './types';
import { generalView } from './run-view';
import { ReorderBuffer } from './reorder-buffer';
import { TimerQueue, type TimerLane } from './timer-queue';

export const DEFAULT_KEY = '';
/** What push and advanceWatermark return when nothing came out (most calls): no allocation. */
export const NO_OUTPUT: MatcherOutput[] = Object.freeze([]) as unknown as MatcherOutput[];
const WINDOW_TIMER: TimerLane = 1;
/** Idle key states kept for reuse; beyond this they are left to the garbage collector. */
const POOL_LIMIT = 1024;
/** Idle keys queued before a sweep. */
const SWEEP_AT = 256;

export class MatcherCore {
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
  protected out: MatcherOutput[] = [];
  protected readonly pool: KeyState[] = [];
  /** Keys that went idle since the last sweep, in order (part of the state: snapshots carry it). */
  idleQueue: KeyState[] = [];
  /** Watermark moves so far, and the keys the current one touched (advanced to it at its end). */
  protected moves = 0;
  /** (Count-based: setting an array's length to 0 frees its store, and the next push allocates again.) */
  protected readonly touched: (KeyState | null)[] = [];
  protected touchedCount = 0;
  /** The counting entries of all keys (see count-store.ts), when the pattern has a counting shape. */
  readonly countStore: CountStore | undefined;
  /** Live partial matches over all keys, kept up to date once liveTotal() was called; -1 before. */
  protected live = -1;

  /** Totals against the run budget (null: no budget); see run-budget.ts. */
  readonly budget: RunBudget | null;
  /** Set once the budget stopped the run: every later call throws it again. */
  protected stopped: RunBudgetExceeded | null = null;

  protected readonly autoWatermarks: boolean;
  protected readonly outOfOrderness: number;
  /** Periodic watermark interval (ms) on the event clock, or 0: the watermark follows every event. */
  protected readonly watermarkInterval: number;
  protected readonly fastPath: boolean;
  protected readonly withTimeouts: boolean;
  /** Whether pushInOrder may serve events: an unkeyed chain pattern, auto watermarks, no comparator. */
  protected readonly inOrder: boolean;
  /** The one key state of an unkeyed stream once pushInOrder looked it up (see there). */
  protected single: KeyState | undefined = undefined;
  /** The start state's guards (indexes into startGuards) that, all failing, mean an event starts nothing; null: none. */
  protected readonly startRejects: readonly number[] | null;
  protected readonly startGuards: readonly EventGuard[];

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
  protected addKey(key: string): KeyState {
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
  protected release(ks: KeyState): void {
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

  protected registerTimer(ks: KeyState, ts: number, lane: TimerLane): void {
    ks.pendingTimers++;
    this.timers.add(ts, this.timerOrder++, ks, lane);
  }

  protected process(
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
  protected armWindow(ks: KeyState, ts: number): void {
    if (this.nfa.windowTime > 0 && ks.newStartPartialMatch)
      this.registerTimer(
        ks,
        ts + this.nfa.windowTime + (this.options.time === 'processing' ? 1 : 0),
        WINDOW_TIMER,
      );
  }

  protected advance(ks: KeyState, ts: number, observer: NfaObserver | undefined): void {
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
  protected stop(
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

  protected emit(key: string, r: NfaStepResult, ts: number): void {
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

  protected output(o: MatcherOutput): void {
    if (this.out === NO_OUTPUT) this.out = [];
    this.out.push(o);
  }

  protected error(key: string, flinkError: string, message: string, timestamp: number): void {
    this.counters.errors++;
    this.output({ kind: 'error', key, message, flinkError, timestamp });
  }
}
