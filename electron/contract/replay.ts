/**
 * The replay part of the contract: the debugger's session methods (electron/services/replay). Each
 * open session runs in its own worker thread next to the data; results are the engine's plain
 * views (engine/debug), so the UI renders exactly what the engine decided.
 */
import { z } from 'zod';
import type {
  Breakpoint,
  BreakpointHit,
  NearMiss,
  ResultsPage,
  StepReport,
  TimelineData,
  WhyNotVerdict,
} from '../../engine/debug';
import { fileGrant } from './files';
import { recordingId } from './recordings';

export type { Breakpoint, BreakpointHit, NearMiss, ResultsPage, StepReport, TimelineData, WhyNotVerdict };

export interface ReplaySessionInfo {
  sessionId: string;
  recordingId: number;
  patternName: string;
  /** Recorded events, and steps (events + end of input). */
  events: number;
  steps: number;
  time: 'event' | 'processing';
  partitionKey: string | null;
  stages: { stage: string; nodeId?: string; contiguity: string }[];
  /** Steps between checkpoints (seeking replays at most this many). */
  checkpointInterval: number;
  /** The report at position 0 (nothing pushed yet). */
  report: StepReport;
}

export interface ReplayRunResult {
  report: StepReport;
  hit: BreakpointHit | null;
  done: boolean;
  /** True when the run stopped because replay.cancel (or a newer run) interrupted it. */
  cancelled: boolean;
  /** The run budget paused the run (the pattern produces too many partial matches): why. */
  stopped?: string;
}

export interface NearMissList {
  complete: boolean;
  items: NearMiss[];
  /** Dead partial matches seen in all (the list keeps the best). */
  seen: number;
}

export interface ExportResultsOutcome {
  path: string;
  format: 'csv' | 'jsonl';
  results: number;
  bytes: number;
}

// ---- argument schemas -------------------------------------------------------------------

const sessionId = z
  .string()
  .min(1, 'Session id must not be empty')
  .max(64, 'Session id is at most 64 characters');
const stageName = z.string().min(1, 'Stage name must not be empty').max(200);
const discardKind = z.enum(['window', 'until', 'not-stage', 'skip', 'contiguity', 'condition', 'cap']);
const common = { id: z.string().max(100).optional(), enabled: z.boolean().optional() };

export const breakpointSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...common, kind: z.literal('enter-stage'), stage: stageName }),
  z.strictObject({ ...common, kind: z.literal('match') }),
  z.strictObject({ ...common, kind: z.literal('discard'), reasons: z.array(discardKind).optional() }),
  z.strictObject({ ...common, kind: z.literal('partial-count'), above: z.number().int().min(0) }),
  z.strictObject({ ...common, kind: z.literal('event'), expression: z.string().min(1).max(10_000) }),
  z.strictObject({ ...common, kind: z.literal('watermark'), passes: z.number().finite() }),
]);

export const openReplayArgs = z
  .strictObject({
    recordingId,
    patternId: z.string().min(1).max(100).optional(),
    /** An unsaved document (validated like patterns.save); wins over patternId. */
    document: z.unknown().optional(),
  })
  .refine((a) => a.patternId !== undefined || a.document !== undefined, 'Give patternId or document');
export const replaySessionRef = z.strictObject({ sessionId });
export const stepReplayArgs = z.strictObject({ sessionId, direction: z.enum(['forward', 'back']) });
export const seekReplayArgs = z
  .strictObject({
    sessionId,
    /** Make event #index the current event. */
    index: z.number().int().min(0).optional(),
    /** Make the first event at or after this time (epoch ms) the current event. */
    ts: z.number().finite().optional(),
    /** A step position (0 = before the first event; events + 1 = after end of input). */
    position: z.number().int().min(0).optional(),
    /** With position: the event (seq) the report is about, when the watermark released it earlier (StepReport.focus). */
    focusSeq: z.number().int().min(0).optional(),
  })
  .refine(
    (a) => [a.index, a.ts, a.position].filter((x) => x !== undefined).length === 1,
    'Give exactly one of index, ts or position',
  )
  .refine((a) => a.focusSeq === undefined || a.position !== undefined, 'focusSeq goes with position');
export const runReplayArgs = z.strictObject({ sessionId, until: z.enum(['end', 'breakpoint']) });
export const setBreakpointsArgs = z.strictObject({
  sessionId,
  breakpoints: z.array(breakpointSchema).max(100, 'At most 100 breakpoints'),
});
export const whyNotArgs = z.strictObject({ sessionId, seq: z.number().int().min(0), stage: stageName });
export const timelineArgs = z.strictObject({
  sessionId,
  maxPoints: z.number().int().min(1).max(4000).optional(),
  maxMarkers: z.number().int().min(0).max(10_000).optional(),
});
export const resultsArgs = z.strictObject({
  sessionId,
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(1000, 'At most 1,000 results per page'),
  kind: z.enum(['match', 'timeout', 'late']).optional(),
});
export const exportResultsArgs = z.strictObject({
  sessionId,
  format: z.enum(['csv', 'jsonl']),
  /** A write grant from files.chooseSaveLocation (see files.ts), never a path. */
  path: fileGrant,
});

export type OpenReplayArgs = z.infer<typeof openReplayArgs>;
export type ReplaySessionRef = z.infer<typeof replaySessionRef>;
export type StepReplayArgs = z.infer<typeof stepReplayArgs>;
export type SeekReplayArgs = z.infer<typeof seekReplayArgs>;
export type RunReplayArgs = z.infer<typeof runReplayArgs>;
export type SetBreakpointsArgs = z.infer<typeof setBreakpointsArgs>;
export type WhyNotArgs = z.infer<typeof whyNotArgs>;
export type TimelineArgs = z.infer<typeof timelineArgs>;
export type ResultsArgs = z.infer<typeof resultsArgs>;
export type ExportResultsArgs = z.infer<typeof exportResultsArgs>;

/** The replay group of CepApi. */
export interface ReplayMethods {
  /**
   * Opens a session in its own worker (rejects `not-found`, `invalid-document`) and answers as soon
   * as position 0 is ready; the whole-recording analysis then runs in the background, in time
   * slices between calls, with `replay.progress` pushes. At most a few sessions are open per back
   * end (the least recently used is closed, its later calls say so); each worker's heap is capped;
   * an open that cannot start within 30 s is given up.
   */
  open(args: OpenReplayArgs): Promise<ReplaySessionInfo>;
  step(args: StepReplayArgs): Promise<StepReport>;
  seek(args: SeekReplayArgs): Promise<StepReport>;
  /** Runs to the end or to the first breakpoint hit; long runs push `replay.progress` (phase 'run'). */
  run(args: RunReplayArgs): Promise<ReplayRunResult>;
  /** Stops a running replay.run; resolves false when none was running. */
  cancel(args: ReplaySessionRef): Promise<boolean>;
  /** Replaces the breakpoints; rejects `invalid-arguments` (with issues) for unknown stages or bad expressions. */
  setBreakpoints(args: SetBreakpointsArgs): Promise<void>;
  whyNot(args: WhyNotArgs): Promise<WhyNotVerdict>;
  nearMisses(args: ReplaySessionRef): Promise<NearMissList>;
  /** Bucketed whole-recording timeline ("showing N of M"); `complete` false while the analysis runs. */
  timeline(args: TimelineArgs): Promise<TimelineData>;
  results(args: ResultsArgs): Promise<ResultsPage>;
  /** Writes all results (waits for the analysis to finish). */
  exportResults(args: ExportResultsArgs): Promise<ExportResultsOutcome>;
  close(args: ReplaySessionRef): Promise<void>;
}
