/**
 * engine/testing: pattern tests and the behavioural diff. Pure: events come from an EventSource,
 * time from the events, so the app (in a worker next to the data), the CLI and a server run them alike.
 *
 *   const run = new TestRun(pattern, source, casesOnThatSource);   // pattern: prepareReplayPattern(doc)
 *   while (!run.runChunk(TEST_CHUNK_STEPS)) reportProgress(run.position, run.total);
 *   const results = run.results();                                  // CaseResult per case
 */
export type { CaseResult, CaseStatus, Divergence, ExpectationResult, Outcome, TestSummary } from './types';
export { summarize } from './types';
export { TestRun, TEST_CHUNK_STEPS, type Candidate } from './test-run';
export { expectationText, countText } from './evaluate';
export { arraySource } from './array-source';
export { CaseRefs } from './refs';
export { DocumentTestRun, errorResult, type RecordingResolver } from './document-run';
export {
  BehaviourDiff,
  compareOutcomes,
  diffSummaryText,
  type BehaviourDiffOptions,
  type DiffChange,
  type DiffCounts,
  type DiffItem,
  type DiffOutcome,
  type DiffResult,
  type DiffSummary,
} from './diff';
