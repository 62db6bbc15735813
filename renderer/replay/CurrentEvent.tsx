/**
 * The event this step is about: number, time, key and fields. Usually the event the step read;
 * when a breakpoint fired on an earlier event the watermark released (or a jump asked for one),
 * that event, with the newest event read shown apart.
 */
import type { StepReport } from '../../electron/contract';
import type { EventView } from '../../engine/debug';
import { eventLabel } from '../../engine/debug/event-label';
import { formatCell, formatTime } from '../recordings/format';
import { ExpectHereButtons } from '../testing/ExpectHereButtons';

function EventFields({ event }: { event: EventView }) {
  return (
    <dl className="kv">
      {Object.entries(event.payload).map(([k, v]) => (
        <div key={k} className="kv-row">
          <dt>{k}</dt>
          <dd className="mono">{formatCell(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function CurrentEvent({ report, stopped }: { report: StepReport; stopped?: boolean }) {
  const subject = report.focus ?? report.event;
  if (!subject) {
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
  const newest = report.focus ? report.event : undefined;
  return (
    <div className="current-event" data-testid="replay-current-event" data-seq={subject.seq}>
      <div className="current-event-head">
        <strong>{eventLabel(subject.seq)}</strong> <span className="mono">{formatTime(subject.ts)}</span>
        {subject.key !== '' && (
          <span className="pill" title="Partition key">
            key {subject.key}
          </span>
        )}
        {report.focus && stopped && <span className="pill pill-accent">the breakpoint fired on it</span>}
        {!report.focus && report.waitingForWatermark && (
          <span className="pill pill-warning">buffered until the watermark passes it</span>
        )}
        <ExpectHereButtons
          at={{
            key: subject.key,
            seq: subject.seq,
            from: subject.ts,
            to: subject.ts,
            label: `at ${eventLabel(subject.seq)}`,
          }}
        />
      </div>
      {(newest || (report.focus && report.endOfInput)) && (
        <p className="current-event-newest text-muted" data-testid="replay-newest-event">
          {newest ? (
            <>
              Newest event read: <strong>{eventLabel(newest.seq)}</strong>{' '}
              <span className="mono">{formatTime(newest.ts)}</span>
              {newest.key !== '' && ` · key ${newest.key}`}
              {report.waitingForWatermark && ' · buffered until the watermark passes it'}
            </>
          ) : (
            'This step was the end of input: the watermark jumped to +∞ and released it.'
          )}
        </p>
      )}
      <EventFields event={subject} />
    </div>
  );
}
