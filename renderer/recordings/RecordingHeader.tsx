/** Name (inline rename), facts and delete-with-confirmation of one recording. */
import { useState } from 'react';
import { CepError, type CepApi, type RecordingSummary } from '../../electron/contract';
import { useRecordingsStore } from '../state/recordings-store';
import { formatBytes, formatCount, formatRange } from './format';

export function RecordingHeader({ api, recording }: { api: CepApi; recording: RecordingSummary }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(recording.name);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const store = useRecordingsStore.getState;

  const commitRename = async () => {
    setEditing(false);
    if (name.trim() === '' || name.trim() === recording.name) return setName(recording.name);
    try {
      await store().rename(api, recording.id, name.trim());
      setError(null);
    } catch (err) {
      setError(CepError.from(err).message);
      setName(recording.name);
    }
  };

  const doDelete = async () => {
    try {
      await store().remove(api, recording.id);
    } catch (err) {
      setError(CepError.from(err).message);
    }
    setConfirmDelete(false);
  };

  return (
    <div className="recording-header">
      <div className="recording-title-row">
        {editing ? (
          <input
            className="cx-input recording-rename"
            data-testid="recording-rename-input"
            aria-label="Recording name"
            value={name}
            autoFocus
            onChange={(e) => setName(e.target.value)}
            onBlur={() => void commitRename()}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void commitRename();
              if (e.key === 'Escape') {
                e.stopPropagation();
                setName(recording.name);
                setEditing(false);
              }
            }}
          />
        ) : (
          <h3 className="recording-title" data-testid="recording-title">
            {recording.name}
          </h3>
        )}
        <button type="button" className="btn" data-testid="recording-rename" onClick={() => setEditing(true)}>
          Rename
        </button>
        {confirmDelete ? (
          <span className="confirm" role="alert" data-testid="recording-delete-confirm">
            Delete “{recording.name}” and its {formatCount(recording.rowCount)} events?
            <button
              type="button"
              className="btn btn-danger"
              data-testid="recording-delete-yes"
              onClick={() => void doDelete()}
            >
              Delete
            </button>
            <button type="button" className="btn" onClick={() => setConfirmDelete(false)}>
              Keep
            </button>
          </span>
        ) : (
          <button
            type="button"
            className="btn"
            data-testid="recording-delete"
            onClick={() => setConfirmDelete(true)}
          >
            Delete…
          </button>
        )}
      </div>
      {error && <p className="notice notice-error">{error}</p>}
      <dl className="recording-facts" data-testid="recording-facts">
        <dt>Events</dt>
        <dd>{formatCount(recording.rowCount)}</dd>
        <dt>Time range</dt>
        <dd>{formatRange(recording.minTs, recording.maxTs)}</dd>
        <dt>Source</dt>
        <dd title={recording.sourcePath}>
          {recording.sourceFormat.toUpperCase()}
          {recording.compressed ? ' (gzip)' : ''}, {formatBytes(recording.sourceBytes)}
        </dd>
        <dt>Time / key</dt>
        <dd className="mono">
          {recording.timestampField} ({recording.timestampFormat}) / {recording.keyField ?? '—'}
          {recording.keyField && ` · ${formatCount(recording.keyCount)} keys`}
        </dd>
        {recording.outOfOrderCount > 0 && (
          <>
            <dt>Out of order</dt>
            <dd>{formatCount(recording.outOfOrderCount)} events</dd>
          </>
        )}
        {recording.malformedCount > 0 && (
          <>
            <dt>Skipped rows</dt>
            <dd>{formatCount(recording.malformedCount)}</dd>
          </>
        )}
      </dl>
    </div>
  );
}
