/**
 * The import dialog's state machine: choose a file (dialog, or pick and upload) → inspect → confirm settings → import
 * with progress and cancel → done (with skipped rows) or failed (with line numbers). Every back-end
 * failure lands in `error`, never as an uncaught rejection.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  CepError,
  type CepApi,
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

export type ImportPhase = 'pick' | 'uploading' | 'inspecting' | 'confirm' | 'importing' | 'done' | 'failed';

export interface ImportSettings {
  name: string;
  timestampField: string;
  timestampFormat: TimestampFormat;
  keyField: string;
  onMalformed: MalformedPolicy;
}

export interface ImportFlow {
  phase: ImportPhase;
  upload: UploadProgress | null;
  inspect: InspectResult | null;
  settings: ImportSettings;
  progress: ImportProgress | null;
  result: RecordingDetail | null;
  error: CepError | null;
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
};

function baseName(file: string): string {
  const last = file.split(/[\\/]/).pop() ?? file;
  return last.replace(/(\.(csv|jsonl|ndjson|json))?(\.gz)?$/i, '') || last;
}

let importCounter = 0;

export function useImportFlow(api: CepApi): ImportFlow {
  const [phase, setPhase] = useState<ImportPhase>('pick');
  const [upload, setUpload] = useState<UploadProgress | null>(null);
  const [inspect, setInspect] = useState<InspectResult | null>(null);
  const [settings, setSettingsState] = useState<ImportSettings>(emptySettings);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [result, setResult] = useState<RecordingDetail | null>(null);
  const [error, setError] = useState<CepError | null>(null);
  const [retryPhase, setRetryPhase] = useState<ImportPhase>('pick');
  const uploadRef = useRef<UploadHandle | null>(null);
  const importIdRef = useRef<string | null>(null);

  useEffect(
    () =>
      api.on('recordings.importProgress', (p) => {
        if (p.importId === importIdRef.current)
          setProgress({
            bytesRead: p.bytesRead,
            totalBytes: p.totalBytes,
            rows: p.rows,
            malformed: p.malformed,
          });
      }),
    [api],
  );

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
          timestampField: found.suggestedTimestampField ?? found.schema[0]?.name ?? '',
          timestampFormat: found.timestampFormat ?? 'iso8601',
          keyField: found.suggestedKeyField ?? '',
          onMalformed: 'reject',
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
    importCounter += 1;
    const importId = `ui-${Date.now().toString(36)}-${importCounter}`;
    importIdRef.current = importId;
    setProgress({ bytesRead: 0, totalBytes: inspect.fileBytes, rows: 0, malformed: 0 });
    setPhase('importing');
    api.recordings
      .import({
        path: inspect.path,
        name: settings.name.trim(),
        timestampField: settings.timestampField,
        timestampFormat: settings.timestampFormat,
        ...(settings.keyField ? { keyField: settings.keyField } : {}),
        onMalformed: settings.onMalformed,
        importId,
      })
      .then(
        (recording) => {
          setResult(recording);
          setPhase('done');
        },
        (err: unknown) => {
          if (CepError.from(err).code === 'cancelled') setPhase('confirm');
          else fail(err, 'confirm');
        },
      )
      .finally(() => {
        importIdRef.current = null;
      });
  };

  const cancel = () => {
    uploadRef.current?.cancel();
    const importId = importIdRef.current;
    if (importId) void api.recordings.cancelImport({ importId }).catch(() => undefined);
  };

  return {
    phase,
    upload,
    inspect,
    settings,
    progress,
    result,
    error,
    retryPhase,
    desktop: hasFileDialogs(),
    pickFile,
    chooseFile,
    setSettings: (patch) => setSettingsState((s) => ({ ...s, ...patch })),
    start,
    cancel,
    back: () => {
      setError(null);
      setPhase(retryPhase);
    },
  };
}
