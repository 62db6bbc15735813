/**
 * Starts an import in a worker thread and turns its messages into a promise with progress
 * callbacks. Aborting the signal asks the worker to roll back; if it does not answer within
 * a grace period it is terminated, which SQLite also survives without a half recording.
 */
import { Worker } from 'node:worker_threads';
import type { ImportProgress, ImportRequest } from '../types';
import { RecordingImportError } from './import-error';
import { startParseWorkerBeside } from './worker-event-producer';
import type { FromWorker, ImportWorkerData, ToWorker } from './worker-protocol';
import { moduleUrlOf, workerScript } from '../../worker-script';
import { processWriteTurn } from '../../db/write-turn';

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
}

const CANCEL_GRACE_MS = 5000;

/** This module's URL. The CommonJS bundle has an empty import.meta; __filename names the bundle there. */

/**
 * Where the worker's code is. From source (tests, the tsx web host) it is the .ts file, loaded
 * through tsx. In the Electron build Forge's Vite plugin emits it as its own entry
 * (forge.config.ts: electron/services/recordings/import/import-worker.ts → import-worker.cjs)
 * next to main.cjs, which contains this module.
 */
export function importWorkerScript(): { url: URL; execArgv: string[] } {
  return workerScript(moduleUrlOf((import.meta as { url?: string }).url), 'import-worker');
}

/**
 * The import worker, and its parse worker beside it for a large file: both start at once, so
 * neither waits for the other to load its code; the parse worker ends with the import worker.
 */
export function spawnImportWorker(dbPath: string, request: ImportRequest): Worker {
  const { url, execArgv } = importWorkerScript();
  const parser = startParseWorkerBeside(request);
  const data: ImportWorkerData = {
    dbPath,
    request,
    writeTurn: processWriteTurn.buffer,
    ...(parser ? { parser: parser.port } : {}),
  };
  try {
    const worker = new Worker(url, { workerData: data, execArgv, transferList: parser ? [parser.port] : [] });
    if (parser) worker.once('exit', () => void parser.worker.terminate());
    return worker;
  } catch (error) {
    void parser?.worker.terminate();
    throw error;
  }
}

const cancelled = (): RecordingImportError =>
  new RecordingImportError({ code: 'cancelled', message: 'Import cancelled; nothing was stored.' });

/** Resolves with the new recording's id. Rejects with RecordingImportError. */
export function importRecordingInWorker(
  dbPath: string,
  request: ImportRequest,
  options: ImportOptions = {},
): Promise<number> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(cancelled());
  return new Promise<number>((resolve, reject) => {
    const worker = spawnImportWorker(dbPath, request);
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      if (killTimer) clearTimeout(killTimer);
      outcome();
    };
    function onAbort(): void {
      worker.postMessage({ type: 'cancel' } satisfies ToWorker);
      killTimer = setTimeout(() => {
        void worker.terminate();
        settle(() => reject(cancelled()));
      }, CANCEL_GRACE_MS);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'progress') onProgress?.(message.progress);
      // Alive and deleting what it committed: let it finish, so 'nothing was stored' holds when it says so.
      else if (message.type === 'discarding') clearTimeout(killTimer);
      // Messages arrive in order, so an abort made on any earlier progress is already seen here.
      else if (message.type === 'ready') {
        if (!signal?.aborted) worker.postMessage({ type: 'commit' } satisfies ToWorker);
      } else if (message.type === 'done') settle(() => resolve(message.recordingId));
      else settle(() => reject(new RecordingImportError(message.error)));
    });
    worker.on('error', (error) =>
      settle(() =>
        reject(
          new RecordingImportError({ code: 'internal', message: `Import worker crashed: ${error.message}` }),
        ),
      ),
    );
    worker.on('exit', (code) =>
      settle(() =>
        reject(
          new RecordingImportError({
            code: 'internal',
            message: `Import worker stopped unexpectedly (exit code ${code}); nothing was stored.`,
          }),
        ),
      ),
    );
  });
}
