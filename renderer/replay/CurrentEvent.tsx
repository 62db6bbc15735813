/** The event this step pushed: number, time, key and fields; "why not?" can start from it. */
import type { StepReport } from '../../electron/contract';
import { formatCell, formatTime } from '../recordings/format';
import { ExpectHereButtons } from '../testing/ExpectHereButtons';

export function CurrentEvent({ report }: { report: StepReport }) {
  const event = report.event;
  if (!event) {
    return (
      <p className="text-muted" data-testid="replay-current-event">
        {!report.endOfInput
          ? 'No event yet. Step forward (→) to push the first one.'
          : report.time === 'event'
            ? 'End of input: the watermark jumped to +∞ and every window closed.'
            : 'End of input: in processing time Flink fires no timer once the input ends, so nothing more comes out.'}
        {report.endOfInput && report.pendingAtEnd && (
          <span className="replay-pending-at-end" data-testid="replay-pending-at-end">
            {' '}
            {report.pendingAtEnd}
          </span>
        )}
      </p>
    );
  }
  return (
    <div className="current-event" data-testid="replay-current-event">
      <div className="current-event-head">
        <strong>#{event.seq}</strong> <span className="mono">{formatTime(event.ts)}</span>
        {event.key !== '' && (
          <span className="pill" title="Partition key">
            key {event.key}
          </span>
        )}
        {report.waitingForWatermark && (
          <span className="pill pill-warning">buffered until the watermark passes it</span>
        )}
        <ExpectHereButtons
          at={{ key: event.key, seq: event.seq, from: event.ts, to: event.ts, label: `at #${event.seq}` }}
        />
      </div>
      <dl className="kv">
        {Object.entries(event.payload).map(([k, v]) => (
          <div key={k} className="kv-row">
            <dt>{k}</dt>
            <dd className="mono">{formatCell(v)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
