/**
 * The import dialog's state machine: choose a file (dialog, or pick and upload) → inspect → confirm settings → import
 * with progress and cancel → done (with skipped rows) or failed (with line numbers). Every back-end
 * failure lands in `error`, never as an uncaught rejection.
 */
import { useCallback, useRef, useState } from 'react';
import {
  CepError,
  type CepApi,
  type ColumnType,
  type ImportProgress,
  type InspectResult,
  type MalformedPolicy,
  type RecordingDetail,
  type TimestampFormat,
} from '../../electron/contract';
import {
  chooseRecordingFile,
  hasFileDialogs,
  uploadFile,
  type UploadHandle,
  type UploadProgress,
} from './file-source';
import { useImportJobStore, type ImportJob } from '../state/import-job-store';
import { enforcedColumnTypes } from './import-checks';

export type ImportPhase = 'pick' | 'uploading' | 'inspecting' | 'confirm' | 'importing' | 'done' | 'failed';

export interface ImportSettings {
  name: string;
  timestampField: string;
  timestampFormat: TimestampFormat;
  keyField: string;
  onMalformed: MalformedPolicy;
  /** Column types the user changed in the schema table (the others keep the inferred type). */
  columnTypes: Record<string, ColumnType>;
}

export interface ImportFlow {
  phase: ImportPhase;
  upload: UploadProgress | null;
  inspect: InspectResult | null;
  settings: ImportSettings;
  progress: ImportProgress | null;
  result: RecordingDetail | null;
  error: CepError | null;
  /** Said on return to the settings, e.g. "Import cancelled; nothing was stored." */
  notice: string | null;
  /** An import is running (it goes on in the background if the dialog closes). */
  running: boolean;
  /** Phase to return to from `failed` ("Back"). */
  retryPhase: ImportPhase;
  /** Desktop: files come from the system's dialog (chooseFile); browser: picked and uploaded (pickFile). */
  desktop: boolean;
  pickFile: (file: File) => void;
  chooseFile: () => void;
  setSettings: (patch: Partial<ImportSettings>) => void;
  start: () => void;
  cancel: () => void;
  back: () => void;
}

const emptySettings: ImportSettings = {
  name: '',
  timestampField: '',
  timestampFormat: 'iso8601',
  keyField: '',
  onMalformed: 'reject',
  columnTypes: {},
};

function baseName(file: string): string {
  const last = file.split(/[\\/]/).pop() ?? file;
  return last.replace(/(\.(csv|jsonl|ndjson|json))?(\.gz)?$/i, '') || last;
}

function runningJob(): ImportJob | null {
  const { job } = useImportJobStore.getState();
  return job?.phase === 'running' ? job : null;
}

export function useImportFlow(api: CepApi): ImportFlow {
  const [phase, setPhase] = useState<ImportPhase>(() => (runningJob() ? 'importing' : 'pick'));
  const [upload, setUpload] = useState<UploadProgress | null>(null);
  const [inspect, setInspect] = useState<InspectResult | null>(null);
  const [settings, setSettingsState] = useState<ImportSettings>(emptySettings);
  const [error, setError] = useState<CepError | null>(null);
  const [retryPhase, setRetryPhase] = useState<ImportPhase>('pick');
  const uploadRef = useRef<UploadHandle | null>(null);
  // Reopened while an import runs in the background: show that one.
  const [jobId, setJobId] = useState<string | null>(() => runningJob()?.id ?? null);
  const job = useImportJobStore((s) => (s.job !== null && s.job.id === jobId ? s.job : null));
  const progress = job?.progress ?? null;

  const fail = (err: unknown, back: ImportPhase) => {
    setError(CepError.from(err));
    setRetryPhase(back);
    setPhase('failed');
  };

  const inspectPath = useCallback(
    async (path: string, displayName: string) => {
      setPhase('inspecting');
      try {
        const found = await api.recordings.inspect({ path });
        setInspect(found);
        setSettingsState({
          name: baseName(displayName),
          // No guess when nothing reads as time: a proposed first column (often numbers, as ISO) only fails later.
          timestampField: found.suggestedTimestampField ?? '',
          timestampFormat: found.timestampFormat ?? 'iso8601',
          keyField: found.suggestedKeyField ?? '',
          onMalformed: 'reject',
          columnTypes: {},
        });
        setPhase('confirm');
      } catch (err) {
        fail(err, 'pick');
      }
    },
    [api],
  );

  const pickFile = (file: File) => {
    setPhase('uploading');
    setUpload({ loaded: 0, total: file.size });
    const handle = uploadFile(file, setUpload);
    uploadRef.current = handle;
    handle.promise.then(
      (picked) => {
        uploadRef.current = null;
        void inspectPath(picked.path, picked.name);
      },
      (err: unknown) => {
        uploadRef.current = null;
        if (CepError.from(err).code === 'cancelled') setPhase('pick');
        else fail(err, 'pick');
      },
    );
  };

  const chooseFile = () => {
    chooseRecordingFile(api).then(
      (picked) => {
        if (picked !== null) void inspectPath(picked.path, picked.name);
      },
      (err: unknown) => fail(err, 'pick'),
    );
  };

  const start = () => {
    if (!inspect) return;
    const id = useImportJobStore.getState().start(
      api,
      {
        path: inspect.path,
        name: settings.name.trim(),
        timestampField: settings.timestampField,
        timestampFormat: settings.timestampFormat,
        ...(settings.keyField ? { keyField: settings.keyField } : {}),
        onMalformed: settings.onMalformed,
        columnTypes: enforcedColumnTypes(inspect, settings),
      },
      inspect.fileBytes,
    );
    setJobId(id);
    setPhase('importing');
  };

  const cancel = () => {
    uploadRef.current?.cancel();
    if (job?.phase === 'running') useImportJobStore.getState().cancel(api);
  };

  // The import itself lives in the job store (it outlives this dialog): its outcome is shown from there.
  const outcome = phase === 'importing' && job !== null ? job.phase : null;
  const shownPhase: ImportPhase =
    outcome === 'done'
      ? 'done'
      : outcome === 'failed'
        ? 'failed'
        : outcome === 'cancelled'
          ? 'confirm'
          : phase;

  return {
    phase: shownPhase,
    upload,
    inspect,
    settings,
    progress,
    result: outcome === 'done' ? (job?.result ?? null) : null,
    error: outcome === 'failed' ? (job?.error ?? null) : error,
    notice: outcome === 'cancelled' ? (job?.error?.message ?? 'Import cancelled; nothing was stored.') : null,
    running: job?.phase === 'running',
    retryPhase: outcome === 'failed' ? 'confirm' : retryPhase,
    desktop: hasFileDialogs(),
    pickFile,
    chooseFile,
    setSettings: (patch) => setSettingsState((s) => ({ ...s, ...patch })),
    start,
    cancel,
    back: () => {
      setError(null);
      setPhase(outcome === 'failed' ? 'confirm' : retryPhase);
    },
  };
}
