/**
 * One long-lived worker thread that runs jobs one after another (started on first use, so a
 * backend that never runs tests starts no thread). A crash rejects what it was running and the
 * next job starts a fresh worker.
 */
import { Worker } from 'node:worker_threads';
import { CepError } from '../../contract';
import { moduleUrlOf, workerScript } from '../worker-script';
import type {
  DiffJob,
  FromTestingWorker,
  TestingWorkerData,
  TestsJob,
  ToTestingWorker,
} from './worker-protocol';

export function testingWorkerScript(): { url: URL; execArgv: string[] } {
  return workerScript(moduleUrlOf((import.meta as { url?: string }).url), 'testing-worker');
}

interface Pending {
  resolve: (r: { value: unknown; cancelled: boolean }) => void;
  reject: (e: unknown) => void;
  progress: (done: number, total: number) => void;
}

export class JobWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly data: TestingWorkerData) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    const { url, execArgv } = testingWorkerScript();
    const worker = new Worker(url, { workerData: this.data, execArgv });
    worker.on('message', (m: FromTestingWorker) => {
      const p = this.pending.get(m.jobId);
      if (!p) return;
      if (m.type === 'progress') return p.progress(m.done, m.total);
      this.pending.delete(m.jobId);
      if (m.ok) p.resolve({ value: m.value, cancelled: m.cancelled });
      else p.reject(new CepError(m.error.code, m.error.message, m.error.issues));
    });
    const fail = (message: string): void => {
      if (this.worker !== worker) return;
      this.worker = null;
      const error = new CepError('internal', message);
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    worker.on('error', (e) => fail(`The test worker crashed: ${e.message}`));
    worker.on('exit', (code) => fail(`The test worker stopped (exit code ${code}); run again.`));
    this.worker = worker;
    return worker;
  }

  has(jobId: string): boolean {
    return this.pending.has(jobId);
  }

  submit(
    jobId: string,
    job: TestsJob | DiffJob,
    progress: (done: number, total: number) => void,
  ): Promise<{ value: unknown; cancelled: boolean }> {
    const worker = this.start();
    return new Promise((resolve, reject) => {
      this.pending.set(jobId, { resolve, reject, progress });
      worker.postMessage({ type: 'job', jobId, job } satisfies ToTestingWorker);
    });
  }

  cancel(jobId: string): boolean {
    if (!this.pending.has(jobId) || !this.worker) return false;
    this.worker.postMessage({ type: 'cancel', jobId } satisfies ToTestingWorker);
    return true;
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.pending.clear();
    if (w) await w.terminate();
  }
}
