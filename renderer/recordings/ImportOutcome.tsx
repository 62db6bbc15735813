/** Import result: the stored recording with its skipped rows, or the failure with line numbers. */
import type { CepError, RecordingDetail } from '../../electron/contract';
import { eventLabel } from '../../engine/debug/event-label';
import { formatCount, formatDuration, formatRange, formatTime } from './format';

/** Out-of-order events listed in the summary. */
const SHOWN_LATE = 10;

export function ImportDone({ recording }: { recording: RecordingDetail }) {
  const { malformed } = recording;
  return (
    <div className="import-outcome" data-testid="import-done">
      <p>
        Imported <strong>{recording.name}</strong>: {formatCount(recording.rowCount)} events,{' '}
        {formatRange(recording.minTs, recording.maxTs)}
        {recording.keyField && `, ${formatCount(recording.keyCount)} keys`}.
      </p>
      {recording.outOfOrderCount > 0 && <OutOfOrderWarning recording={recording} />}
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

/** Events earlier than one before them: a pattern in event time allowing less out-of-orderness drops them as late. */
function OutOfOrderWarning({ recording }: { recording: RecordingDetail }) {
  const listed = recording.outOfOrder ?? [];
  const worst = listed.reduce((max, e) => Math.max(max, e.behindMs), 0);
  const count = recording.outOfOrderCount;
  return (
    <div className="notice notice-warning" data-testid="import-late">
      <p>
        {formatCount(count)} event{count === 1 ? ' arrives' : 's arrive'} after a later one (out of order
        {worst > 0 && `, up to ${formatDuration(worst)} behind`}). In event time, a pattern that allows less
        out-of-orderness drops {count === 1 ? 'it' : 'them'} as late; the replay&apos;s &ldquo;late&rdquo;
        pill lists them in Results.
      </p>
      {listed.length > 0 && (
        <ul className="issue-list">
          {listed.slice(0, SHOWN_LATE).map((e) => (
            <li key={e.seq}>
              <span className="mono">
                {eventLabel(e.seq)} (line {e.line})
              </span>{' '}
              {formatTime(e.ts)}, {formatDuration(e.behindMs)} behind
            </li>
          ))}
          {count > Math.min(listed.length, SHOWN_LATE) && (
            <li>and {formatCount(count - Math.min(listed.length, SHOWN_LATE))} more</li>
          )}
        </ul>
      )}
    </div>
  );
}

export function ImportFailed({ error }: { error: CepError }) {
  const all = error.issues ?? [];
  // One issue the message already names (the first malformed row) is not listed again below it.
  const issues = all.length === 1 && error.message.includes(all[0].message) ? [] : all;
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
