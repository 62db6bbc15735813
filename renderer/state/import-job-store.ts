/**
 * The running (or last) import, apart from the import dialog: closing the dialog does not cancel
 * it, it goes on in the background with its progress and a Cancel button in the status bar, and
 * its outcome stays there until dismissed ("cancelled; nothing was stored" included).
 */
import { create } from 'zustand';
import {
  CepError,
  type CepApi,
  type ImportProgress,
  type ImportRecordingArgs,
  type RecordingDetail,
} from '../../electron/contract';

export type ImportJobPhase = 'running' | 'done' | 'failed' | 'cancelled';

export interface ImportJob {
  id: string;
  name: string;
  phase: ImportJobPhase;
  progress: ImportProgress;
  /** Cancel was asked for; the back end is rolling back. */
  cancelling: boolean;
  result: RecordingDetail | null;
  error: CepError | null;
}

export interface ImportJobState {
  job: ImportJob | null;
  /** Starts an import; returns its id. The outcome lands in `job`. */
  start(api: CepApi, request: Omit<ImportRecordingArgs, 'importId'>, totalBytes: number): string;
  cancel(api: CepApi): void;
  /** Forgets a finished job (its status-bar note). */
  dismiss(): void;
}

let counter = 0;

export const useImportJobStore = create<ImportJobState>()((set, get) => {
  const update = (id: string, patch: Partial<ImportJob>): void => {
    const { job } = get();
    if (job?.id === id) set({ job: { ...job, ...patch } });
  };
  return {
    job: null,
    start: (api, request, totalBytes) => {
      counter += 1;
      const id = `ui-${Date.now().toString(36)}-${counter}`;
      set({
        job: {
          id,
          name: request.name,
          phase: 'running',
          progress: { bytesRead: 0, totalBytes, rows: 0, malformed: 0 },
          cancelling: false,
          result: null,
          error: null,
        },
      });
      const unsubscribe = api.on('recordings.importProgress', (p) => {
        if (p.importId === id && get().job?.phase === 'running')
          update(id, {
            progress: {
              bytesRead: p.bytesRead,
              totalBytes: p.totalBytes,
              rows: p.rows,
              malformed: p.malformed,
            },
          });
      });
      api.recordings
        .import({ ...request, importId: id })
        .then(
          (result) => update(id, { phase: 'done', result }),
          (err: unknown) => {
            const error = CepError.from(err);
            update(id, { phase: error.code === 'cancelled' ? 'cancelled' : 'failed', error });
          },
        )
        .finally(unsubscribe);
      return id;
    },
    cancel: (api) => {
      const { job } = get();
      if (job?.phase !== 'running' || job.cancelling) return;
      update(job.id, { cancelling: true });
      void api.recordings.cancelImport({ importId: job.id }).catch(() => undefined);
    },
    dismiss: () => {
      if (get().job?.phase !== 'running') set({ job: null });
    },
  };
});
