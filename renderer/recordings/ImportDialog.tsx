/** The import dialog: pick → inspect → confirm → import with progress and cancel → outcome. */
import { useApi } from '../components/api-context';
import { useImportJobStore } from '../state/import-job-store';
import { useRecordingsStore } from '../state/recordings-store';
import { formatBytes, formatCount } from './format';
import { checkTimestamp } from './import-checks';
import { ImportConfirm } from './ImportConfirm';
import { ImportDone, ImportFailed } from './ImportOutcome';
import { ImportPick } from './ImportPick';
import { Modal } from './Modal';
import { ProgressBar } from './ProgressBar';
import { useImportFlow } from './use-import-flow';
import './recordings.css';

export interface ImportDialogProps {
  /** Called with the new recording's id when the user closes a finished import. */
  onImported?: (id: number) => void;
}

export function ImportDialog({ onImported }: ImportDialogProps) {
  const api = useApi();
  const flow = useImportFlow(api);
  const close = () => {
    // An upload belongs to this dialog; a running import does not: it goes on in the background.
    if (flow.phase === 'uploading') flow.cancel();
    useRecordingsStore.getState().setImportOpen(false);
    if (flow.result) {
      useImportJobStore.getState().dismiss();
      void useRecordingsStore.getState().refresh(api);
      onImported?.(flow.result.id);
    }
  };
  const canImport =
    flow.phase === 'confirm' &&
    flow.inspect !== null &&
    flow.settings.name.trim() !== '' &&
    checkTimestamp(flow.inspect, flow.settings).error === undefined;

  const footer = (
    <>
      {flow.phase === 'failed' && (
        <button type="button" className="btn" onClick={flow.back}>
          Back
        </button>
      )}
      {(flow.phase === 'uploading' || flow.phase === 'importing') && (
        <button type="button" className="btn" data-testid="import-cancel" onClick={flow.cancel}>
          Cancel import
        </button>
      )}
      {flow.phase === 'confirm' && (
        <button
          type="button"
          className="btn btn-primary"
          data-testid="import-start"
          disabled={!canImport}
          onClick={flow.start}
        >
          Import
        </button>
      )}
      <button
        type="button"
        className={flow.phase === 'done' ? 'btn btn-primary' : 'btn'}
        data-testid="import-close"
        title={flow.running ? 'The import goes on in the background; the status bar shows it' : undefined}
        onClick={close}
      >
        {flow.phase === 'done' ? 'Done' : flow.running ? 'Continue in background' : 'Close'}
      </button>
    </>
  );

  return (
    <Modal title="Import a recording" testId="import-dialog" onClose={close} footer={footer}>
      {flow.phase === 'pick' && (
        <ImportPick desktop={flow.desktop} onChoose={flow.chooseFile} onFile={flow.pickFile} />
      )}
      {flow.phase === 'uploading' && flow.upload && (
        <div className="import-running">
          <p>
            Uploading to the Cepheus host… {formatBytes(flow.upload.loaded)} of{' '}
            {formatBytes(flow.upload.total)}
          </p>
          <ProgressBar value={flow.upload.loaded} max={flow.upload.total} label="Upload progress" />
        </div>
      )}
      {flow.phase === 'inspecting' && (
        <p className="import-running">Reading the first rows and inferring the schema…</p>
      )}
      {flow.phase === 'confirm' && flow.notice && (
        <p className="notice notice-warning" role="status" data-testid="import-notice">
          {flow.notice}
        </p>
      )}
      {flow.phase === 'confirm' && flow.inspect && (
        <ImportConfirm inspect={flow.inspect} settings={flow.settings} onChange={flow.setSettings} />
      )}
      {flow.phase === 'importing' && flow.progress && (
        <div className="import-running" data-testid="import-progress">
          <p>
            Importing… {formatCount(flow.progress.rows)} events
            {flow.progress.malformed > 0 && `, ${formatCount(flow.progress.malformed)} malformed`} (
            {formatBytes(flow.progress.bytesRead)} of {formatBytes(flow.progress.totalBytes)})
          </p>
          <ProgressBar
            value={flow.progress.bytesRead}
            max={flow.progress.totalBytes}
            label="Import progress"
          />
          <p className="import-hint">
            Closing this dialog does not stop the import: it goes on in the background, shown in the status
            bar.
          </p>
        </div>
      )}
      {flow.phase === 'done' && flow.result && <ImportDone recording={flow.result} />}
      {flow.phase === 'failed' && flow.error && <ImportFailed error={flow.error} />}
    </Modal>
  );
}
