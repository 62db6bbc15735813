/**
 * The `tests` part of the contract (electron/services/testing): a pattern's tests and the
 * behavioural diff between two versions, both run in a worker thread next to the data, with
 * `tests.progress` pushes. Results are the engine's plain views (engine/testing).
 */
import { z } from 'zod';
import type { ReplayEvent } from '../../engine/debug';
import type { CaseResult, DiffChange, DiffSummary, Outcome } from '../../engine/testing';
import { recordingId } from './recordings';
import { patternDocument, patternId, versionNumber } from './schemas';

export type { CaseResult, DiffSummary };

export interface TestRunOutcome {
  runId: string;
  /** True when tests.cancel (or a newer run the caller started) stopped it; results are then partial. */
  cancelled: boolean;
  /** One per case run, in the document's order. */
  results: CaseResult[];
  /** Each recording name the cases use → the stored recording it resolved to (null: none found). */
  recordings: Record<string, number | null>;
}

/** One side of a diff item, with its events (position, time, payload) per stage. */
export interface DiffSide extends Outcome {
  events: { stage: string; events: ReplayEvent[] }[];
}

export interface DiffItemView {
  change: DiffChange;
  kind: 'match' | 'timeout';
  key: string;
  /** Replay step to show. */
  position: number;
  before?: DiffSide;
  after?: DiffSide;
}

export interface DiffRunOutcome {
  runId: string;
  cancelled: boolean;
  recordingId: number;
  /** What was compared, in words ("version 3", "last saved", "the canvas"). */
  beforeLabel: string;
  afterLabel: string;
  summary: DiffSummary;
  /** In recording order; at most `maxItems`. */
  items: DiffItemView[];
  totalItems: number;
  /** Wall-clock time of the run in the worker. */
  elapsedMs: number;
}

// ---- argument schemas -------------------------------------------------------------------

const runId = z.string().min(1, 'Run id must not be empty').max(100, 'Run id is at most 100 characters');

/** A pattern version to compare: a stored version, the last saved document, or a document as sent. */
export const documentRef = z.union([
  z.strictObject({ patternId, version: versionNumber.optional() }),
  z.strictObject({ document: patternDocument, label: z.string().max(100).optional() }),
]);

export const runTestsArgs = z.strictObject({
  runId,
  /** The document whose tests run (the canvas: saved or not). */
  document: patternDocument,
  /** Only these cases (all when absent). */
  caseIds: z.array(z.string().min(1).max(200)).max(10_000).optional(),
});
export const testRunRef = z.strictObject({ runId });
export const diffArgs = z.strictObject({
  runId,
  recordingId,
  before: documentRef,
  after: documentRef,
  maxItems: z.number().int().min(0).max(10_000).optional(),
});

export type DocumentRef = z.infer<typeof documentRef>;
export type RunTestsArgs = z.infer<typeof runTestsArgs>;
export type TestRunRef = z.infer<typeof testRunRef>;
export type DiffArgs = z.infer<typeof diffArgs>;

/** The tests group of CepApi. */
export interface TestMethods {
  /** Runs the document's tests (rejects `invalid-document`); progress as `tests.progress` pushes. */
  run(args: RunTestsArgs): Promise<TestRunOutcome>;
  /** Stops a test run or a diff; resolves false when no such run is going. */
  cancel(args: TestRunRef): Promise<boolean>;
  /** Behavioural diff of two versions over a recording, in one pass (rejects `not-found`, `invalid-document`). */
  diff(args: DiffArgs): Promise<DiffRunOutcome>;
}
