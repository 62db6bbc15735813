/**
 * The Tests panel's state: the latest results of the open pattern's tests, run in the back end
 * (tests.run, in a worker next to the data) every time the pattern or its tests change. A newer run
 * cancels the one going; answers of a replaced run are dropped, so the panel never mixes versions.
 */
import { create } from 'zustand';
import { CepError, type CaseResult, type CepApi } from '../../electron/contract';
import type { PatternDocument } from '../../engine/format/schema';

export type TestsStatus = 'idle' | 'running' | 'done' | 'error';

export interface TestsState {
  status: TestsStatus;
  /** Latest result per case id (kept while a newer run goes, so the list does not flicker). */
  results: Record<string, CaseResult>;
  /** Recording name → stored recording id (null: not in the library), as the last run resolved them. */
  recordings: Record<string, number | null>;
  error: string | null;
  progress: { done: number; total: number } | null;
  runId: string | null;
  /** What the last run was asked for (pattern id + its document), to skip identical runs. */
  ranKey: string | null;
  run(api: CepApi, key: string, document: PatternDocument): Promise<void>;
  onProgress(runId: string, done: number, total: number): void;
  reset(): void;
}

let counter = 0;

export const useTestsStore = create<TestsState>()((set, get) => ({
  status: 'idle',
  results: {},
  recordings: {},
  error: null,
  progress: null,
  runId: null,
  ranKey: null,

  run: async (api, key, document) => {
    const previous = get().runId;
    if (previous) void api.tests.cancel({ runId: previous }).catch(() => undefined);
    const runId = `tests-${Date.now().toString(36)}-${++counter}`;
    set({ status: 'running', runId, ranKey: key, progress: null, error: null });
    if (document.tests.length === 0) {
      set({ status: 'done', results: {}, recordings: {}, runId: null });
      return;
    }
    try {
      const outcome = await api.tests.run({ runId, document });
      if (get().runId !== runId || outcome.cancelled) return;
      const results: Record<string, CaseResult> = {};
      for (const r of outcome.results) results[r.id] = r;
      set({ status: 'done', results, recordings: outcome.recordings, progress: null, runId: null });
    } catch (err) {
      if (get().runId !== runId) return;
      set({ status: 'error', error: CepError.from(err).message, progress: null, runId: null });
    }
  },

  onProgress: (runId, done, total) => {
    if (get().runId === runId) set({ progress: { done, total } });
  },

  reset: () =>
    set({
      status: 'idle',
      results: {},
      recordings: {},
      error: null,
      progress: null,
      runId: null,
      ranKey: null,
    }),
}));
