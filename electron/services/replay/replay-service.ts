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
  /** Overrides of MAX_SESSIONS, SESSION_HEAP_MB and OPEN_TIMEOUT_MS (tests). */
  limits?: { maxSessions?: number; heapMb?: number; openTimeoutMs?: number };
}

/** The worker's code: the .ts file under tsx (tests, web host), a bundled entry next to main otherwise. */
export function replayWorkerScript(): { url: URL; execArgv: string[] } {
  return workerScript(moduleUrlOf((import.meta as { url?: string }).url), 'replay-worker');
}

/** Open sessions per back end (each a worker thread with its own heap); the least recently used goes first. */
export const MAX_SESSIONS = 4;
/** V8 old-generation limit of one session's worker: a runaway session ends alone, with a message. */
export const SESSION_HEAP_MB = 1024;
/** An open whose worker has not answered by then is given up (its worker ended), never left behind. */
export const OPEN_TIMEOUT_MS = 30_000;

class SessionWorker {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: unknown) => void }
  >();
  private dead: CepError | null = null;
  /** For least-recently-used eviction. */
  lastUsed = Date.now();

  constructor(
    readonly worker: Worker,
    heapMb: number,
    onProgress: (m: Extract<FromReplayWorker, { type: 'progress' }>) => void,
    onExit: () => void,
  ) {
    worker.on('message', (m: FromReplayWorker) => {
      if (m.type === 'progress') return onProgress(m);
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.value);
      else p.reject(new CepError(m.error.code, m.error.message, m.error.issues));
    });
    worker.on('error', (e: Error & { code?: string }) =>
      this.fail(
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `The replay session ran out of memory (its limit is ${heapMb} MB) and was closed; open it again, or replay a shorter recording.`
          : `The replay session crashed: ${e.message}`,
      ),
    );
    worker.on('exit', (code) => {
      this.fail(`The replay session stopped (exit code ${code}); open it again.`);
      onExit();
    });
  }

  /** Rejects every pending and later call with `message` (the first reason wins). */
  fail(message: string, code: CepError['code'] = 'internal'): void {
    this.dead ??= new CepError(code, message);
    for (const p of this.pending.values()) p.reject(this.dead);
    this.pending.clear();
  }

  get closedBecause(): CepError | null {
    return this.dead;
  }

  call<T>(method: string, args?: unknown): Promise<T> {
    if (this.dead) return Promise.reject(this.dead);
    this.lastUsed = Date.now();
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
  const maxSessions = deps.limits?.maxSessions ?? MAX_SESSIONS;
  const heapMb = deps.limits?.heapMb ?? SESSION_HEAP_MB;
  const openTimeoutMs = deps.limits?.openTimeoutMs ?? OPEN_TIMEOUT_MS;
  const sessions = new Map<string, SessionWorker>();
  /** Why sessions that are gone went (evicted, crashed), so a late call says so; the newest few kept. */
  const gone = new Map<string, CepError>();
  const forget = (sessionId: string, why: CepError | null): void => {
    if (!sessions.delete(sessionId)) return;
    if (why === null) return;
    gone.set(sessionId, why);
    if (gone.size > 64) gone.delete(gone.keys().next().value as string);
  };
  const get = (sessionId: string): SessionWorker => {
    const s = sessions.get(sessionId);
    if (!s)
      throw (
        gone.get(sessionId) ??
        new CepError('not-found', `No open replay session "${sessionId}" (it may have been closed).`)
      );
    return s;
  };
  const call = async <T>(sessionId: string, method: string, args?: unknown): Promise<T> =>
    get(sessionId).call<T>(method, args);
  /** Ends a session's worker; its later calls get `why`. */
  const end = async (sessionId: string, why: CepError | null): Promise<void> => {
    const s = sessions.get(sessionId);
    if (!s) return;
    forget(sessionId, why);
    if (why) s.fail(why.message, why.code);
    await s.worker.terminate();
  };
  /** Makes room for one more session: the least recently used one is closed. */
  const makeRoom = async (): Promise<void> => {
    while (sessions.size >= maxSessions) {
      let oldest: [string, SessionWorker] | null = null;
      for (const entry of sessions)
        if (oldest === null || entry[1].lastUsed < oldest[1].lastUsed) oldest = entry;
      if (oldest === null) return;
      await end(
        oldest[0],
        new CepError(
          'not-found',
          `This replay session was closed to make room for a newer one (at most ${maxSessions} are open at once); open it again.`,
        ),
      );
    }
  };

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
      await makeRoom();
      const sessionId = randomUUID();
      const { url, execArgv } = replayWorkerScript();
      const data: ReplayWorkerData = {
        dbPath: deps.dbPath,
        recordingId,
        sessionId,
        patternName: name,
        document: loaded.document,
      };
      const worker = new Worker(url, {
        workerData: data,
        execArgv,
        resourceLimits: { maxOldGenerationSizeMb: heapMb },
      });
      const sw = new SessionWorker(
        worker,
        heapMb,
        (m) =>
          deps.hub.publish('replay.progress', { sessionId, phase: m.phase, done: m.done, total: m.total }),
        () => forget(sessionId, sw.closedBecause),
      );
      sessions.set(sessionId, sw);
      // The worker answers `info` before it starts the analysis; a worker that cannot (stuck in
      // setup) is ended after OPEN_TIMEOUT_MS instead of being left behind.
      const timer = setTimeout(
        () =>
          sw.fail(
            `The replay session did not start within ${openTimeoutMs / 1000} s and was stopped; the pattern or the recording may be too large.`,
          ),
        openTimeoutMs,
      );
      try {
        return await sw.call<ReplaySessionInfo>('info');
      } catch (e) {
        forget(sessionId, null);
        await worker.terminate();
        throw e;
      } finally {
        clearTimeout(timer);
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
      get(sessionId);
      await end(sessionId, null);
    },
    closeAll: async () => {
      const all = [...sessions.values()];
      sessions.clear();
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}
