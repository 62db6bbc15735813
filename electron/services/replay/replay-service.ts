/**
 * The `replay` group of CepApi: one worker thread per open session, next to the data. This side
 * only resolves the pattern, checks the recording, forwards calls and publishes progress.
 */
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { CepError, type PatternDetail, type ReplayMethods, type ReplaySessionInfo } from '../../contract';
import { loadDocument } from '../../../engine';
import type { PushHub } from '../push-hub';
import type { FromReplayWorker, ReplayWorkerData, ToReplayWorker } from './worker-protocol';
import { moduleUrlOf, workerScript } from '../worker-script';

export interface ReplayServiceDeps {
  dbPath: string;
  hub: PushHub;
  /** The newest document of a stored pattern (rejects `not-found`). */
  getPattern(id: string): Promise<PatternDetail>;
  /** Throws (or rejects) `not-found` when the recording does not exist. */
  checkRecording(id: number): unknown;
}

/** The worker's code: the .ts file under tsx (tests, web host), a bundled entry next to main otherwise. */
export function replayWorkerScript(): { url: URL; execArgv: string[] } {
  return workerScript(moduleUrlOf((import.meta as { url?: string }).url), 'replay-worker');
}

class SessionWorker {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: unknown) => void }
  >();
  private dead: CepError | null = null;

  constructor(
    readonly worker: Worker,
    onProgress: (m: Extract<FromReplayWorker, { type: 'progress' }>) => void,
  ) {
    worker.on('message', (m: FromReplayWorker) => {
      if (m.type === 'progress') return onProgress(m);
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.value);
      else p.reject(new CepError(m.error.code, m.error.message, m.error.issues));
    });
    const fail = (message: string): void => {
      this.dead = new CepError('internal', message);
      for (const p of this.pending.values()) p.reject(this.dead);
      this.pending.clear();
    };
    worker.on('error', (e) => fail(`The replay session crashed: ${e.message}`));
    worker.on('exit', (code) => fail(`The replay session stopped (exit code ${code}); open it again.`));
  }

  call<T>(method: string, args?: unknown): Promise<T> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ type: 'call', id, method, args } satisfies ToReplayWorker);
    });
  }

  cancel(): void {
    this.worker.postMessage({ type: 'cancel' } satisfies ToReplayWorker);
  }
}

export interface ReplayService extends ReplayMethods {
  /** Ends every session's worker (backend shutdown). */
  closeAll(): Promise<void>;
}

export function createReplayService(deps: ReplayServiceDeps): ReplayService {
  const sessions = new Map<string, SessionWorker>();
  const get = (sessionId: string): SessionWorker => {
    const s = sessions.get(sessionId);
    if (!s)
      throw new CepError('not-found', `No open replay session "${sessionId}" (it may have been closed).`);
    return s;
  };
  const call = async <T>(sessionId: string, method: string, args?: unknown): Promise<T> =>
    get(sessionId).call<T>(method, args);

  return {
    open: async ({ recordingId, patternId, document }) => {
      await deps.checkRecording(recordingId);
      let doc = document;
      let name = 'Unsaved pattern';
      if (doc === undefined && patternId !== undefined) {
        const detail = await deps.getPattern(patternId);
        doc = detail.document;
        name = detail.name;
      }
      const loaded = loadDocument(doc);
      if (!loaded.ok)
        throw new CepError(
          'invalid-document',
          'The pattern document is not valid',
          loaded.diagnostics.map((d) => ({ path: ['document'], message: d.message, code: d.code })),
        );
      if (document !== undefined) name = loaded.document.name;
      const sessionId = randomUUID();
      const { url, execArgv } = replayWorkerScript();
      const data: ReplayWorkerData = {
        dbPath: deps.dbPath,
        recordingId,
        sessionId,
        patternName: name,
        document: loaded.document,
      };
      const worker = new Worker(url, { workerData: data, execArgv });
      const sw = new SessionWorker(worker, (m) =>
        deps.hub.publish('replay.progress', { sessionId, phase: m.phase, done: m.done, total: m.total }),
      );
      sessions.set(sessionId, sw);
      try {
        return await sw.call<ReplaySessionInfo>('info');
      } catch (e) {
        sessions.delete(sessionId);
        await worker.terminate();
        throw e;
      }
    },
    step: (args) => call(args.sessionId, 'step', args),
    seek: (args) => call(args.sessionId, 'seek', args),
    run: (args) => call(args.sessionId, 'run', args),
    cancel: async ({ sessionId }) => {
      get(sessionId).cancel();
      return call<boolean>(sessionId, 'cancel');
    },
    setBreakpoints: (args) => call(args.sessionId, 'setBreakpoints', args),
    whyNot: (args) => call(args.sessionId, 'whyNot', args),
    nearMisses: ({ sessionId }) => call(sessionId, 'nearMisses'),
    timeline: (args) => call(args.sessionId, 'timeline', args),
    results: (args) => call(args.sessionId, 'results', args),
    exportResults: (args) => call(args.sessionId, 'exportResults', args),
    close: async ({ sessionId }) => {
      const s = get(sessionId);
      sessions.delete(sessionId);
      await s.worker.terminate();
    },
    closeAll: async () => {
      const all = [...sessions.values()];
      sessions.clear();
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}
