/** Public types of the high-level matcher (Flink's CepOperator). */
import type { EventRecord } from '../pattern/spec';
import type { NfaStateSnapshot } from './nfa-snapshot';
import type { RunBudgetLimits } from './run-budget';
import type { EventRef, Match } from './types';

export interface MatcherOptions {
  time: 'event' | 'processing';
  /** Partition key; all events share one key when absent (Flink's non-keyed stream). */
  keyOf?: (event: EventRecord) => string;
  /** Event time (or, in processing time, the arrival time the caller assigns). */
  timestampOf: (event: EventRecord) => number;
  /** Derived watermark = max timestamp − outOfOrdernessMs − 1 (Flink's bounded out-of-orderness). Default 0. */
  outOfOrdernessMs?: number;
  /**
   * Flink's periodic watermark emission (pipeline.auto-watermark-interval, 200 ms by default), for
   * 'auto' watermarks. Taking time only from its input, the matcher assumes events arrive at the pace
   * of their timestamps: processing time is the largest timestamp seen, and each time it passes a
   * multiple of the interval the watermark becomes (max timestamp before then) − outOfOrdernessMs − 1.
   * Absent or 0: the watermark follows every event (a punctuated generator).
   */
  watermarkIntervalMs?: number;
  /** 'auto' derives watermarks from timestamps; 'explicit' waits for advanceWatermark/flush. Default 'auto'. */
  watermarks?: 'auto' | 'explicit';
  /** Per-key cap on live partial matches; runs beyond it are dropped with a warning. Default: none
   * under a run budget, 100,000 without one. */
  maxPartialMatchesPerKey?: number;
  /**
   * Output timed-out partial matches (`kind: 'timeout'`). Flink builds them only when the job has a
   * TimedOutPartialMatchHandler; building one costs as much as a match. Default false: they are only
   * counted (counters.timeouts).
   */
  timeouts?: boolean;
  /**
   * The run budget across all keys (partial matches, their estimated bytes, matches per event);
   * exceeding it stops the run: push/advanceWatermark/flush throw RunBudgetExceeded. Missing
   * limits take DEFAULT_RUN_BUDGET's; false: no budget (Flink's behaviour, unbounded).
   */
  budget?: Partial<RunBudgetLimits> | false;
  /** Orders events with the same timestamp (Flink's EventComparator); arrival order otherwise. */
  comparator?: (a: EventRecord, b: EventRecord) => number;
}

export type MatcherOutput =
  | { kind: 'match'; key: string; match: Match; timestamp: number }
  | { kind: 'timeout'; key: string; match: Match; timestamp: number }
  | { kind: 'late'; key: string; event: EventRef; timestamp: number; watermark: number }
  | { kind: 'warning'; key: string; message: string; timestamp: number }
  | { kind: 'error'; key: string; message: string; flinkError: string; timestamp: number };

export interface MatcherCounters {
  events: number;
  matches: number;
  /** Timed-out partial matches, output or not (see MatcherOptions.timeouts). */
  timeouts: number;
  late: number;
  warnings: number;
  errors: number;
}

/** Plain JSON. Times are numbers or the strings "+inf"/"-inf". */
export type SnapshotTime = number | '+inf' | '-inf';

export interface MatcherSnapshot {
  format: 'cepheus.matcher/1';
  time: 'event' | 'processing';
  watermark: SnapshotTime;
  maxTimestamp: SnapshotTime;
  nextSeq: number;
  timerOrder: number;
  /** First run id of a key state created after this snapshot (absent in older snapshots: 1). */
  runIdFloor?: number;
  /** Keys waiting for the idle sweep, in queue order (absent in older snapshots). */
  idleQueue?: string[];
  counters: MatcherCounters;
  keys: {
    key: string;
    nfa: NfaStateSnapshot;
    /**
     * Events waiting for the watermark. `keyless`: it started nothing when it came, so it waits
     * without holding the key's state (see CepMatcher.push).
     */
    buffer: { ts: number; events: { seq: number; event: EventRecord; keyless?: true }[] }[];
    /** The matcher holds no state for this key: it is listed for its waiting events only. */
    stateless?: true;
    timers: { ts: SnapshotTime; order: number }[];
  }[];
}
