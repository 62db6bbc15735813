/**
 * What a test run reports: plain JSON, so results cross worker threads, IPC and HTTP, and the CLI
 * prints them. Positions are replay steps (step i + 1 pushes event #i), so a UI can seek there.
 */
import type { WhyNotVerdict } from '../debug/why-not';
import type { BoundStage } from '../debug/types';

/** A match or timeout as a test sees it: who, when, which events (by position) per stage. */
export interface Outcome {
  kind: 'match' | 'timeout';
  key: string;
  /** When it was emitted (event time, or the recorded time under processing time). */
  timestamp: number;
  /** The replay step that emitted it. */
  position: number;
  bound: BoundStage[];
  /** Times of its first and last events. */
  firstTimestamp: number;
  lastTimestamp: number;
}

/** Where an expectation and what the pattern did part ways: seek here, read why. */
export interface Divergence {
  /** Replay step to show (the step that processed `seq`, or emitted the outcome). */
  position: number;
  seq?: number;
  stage?: string;
  /** In words, with the events named as the test names them. */
  message: string;
  /** "Why not?" for `seq` at `stage`, when an event failed to advance the expected partial match. */
  verdict?: WhyNotVerdict;
}

export interface ExpectationResult {
  /** Index in the case's `expect`. */
  index: number;
  passed: boolean;
  /** What was expected, then (when failed) what happened instead. */
  message: string;
  divergence?: Divergence;
}

export type CaseStatus = 'passed' | 'failed' | 'error';

export interface CaseResult {
  id: string;
  name: string;
  /** 'error': the case could not run (missing recording, unreadable events, invalid pattern). */
  status: CaseStatus;
  /** Why the case could not run, or a summary of its failures. */
  message: string;
  expectations: ExpectationResult[];
  events: number;
  matches: number;
  timeouts: number;
}

/** Totals over cases, as `cepheus test` ends: "N passed, M failed". */
export interface TestSummary {
  passed: number;
  failed: number;
  errors: number;
}

export function summarize(results: readonly CaseResult[]): TestSummary {
  const s: TestSummary = { passed: 0, failed: 0, errors: 0 };
  for (const r of results) {
    if (r.status === 'passed') s.passed++;
    else if (r.status === 'failed') s.failed++;
    else s.errors++;
  }
  return s;
}
