/**
 * A test run in the worker: a document's cases over stored recordings. Results of cases whose
 * pattern semantics, case and recording are unchanged come from a cache, so editing one test
 * (or the layout) re-runs only what it can change.
 */
import type { Database } from 'better-sqlite3';
import type { TestRunOutcome } from '../../contract';
import { canonicalJson, loadDocument, semanticHash, type TestCase } from '../../../engine/format';
import { DocumentTestRun, type CaseResult } from '../../../engine/testing';
import { SqliteEventSource } from '../replay/sqlite-source';
import { runInChunks, type JobControl } from './chunked';
import type { ResolvedRecordings, TestsJob } from './worker-protocol';

/** Steps per chunk between yields. */
const CHUNK_STEPS = 5000;
/** Cached case results kept (oldest dropped first). */
const CACHE_LIMIT = 2000;

export class TestResultCache {
  private readonly map = new Map<string, CaseResult>();

  get(key: string): CaseResult | undefined {
    return this.map.get(key);
  }

  set(key: string, value: CaseResult): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > CACHE_LIMIT) this.map.delete(this.map.keys().next().value as string);
  }
}

function cacheKey(hash: string, c: TestCase, recordings: ResolvedRecordings): string {
  const r = c.source.kind === 'recording' ? recordings[c.source.recording] : null;
  return `${hash}\u0001${canonicalJson({ ...c, name: '', note: '' })}\u0001${r ? `${r.id}:${r.events}` : ''}`;
}

function missing(recording: string): string {
  return `No recording "${recording}" in the library: import it (Recordings), or change the case's recording.`;
}

export async function runTestsJob(
  db: Database,
  job: TestsJob,
  cache: TestResultCache,
  control: JobControl,
): Promise<Omit<TestRunOutcome, 'runId'>> {
  const loaded = loadDocument(job.document);
  if (!loaded.ok) throw new Error('the document does not load');
  const doc = loaded.document;
  const wanted = job.caseIds ? new Set(job.caseIds) : null;
  const cases = doc.tests.filter((c) => wanted === null || wanted.has(c.id));
  const hash = semanticHash(doc);
  const keys = new Map(cases.map((c) => [c.id, cacheKey(hash, c, job.recordings)]));
  const todo = cases.filter((c) => cache.get(keys.get(c.id) ?? '') === undefined);
  const run = new DocumentTestRun(
    doc,
    (recording) => {
      const r = job.recordings[recording];
      return r ? new SqliteEventSource(db, r.id) : { error: missing(recording) };
    },
    todo,
  );
  const finished = await runInChunks(
    () => run.runChunk(CHUNK_STEPS),
    control,
    () => [run.position, run.total],
  );
  const fresh = finished ? run.results() : [];
  for (const r of fresh) {
    // A case that could not run (a missing recording, a stopped run) is asked again next time.
    if (r.status !== 'error') cache.set(keys.get(r.id) ?? '', { ...r });
  }
  const byId = new Map(fresh.map((r) => [r.id, r]));
  const results: CaseResult[] = [];
  for (const c of cases) {
    const r = byId.get(c.id) ?? cache.get(keys.get(c.id) ?? '');
    // Cached under the case's meaning: give it the case's current name.
    if (r) results.push({ ...r, name: c.name });
  }
  const recordings: Record<string, number | null> = {};
  for (const [name, r] of Object.entries(job.recordings)) recordings[name] = r ? r.id : null;
  return { cancelled: !finished, results, recordings };
}
