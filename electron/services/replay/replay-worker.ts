/**
 * A replay session's worker thread: opens its own read-only connection, builds the session and
 * answers calls. The main thread never holds a recording; only reports cross.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { CepError, type CepErrorInfo } from '../../contract';
import { loadDocument, RunBudgetExceeded } from '../../../engine';
import { prepareReplayPattern } from '../../../engine/debug';
import { dispatch } from './dispatch';
import { ReadAheadSource } from './read-ahead';
import { SessionHost } from './session-host';
import { SqliteEventSource } from './sqlite-source';
import type { FromReplayWorker, ReplayWorkerData, ToReplayWorker } from './worker-protocol';

const data = workerData as ReplayWorkerData;
const port = parentPort;
if (port === null) throw new Error('replay-worker must run in a worker thread');
const post = (m: FromReplayWorker): void => port.postMessage(m);

function errorInfo(e: unknown): CepErrorInfo {
  if (e instanceof CepError) return e.toInfo();
  if (e instanceof RunBudgetExceeded)
    return { code: 'budget-exceeded', message: `The replay cannot go past this step: ${e.message}` };
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}

/**
 * The analysis' events read on a second thread, when it reads only some fields (the thread sends
 * those); null when it reads whole events or the thread cannot start (then it reads here).
 */
function readAhead(source: SqliteEventSource, fields: readonly string[] | null): ReadAheadSource | null {
  if (fields === null) return null;
  try {
    return new ReadAheadSource(source, data.dbPath, fields);
  } catch {
    return null;
  }
}

let host: SessionHost | null = null;
let setupError: CepErrorInfo | null = null;
try {
  const db = new Database(data.dbPath, { readonly: true, fileMustExist: true });
  const loaded = loadDocument(data.document);
  if (!loaded.ok)
    throw new CepError(
      'invalid-document',
      'The pattern document is not valid',
      loaded.diagnostics.map((d) => ({ path: [], message: d.message, code: d.code })),
    );
  const prepared = prepareReplayPattern(loaded.document);
  if (!prepared.ok)
    throw new CepError(
      'invalid-document',
      `The pattern cannot run: ${prepared.diagnostics
        .filter((d) => d.severity === 'error')
        .map((d) => d.message)
        .join('; ')}`,
      prepared.diagnostics.map((d) => ({ path: [], message: d.message, code: d.code })),
    );
  const source = new SqliteEventSource(db, data.recordingId);
  host = new SessionHost(
    data.sessionId,
    data.recordingId,
    data.patternName,
    prepared.pattern,
    source,
    (phase, done, total) => post({ type: 'progress', phase, done, total }),
    readAhead(source, prepared.pattern.fieldsRead),
  );
} catch (e) {
  setupError = errorInfo(e);
}

port.on('message', (m: ToReplayWorker) => {
  if (m.type === 'cancel') {
    host?.cancel();
    return;
  }
  void (async () => {
    try {
      if (host === null)
        throw new CepError(
          setupError?.code ?? 'internal',
          setupError?.message ?? 'session failed to open',
          setupError?.issues,
        );
      const value = await dispatch(host, m.method, m.args);
      post({ type: 'reply', id: m.id, ok: true, value });
    } catch (e) {
      post({ type: 'reply', id: m.id, ok: false, error: errorInfo(e) });
    }
  })();
});
