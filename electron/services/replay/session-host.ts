/**
 * One replay session as the worker runs it: the interactive ReplaySession and the whole-recording
 * analysis share checkpoints; long work runs in time slices so calls are answered in between.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import {
  CepError,
  type ExportResultsArgs,
  type ExportResultsOutcome,
  type ReplayRunResult,
  type ReplaySessionInfo,
} from '../../contract';
import {
  ReplayAnalysis,
  ReplaySession,
  RESULT_CSV_HEADER,
  resultCsvRows,
  resultJsonLine,
  type EventSource,
  type ReplayPattern,
} from '../../../engine/debug';
import type { ReadAheadSource } from './read-ahead';

/**
 * Longest stretch of work between two looks at the message queue: calls (step, close, cancel) are
 * answered within about this long even while the analysis or a run is busy, whatever a step costs.
 */
export const SLICE_MS = 20;
/** Checkpoints of one session (the worker's heap is capped, see replay-service). */
export const SESSION_CHECKPOINT_BYTES = 128 * 1024 * 1024;

/** Steps between two looks at the clock within a slice. */
export const SLICE_STEPS = 64;

/** Runs `work` (a few steps; true when finished) until it finishes or the slice is used up. */
function slice<T>(work: () => T | null): T | null {
  const end = performance.now() + SLICE_MS;
  for (;;) {
    const r = work();
    if (r !== null || performance.now() >= end) return r;
  }
}

export type Progress = (phase: 'analysis' | 'run', done: number, total: number) => void;

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs a whole-recording analysis in slices, `progress` between them. With a read-ahead source
 * (the analysis reads from it), a slice runs on events that have arrived and waits for the next
 * ones between slices, so calls are still answered; the thread is ended whatever the outcome.
 */
export async function analyse(
  analysis: ReplayAnalysis,
  ahead: ReadAheadSource | null,
  progress: (done: number) => void,
): Promise<void> {
  try {
    for (;;) {
      // Until the thread's first batch, the analysis reads here rather than wait for it to load.
      const waits = ahead !== null && ahead.started;
      if (ahead !== null && waits) await ahead.ready(analysis.position + SLICE_STEPS - 1);
      const r = slice(() =>
        ahead !== null && waits && !ahead.has(analysis.position, SLICE_STEPS)
          ? false
          : analysis.runChunk(SLICE_STEPS)
            ? true
            : null,
      );
      if (r === true) break;
      ahead?.skipTo(analysis.position);
      progress(analysis.position);
      await tick();
    }
  } finally {
    await ahead?.close();
  }
}

export class SessionHost {
  readonly session: ReplaySession;
  readonly analysis: ReplayAnalysis;
  private analysisDone: Promise<void>;
  private runToken = 0;
  private running = false;

  constructor(
    readonly sessionId: string,
    readonly recordingId: number,
    readonly patternName: string,
    readonly pattern: ReplayPattern,
    source: EventSource,
    private readonly progress: Progress,
    /** The analysis' events read on a second thread (null: read here). */
    private readonly ahead: ReadAheadSource | null = null,
  ) {
    this.session = new ReplaySession(pattern, source, {
      checkpoints: { budgetBytes: SESSION_CHECKPOINT_BYTES },
    });
    this.analysis = new ReplayAnalysis(pattern, ahead ?? source, this.session.checkpoints);
    // A failure ends the analysis with its reason (the session itself stays usable).
    this.analysisDone = this.runAnalysis().catch((e: unknown) => {
      this.analysis.stopped = `the analysis failed: ${e instanceof Error ? e.message : String(e)}`;
      this.progress('analysis', this.analysis.total, this.analysis.total);
    });
  }

  info(): ReplaySessionInfo {
    return {
      sessionId: this.sessionId,
      recordingId: this.recordingId,
      patternName: this.patternName,
      events: this.session.total - 1,
      steps: this.session.total,
      time: this.pattern.time,
      partitionKey: this.pattern.partitionKey,
      stages: this.pattern.stages.map((s) => ({
        stage: s.stage,
        ...(s.nodeId ? { nodeId: s.nodeId } : {}),
        contiguity: s.contiguity,
      })),
      checkpointInterval: this.session.checkpoints.interval,
      report: this.session.report(),
    };
  }

  /** The whole-recording analysis, in slices; it starts after the open has been answered. */
  private async runAnalysis(): Promise<void> {
    await tick();
    const total = this.analysis.total;
    await analyse(this.analysis, this.ahead, (done) => this.progress('analysis', done, total));
    this.progress('analysis', total, total);
  }

  /** Settles when the analysis is over (done, stopped or failed). */
  analysed(): Promise<void> {
    return this.analysisDone;
  }

  /** Runs to the end or a breakpoint in chunks; a newer run or cancel() stops it. */
  async run(until: 'end' | 'breakpoint'): Promise<ReplayRunResult> {
    const token = ++this.runToken;
    this.running = true;
    try {
      const total = this.session.total;
      for (;;) {
        const r = slice(() => this.session.advance(SLICE_STEPS, until === 'breakpoint'));
        if (r) return { ...r, cancelled: false };
        this.progress('run', this.session.position, total);
        await tick();
        if (token !== this.runToken)
          return {
            report: this.session.seek(this.session.position),
            hit: null,
            done: false,
            cancelled: true,
          };
      }
    } finally {
      if (token === this.runToken) this.running = false;
    }
  }

  cancel(): boolean {
    const was = this.running;
    this.runToken++;
    this.running = false;
    return was;
  }

  async exportResults(args: ExportResultsArgs): Promise<ExportResultsOutcome> {
    await this.analysisDone;
    let fd: number;
    try {
      fd = openSync(args.path, 'w');
    } catch (e) {
      throw new CepError(
        'invalid-arguments',
        `Cannot write ${args.path}: ${e instanceof Error ? e.message : String(e)}`,
        [{ path: ['path'], message: 'not writable' }],
      );
    }
    let bytes = 0;
    const write = (text: string): void => {
      bytes += writeSync(fd, text);
    };
    try {
      if (args.format === 'csv') write(stringify([RESULT_CSV_HEADER]));
      const items = this.analysis.results;
      for (let i = 0; i < items.length; i++) {
        const stages = this.analysis.eventsOf(items[i]);
        write(
          args.format === 'csv'
            ? stringify(resultCsvRows(items[i], stages))
            : `${resultJsonLine(items[i], stages)}\n`,
        );
        if (i % 1000 === 999) await tick();
      }
    } finally {
      closeSync(fd);
    }
    return { path: args.path, format: args.format, results: this.analysis.results.length, bytes };
  }
}
