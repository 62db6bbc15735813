/**
 * The `tests` group of CepApi: resolves what the renderer names (recordings by name, pattern
 * versions) on the main thread, then runs the work in worker threads next to the data — one for
 * test runs, one for diffs, so a long diff never holds up the live tests — and publishes progress.
 */
import path from 'node:path';
import {
  CepError,
  type DiffArgs,
  type DiffRunOutcome,
  type DocumentRef,
  type PatternMethods,
  type RecordingMethods,
  type RecordingSummary,
  type TestMethods,
  type TestRunOutcome,
} from '../../contract';
import { loadDocument, type PatternDocument } from '../../../engine/format';
import type { PushHub } from '../push-hub';
import { JobWorker } from './job-worker';
import type { ResolvedRecordings } from './worker-protocol';

export interface TestingServiceDeps {
  dbPath: string;
  hub: PushHub;
  patterns: PatternMethods;
  recordings: RecordingMethods;
}

export interface TestingService extends TestMethods {
  closeAll(): Promise<void>;
}

/** Items a diff returns unless asked otherwise (the rest are counted). */
export const DEFAULT_DIFF_ITEMS = 500;

function loaded(document: unknown, what: string): PatternDocument {
  const r = loadDocument(document);
  if (!r.ok)
    throw new CepError(
      'invalid-document',
      `${what} is not a valid pattern document`,
      r.diagnostics.map((d) => ({
        path: ['document', ...(d.target?.path ?? [])],
        message: d.message,
        code: d.code,
      })),
    );
  return r.document;
}

/** A case's recording: a stored recording of that name, or imported from a file of that name. */
export function findRecording(name: string, list: readonly RecordingSummary[]): RecordingSummary | undefined {
  const file = path.basename(name.replace(/\\/g, '/'));
  return (
    list.find((r) => r.name === name) ??
    list.find((r) => path.basename(r.sourcePath.replace(/\\/g, '/')) === file) ??
    list.find((r) => r.name === `Sample: ${file}`)
  );
}

export function createTestingService(deps: TestingServiceDeps): TestingService {
  const tests = new JobWorker({ dbPath: deps.dbPath });
  const diffs = new JobWorker({ dbPath: deps.dbPath });
  /** Runs asked for and not answered yet, and whether they were cancelled before reaching a worker. */
  const active = new Map<string, { cancelled: boolean }>();
  const begin = (runId: string): { cancelled: boolean } => {
    if (active.has(runId))
      throw new CepError('invalid-arguments', `A run with id "${runId}" is already going`);
    const state = { cancelled: false };
    active.set(runId, state);
    return state;
  };
  const progress = (runId: string, phase: 'tests' | 'diff') => (done: number, total: number) =>
    deps.hub.publish('tests.progress', { runId, phase, done, total });

  async function resolveRef(
    ref: DocumentRef,
    side: string,
  ): Promise<{ document: PatternDocument; label: string }> {
    if ('document' in ref)
      return { document: loaded(ref.document, `The ${side} document`), label: ref.label ?? 'the canvas' };
    if (ref.version === undefined) {
      const p = await deps.patterns.get({ id: ref.patternId });
      return {
        document: loaded(p.document, `The saved "${p.name}"`),
        label: `last saved (version ${p.latestVersion})`,
      };
    }
    const v = await deps.patterns.getVersion({ id: ref.patternId, version: ref.version });
    return { document: loaded(v.document, `Version ${v.version}`), label: `version ${v.version}` };
  }

  return {
    run: async ({ runId, document, caseIds }) => {
      const state = begin(runId);
      try {
        return await runTests(runId, document, caseIds, state);
      } finally {
        active.delete(runId);
      }
    },
    cancel: ({ runId }) => {
      const state = active.get(runId);
      if (state === undefined) return Promise.resolve(false);
      state.cancelled = true;
      tests.cancel(runId);
      diffs.cancel(runId);
      return Promise.resolve(true);
    },
    diff: async (args) => {
      const state = begin(args.runId);
      try {
        return await runDiff(args, state);
      } finally {
        active.delete(args.runId);
      }
    },
    closeAll: async () => {
      await Promise.all([tests.close(), diffs.close()]);
    },
  };

  async function runTests(
    runId: string,
    document: unknown,
    caseIds: string[] | undefined,
    state: { cancelled: boolean },
  ): Promise<TestRunOutcome> {
    const doc = loaded(document, 'The pattern');
    const wanted = caseIds ? new Set(caseIds) : null;
    const names = new Set<string>();
    for (const c of doc.tests)
      if ((wanted === null || wanted.has(c.id)) && c.source.kind === 'recording')
        names.add(c.source.recording);
    const list = names.size > 0 ? await deps.recordings.list() : [];
    const recordings: ResolvedRecordings = {};
    for (const name of names) {
      const r = findRecording(name, list);
      recordings[name] = r ? { id: r.id, events: r.rowCount } : null;
    }
    if (state.cancelled) return { runId, cancelled: true, results: [], recordings: {} };
    const { value, cancelled } = await tests.submit(
      runId,
      { kind: 'tests', document: doc, ...(caseIds ? { caseIds } : {}), recordings },
      progress(runId, 'tests'),
    );
    if (value === null) return { runId, cancelled: true, results: [], recordings: {} };
    return { ...(value as Omit<TestRunOutcome, 'runId'>), runId, cancelled };
  }

  async function runDiff(
    { runId, recordingId, before, after, maxItems }: DiffArgs,
    state: { cancelled: boolean },
  ): Promise<DiffRunOutcome> {
    await deps.recordings.get({ id: recordingId });
    const [b, a] = [await resolveRef(before, 'old'), await resolveRef(after, 'new')];
    const { value } = state.cancelled
      ? { value: null }
      : await diffs.submit(
          runId,
          {
            kind: 'diff',
            before: b.document,
            after: a.document,
            recordingId,
            maxItems: maxItems ?? DEFAULT_DIFF_ITEMS,
          },
          progress(runId, 'diff'),
        );
    const out = value as Omit<DiffRunOutcome, 'runId' | 'beforeLabel' | 'afterLabel'> | null;
    if (out === null || out.cancelled) throw new CepError('cancelled', 'The diff was cancelled');
    return { ...out, runId, beforeLabel: b.label, afterLabel: a.label };
  }
}
