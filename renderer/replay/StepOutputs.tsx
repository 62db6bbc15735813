/** What this step emitted: matches, timed-out partial matches, late events, warnings. */
import type { StepReport } from '../../electron/contract';
import { eventLabel } from '../../engine/debug/event-label';
import { formatTime } from '../recordings/format';
import { DISCARD_TEXT } from './describe';

const KIND_LABEL = {
  match: 'Match',
  timeout: 'Timeout',
  late: 'Late event',
  warning: 'Warning',
  error: 'Error',
  discard: 'Discarded',
} as const;

export function StepOutputs({ report }: { report: StepReport }) {
  if (report.outputs.length === 0) return <p className="text-muted">No output in this step.</p>;
  return (
    <ul className="output-list" data-testid="step-outputs">
      {report.outputs.map((o, i) => (
        <li key={i} className={`output output-${o.kind}`} data-testid={`output-${o.kind}`}>
          <strong>{KIND_LABEL[o.kind]}</strong>
          {o.key !== '' && <span className="mono"> key {o.key}</span>}
          <span className="text-muted"> at {formatTime(o.timestamp)}</span>
          {o.bound && (
            <span>
              {' '}
              — {o.bound.map((b) => `${b.stage} ${b.seqs.map(eventLabel).join(', ')}`).join(' · ')}
            </span>
          )}
          {o.seq !== undefined && <span> — event {eventLabel(o.seq)}</span>}
          {o.reason && <span> ({DISCARD_TEXT[o.reason]})</span>}
          {o.message && <span> {o.message}</span>}
        </li>
      ))}
    </ul>
  );
}
