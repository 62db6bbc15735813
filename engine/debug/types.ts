/**
 * Data shapes of the replay debugger. All plain JSON: reports cross worker threads, IPC and HTTP.
 * Positions: a session over N recorded events has N + 1 steps — step i < N pushes event i, step N
 * is "end of input" (watermark to +∞, closing every window). `position` = steps taken (0 … N + 1).
 */
import type { EventRecord } from '../pattern/spec';

/** One recorded event, as the recordings store keeps it. */
export interface ReplayEvent {
  seq: number;
  /** Recorded time (epoch ms); the clock for processing-time patterns. */
  ts: number;
  key: string | null;
  payload: EventRecord;
}

/** Where a session reads events from: an array in tests, SQLite chunks in the service. */
export interface EventSource {
  readonly count: number;
  /** Events with from <= seq < to, in seq order. */
  read(from: number, to: number): ReplayEvent[];
  /**
   * The same events with each object payload holding only the given top-level fields (those it
   * has, valued as `read` gives them; other payloads whole): for runs whose events are not shown
   * (the whole-recording analysis), decoding less. Sources without it are read whole.
   */
  readFields?(from: number, to: number, fields: readonly string[]): ReplayEvent[];
}

export type DiscardKind = 'window' | 'until' | 'not-stage' | 'skip' | 'contiguity' | 'condition' | 'cap';

export interface EventView {
  seq: number;
  ts: number;
  /** Partition key the pattern uses ('' when the pattern is not keyed). */
  key: string;
  payload: EventRecord;
}

export interface BoundStage {
  stage: string;
  seqs: number[];
}

export interface PartialMatchView {
  runId: number;
  key: string;
  stage: string;
  state: string;
  /** A completed match held back by the skip strategy. */
  held: boolean;
  bound: BoundStage[];
  startTimestamp: number;
  lastTimestamp: number;
  /** Window deadline and time left until it (from the watermark, or the current event's time). */
  deadline?: number;
  timeLeftMs?: number;
}

export interface ValueStep {
  text: string;
  value: unknown;
  start: number;
  end: number;
}

/** One stage condition (where / or[i] / until) on an edge, evaluated again with its values. */
export interface ConditionExplanation {
  label: string;
  source: string;
  result: boolean;
  values: ValueStep[];
  /**
   * The edge takes this condition negated (a followedBy stage's ignore edge is "not the stage's
   * condition"): `result` is the condition's own value, the edge's is its opposite.
   */
  negated?: boolean;
}

export interface EdgeTrace {
  action: 'take' | 'ignore' | 'proceed';
  /** State whose transition this is, and its stage. */
  state: string;
  stage: string;
  target: string;
  result: boolean;
  conditions: ConditionExplanation[];
}

export interface RunTrace {
  runId: number;
  /** The partial match before the event ("(start)" for the start state). */
  stage: string;
  state: string;
  bound: BoundStage[];
  edges: EdgeTrace[];
  /** What became of it: branches (take/ignore/completed) or the reason it was dropped. */
  branches: { via: 'take' | 'ignore' | 'completed'; runId: number; state: string; stage: string }[];
  discarded?: DiscardKind;
}

export interface ProcessedEvent {
  event: EventView;
  runs: RunTrace[];
  /** Runs traced / runs evaluated ("showing N of M"). */
  shownRuns: number;
  totalRuns: number;
}

export interface OutputView {
  kind: 'match' | 'timeout' | 'late' | 'warning' | 'error' | 'discard';
  key: string;
  timestamp: number;
  bound?: BoundStage[];
  /** Late events: the event's seq. */
  seq?: number;
  reason?: DiscardKind;
  stage?: string;
  message?: string;
}

export interface StageCounter {
  stage: string;
  nodeId?: string;
  /** Live partial matches whose current state belongs to the stage. */
  active: number;
  /** Partial matches that arrived in this stage from another one. */
  entered: number;
  /** Events bound to the stage. */
  taken: number;
  ignored: number;
  timedOut: number;
  /** Discards other than window timeouts (not-stage, skip, broken contiguity, until, cap). */
  discarded: number;
  /** Emitted matches that bound events to this stage. */
  matched: number;
}

export interface StepReport {
  /** Steps taken after this one (0 … total). */
  position: number;
  total: number;
  /** The event pushed by this step; absent at position 0 and for the end-of-input step. */
  event?: EventView;
  endOfInput: boolean;
  /**
   * The event this report is about when it is not `event`: a breakpoint fired on it, or a jump (a
   * result, a verdict, a near miss) asked for it. The watermark released it in this step or before;
   * `partialMatches` are then its key's, and `event` stays the newest event read.
   */
  focus?: EventView;
  /** Events the NFA processed during this step (event time: those the watermark released), with traces. */
  processed: ProcessedEvent[];
  /** Partial matches of the current event's key after the step. */
  partialMatches: PartialMatchView[];
  outputs: OutputView[];
  counters: StageCounter[];
  watermark: number | null;
  /** Events buffered until the watermark passes their time. */
  bufferedEvents: number;
  /** The current event is buffered: event time has not advanced past it yet. */
  waitingForWatermark: boolean;
  totals: { matches: number; timeouts: number; late: number };
  /** The pattern's time mode: end of input closes every window in event time only. */
  time: 'event' | 'processing';
  /** At end of input: what is still open (partial matches, held matches), in words; absent when nothing is. */
  pendingAtEnd?: string;
}
