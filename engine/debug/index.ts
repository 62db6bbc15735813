/**
 * The replay debugger's engine side (pure): a ReplaySession over any EventSource, "why not?"
 * verdicts, near misses, breakpoints in pattern terms and whole-recording timelines.
 */
export * from './types';
export {
  prepareReplayPattern,
  type ReplayPattern,
  type PrepareResult,
  type StageInfo,
} from './replay-pattern';
export { ReplaySession, type ReplaySessionOptions, type RunResult } from './session';
export {
  CheckpointStore,
  type Checkpoint,
  type CheckpointOptions,
  DEFAULT_CHECKPOINT_BUDGET,
} from './checkpoints';
export { compileBreakpoints, type Breakpoint, type BreakpointHit } from './breakpoints';
export { MAX_TRACED_RUNS, decidingValues } from './trace';
export { eventLabel, eventNumber, parseEventNumber } from './event-label';
export { isoText, spanText, timeTextFor, type TimeText } from './time-text';
export { whyNot, type WhyNotVerdict, type WhyNotReason } from './why-not';
export {
  ReplayAnalysis,
  MAX_SAMPLES,
  LATE_STAGE,
  type TimelineData,
  type TimelineBucket,
  type TimelineSample,
  type ResultItem,
  type ResultsPage,
} from './analysis';
export { NearMissCollector, DEFAULT_NEAR_MISS_LIMIT, type NearMiss } from './near-misses';
export { resultJsonLine, resultCsvRows, RESULT_CSV_HEADER } from './export-results';
