/**
 * The `replay-1m` benchmark body: open a session on a stored recording, run the whole-recording
 * analysis (which lays down checkpoints) as a session's worker runs it (in slices, its events read
 * on a second thread), then time steps forward and back and random seeks. In this thread (no
 * session worker) so the figures are the engine's and SQLite's, not the calls' message passing.
 */
import Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import type { PatternDocument } from '../../../engine';
import { ReplayAnalysis, ReplaySession, prepareReplayPattern } from '../../../engine/debug';
import { ReadAheadSource } from './read-ahead';
import { analyse } from './session-host';
import { SqliteEventSource } from './sqlite-source';

export interface ReplayBenchResult {
  events: number;
  openMs: number;
  analysisMs: number;
  checkpoints: number;
  checkpointInterval: number;
  checkpointMiB: number;
  stepForwardMs: number[];
  stepBackMs: number[];
  seekMs: number[];
  matches: number;
}

/** Deterministic pseudo-random positions (no Math.random: runs compare). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function benchReplay1m(options: {
  dbPath: string;
  recordingId: number;
  document: PatternDocument;
  steps?: number;
  seeks?: number;
  /** false: the analysis reads its events in this thread (the build before the read-ahead). */
  readAhead?: boolean;
}): Promise<ReplayBenchResult> {
  const db = new Database(options.dbPath, { readonly: true, fileMustExist: true });
  try {
    const t0 = performance.now();
    const prepared = prepareReplayPattern(options.document);
    if (!prepared.ok) throw new Error(prepared.diagnostics.map((d) => d.message).join('; '));
    const source = new SqliteEventSource(db, options.recordingId);
    const session = new ReplaySession(prepared.pattern, source);
    const openMs = performance.now() - t0;
    const t1 = performance.now();
    const fields = prepared.pattern.fieldsRead;
    const ahead =
      options.readAhead !== false && fields !== null
        ? new ReadAheadSource(source, options.dbPath, fields)
        : null;
    const analysis = new ReplayAnalysis(prepared.pattern, ahead ?? source, session.checkpoints);
    await analyse(analysis, ahead, () => {});
    const analysisMs = performance.now() - t1;
    const time = (f: () => void): number => {
      const s = performance.now();
      f();
      return performance.now() - s;
    };
    const rnd = lcg(42);
    const start = Math.floor(source.count / 2) + Math.floor(rnd() * 1000);
    session.seek(start);
    const n = options.steps ?? 50;
    const stepForwardMs = Array.from({ length: n }, () => time(() => session.stepForward()));
    const stepBackMs = Array.from({ length: n }, () => time(() => session.stepBack()));
    const seekMs = Array.from({ length: options.seeks ?? 10 }, () =>
      time(() => session.seek(Math.floor(rnd() * session.total))),
    );
    return {
      events: source.count,
      openMs,
      analysisMs,
      checkpoints: session.checkpoints.count,
      checkpointInterval: session.checkpoints.interval,
      checkpointMiB: session.checkpoints.totalBytes / 2 ** 20,
      stepForwardMs,
      stepBackMs,
      seekMs,
      matches: analysis.results.filter((r) => r.kind === 'match').length,
    };
  } finally {
    db.close();
  }
}
