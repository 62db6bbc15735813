/**
 * The status bar's import item: a running import's progress with Cancel (it goes on after its
 * dialog closes), then its outcome until dismissed: imported (open it), failed, or cancelled with
 * nothing stored.
 */
import { useApi } from '../components/api-context';
import { useImportJobStore } from '../state/import-job-store';
import { useRecordingsStore } from '../state/recordings-store';
import { formatCount } from './format';
import { ProgressBar } from './ProgressBar';

export function ImportStatus() {
  const api = useApi();
  const job = useImportJobStore((s) => s.job);
  const dialogOpen = useRecordingsStore((s) => s.importOpen);
  if (!job || (dialogOpen && job.phase !== 'running')) return null;
  const store = useImportJobStore.getState();
  const dismiss = (
    <button
      type="button"
      className="status-button"
      aria-label="Dismiss"
      data-testid="status-import-dismiss"
      onClick={() => store.dismiss()}
    >
      ×
    </button>
  );
  if (job.phase === 'running') {
    const { bytesRead, totalBytes, rows } = job.progress;
    const pct = totalBytes > 0 ? Math.min(100, Math.round((bytesRead / totalBytes) * 100)) : 0;
    return (
      <span className="status-item status-import" data-testid="status-import" role="status">
        {job.cancelling ? 'Cancelling' : 'Importing'} “{job.name}”… {pct}% · {formatCount(rows)} events
        <ProgressBar value={bytesRead} max={totalBytes} label="Import progress" />
        {!job.cancelling && (
          <button
            type="button"
            className="status-button"
            data-testid="status-import-cancel"
            onClick={() => store.cancel(api)}
          >
            Cancel
          </button>
        )}
      </span>
    );
  }
  if (job.phase === 'done' && job.result) {
    const { id, rowCount } = job.result;
    return (
      <span className="status-item status-import" data-testid="status-import" role="status">
        Imported “{job.name}”: {formatCount(rowCount)} events
        <button
          type="button"
          className="status-button"
          data-testid="status-import-open"
          onClick={() => {
            useRecordingsStore.getState().openBrowser(id);
            store.dismiss();
          }}
        >
          Show
        </button>
        {dismiss}
      </span>
    );
  }
  const text =
    job.phase === 'cancelled'
      ? `Import of “${job.name}” cancelled; nothing was stored.`
      : `Import of “${job.name}” failed: ${job.error?.message ?? 'unknown error'}`;
  return (
    <span
      className={`status-item status-import${job.phase === 'failed' ? ' status-notice-error' : ''}`}
      data-testid="status-import"
      role={job.phase === 'failed' ? 'alert' : 'status'}
      title={text}
    >
      {text}
      {dismiss}
    </span>
  );
}
