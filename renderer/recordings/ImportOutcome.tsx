/** Import result: the stored recording with its skipped rows, or the failure with line numbers. */
import type { CepError, RecordingDetail } from '../../electron/contract';
import { formatCount, formatRange } from './format';

export function ImportDone({ recording }: { recording: RecordingDetail }) {
  const { malformed } = recording;
  return (
    <div className="import-outcome" data-testid="import-done">
      <p>
        Imported <strong>{recording.name}</strong>: {formatCount(recording.rowCount)} events,{' '}
        {formatRange(recording.minTs, recording.maxTs)}
        {recording.keyField && `, ${formatCount(recording.keyCount)} keys`}.
      </p>
      {recording.outOfOrderCount > 0 && (
        <p className="notice notice-warning">
          {formatCount(recording.outOfOrderCount)} events are out of order in the file.
        </p>
      )}
      {malformed.total > 0 && (
        <div className="notice notice-warning" data-testid="import-skipped">
          Skipped {formatCount(malformed.total)} malformed row{malformed.total === 1 ? '' : 's'}
          {malformed.rows.length < malformed.total &&
            ` (showing ${formatCount(malformed.rows.length)} of ${formatCount(malformed.total)})`}
          :
          <ul className="issue-list">
            {malformed.rows.map((m) => (
              <li key={m.line}>
                <span className="mono">line {m.line}</span> {m.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

export function ImportFailed({ error }: { error: CepError }) {
  const issues = error.issues ?? [];
  return (
    <div className="import-outcome notice notice-error" data-testid="import-failed" role="alert">
      <p>{error.message}</p>
      {issues.length > 0 && (
        <ul className="issue-list">
          {issues.map((issue, i) => (
            <li key={i}>
              {issue.path[0] === 'line' && <span className="mono">line {issue.path[1]}</span>} {issue.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
