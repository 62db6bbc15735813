/**
 * The testing worker thread: test runs and behavioural diffs next to the data, one job at a time
 * on its own read-only connection, in chunks so a cancel gets through. Only results cross.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { CepError, type CepErrorInfo } from '../../contract';
import type { JobControl } from './chunked';
import { runDiffJob } from './diff-job';
import { runTestsJob, TestResultCache } from './test-job';
import type { FromTestingWorker, TestingWorkerData, ToTestingWorker } from './worker-protocol';

const port = parentPort;
if (port === null) throw new Error('testing-worker must run in a worker thread');
const post = (m: FromTestingWorker): void => port.postMessage(m);
const db = new Database((workerData as TestingWorkerData).dbPath, { readonly: true, fileMustExist: true });
const cache = new TestResultCache();
const cancelled = new Set<string>();
let queue: Promise<void> = Promise.resolve();

function errorInfo(e: unknown): CepErrorInfo {
  if (e instanceof CepError) return e.toInfo();
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}

async function run(jobId: string, job: Extract<ToTestingWorker, { type: 'job' }>['job']): Promise<void> {
  const control: JobControl = {
    get cancelled() {
      return cancelled.has(jobId);
    },
    progress: (done, total) => post({ type: 'progress', jobId, done, total }),
  };
  try {
    if (control.cancelled) {
      post({ type: 'done', jobId, ok: true, value: null, cancelled: true });
      return;
    }
    const value =
      job.kind === 'tests' ? await runTestsJob(db, job, cache, control) : await runDiffJob(db, job, control);
    post({ type: 'done', jobId, ok: true, value, cancelled: value.cancelled });
  } catch (e) {
    post({ type: 'done', jobId, ok: false, error: errorInfo(e) });
  } finally {
    cancelled.delete(jobId);
  }
}

port.on('message', (m: ToTestingWorker) => {
  if (m.type === 'cancel') cancelled.add(m.jobId);
  else queue = queue.then(() => run(m.jobId, m.job));
});
