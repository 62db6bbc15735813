/**
 * A behavioural diff in the worker: both versions over a stored recording in one pass (each chunk
 * of events read from SQLite once, every event pushed into both matchers), then the items with
 * the events they bound, read back by position.
 */
import type { Database } from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import type { DiffItemView, DiffRunOutcome, DiffSide } from '../../contract';
import { prepareReplayPattern, type EventSource, type ReplayPattern } from '../../../engine/debug';
import { loadDocument } from '../../../engine/format';
import { BehaviourDiff, type DiffOutcome } from '../../../engine/testing';
import { SqliteEventSource } from '../replay/sqlite-source';
import { runInChunks, type JobControl } from './chunked';
import type { DiffJob } from './worker-protocol';

/** Events read (and pushed) per chunk. */
export const DIFF_CHUNK = 4096;

export function preparedVersion(document: unknown, which: string): ReplayPattern {
  const loaded = loadDocument(document);
  if (!loaded.ok) throw new Error(`the ${which} version does not load`);
  const prepared = prepareReplayPattern(loaded.document);
  if (!prepared.ok)
    throw new Error(
      `the ${which} version cannot run: ${prepared.diagnostics
        .filter((d) => d.severity === 'error')
        .map((d) => d.message)
        .join('; ')}`,
    );
  return prepared.pattern;
}

/**
 * The fields both versions read (conditions, key and time), or null when either may read any
 * field. The matchers get only those (SqliteEventSource.readFields decodes less of each payload);
 * the events an item shows are read back whole (`side`).
 */
export function fieldsOfBoth(before: ReplayPattern, after: ReplayPattern): readonly string[] | null {
  if (before.fieldsRead === null || after.fieldsRead === null) return null;
  return [...new Set([...before.fieldsRead, ...after.fieldsRead])].sort();
}

/** Pushes every event of `source` into the diff, a chunk per call; true when all are in. */
export function diffFeeder(
  diff: BehaviourDiff,
  source: EventSource,
  fields: readonly string[] | null = null,
): () => boolean {
  let next = 0;
  const read =
    fields !== null && source.readFields !== undefined
      ? (from: number, to: number) => source.readFields!(from, to, fields)
      : (from: number, to: number) => source.read(from, to);
  return () => {
    const to = Math.min(source.count, next + DIFF_CHUNK);
    for (const e of read(next, to)) diff.push(e);
    next = to;
    return next >= source.count;
  };
}

function side(o: DiffOutcome, source: EventSource): DiffSide {
  return {
    ...o,
    events: o.bound.map((b) => ({ stage: b.stage, events: b.seqs.map((s) => source.read(s, s + 1)[0]) })),
  };
}

export async function runDiffJob(
  db: Database,
  job: DiffJob,
  control: JobControl,
): Promise<Omit<DiffRunOutcome, 'runId' | 'beforeLabel' | 'afterLabel'>> {
  const started = performance.now();
  const source = new SqliteEventSource(db, job.recordingId);
  const before = preparedVersion(job.before, 'old');
  const after = preparedVersion(job.after, 'new');
  const diff = new BehaviourDiff(before, after);
  const finished = await runInChunks(diffFeeder(diff, source, fieldsOfBoth(before, after)), control, () => [
    diff.events,
    source.count,
  ]);
  const result = diff.finish(job.maxItems);
  const items: DiffItemView[] = result.items.map((it) => ({
    change: it.change,
    kind: it.kind,
    key: it.key,
    position: it.position,
    ...(it.before ? { before: side(it.before, source) } : {}),
    ...(it.after ? { after: side(it.after, source) } : {}),
  }));
  return {
    cancelled: !finished,
    recordingId: job.recordingId,
    summary: result.summary,
    items,
    totalItems: result.totalItems,
    elapsedMs: Math.round(performance.now() - started),
  };
}
