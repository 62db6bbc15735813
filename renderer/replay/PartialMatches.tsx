/**
 * Live partial matches of the current event's key: the stage each waits in, the events bound per
 * stage, when it started and how much of its `within` window is left (a draining bar).
 */
import type { StepReport } from '../../electron/contract';
import { eventLabel } from '../../engine/debug/event-label';
import { formatDuration, formatTime } from '../recordings/format';

export interface PartialMatchesProps {
  report: StepReport;
  withinMs: number | null;
  onPickSeq: (seq: number) => void;
}

export function PartialMatches({ report, withinMs, onPickSeq }: PartialMatchesProps) {
  const list = report.partialMatches;
  const subject = report.focus ?? report.event;
  if (list.length === 0) {
    return (
      <p className="text-muted" data-testid="partial-matches">
        No live partial match{subject && subject.key !== '' ? ` for key ${subject.key}` : ''}.
      </p>
    );
  }
  return (
    <ul className="partial-list" data-testid="partial-matches">
      {list.map((p) => {
        const left = p.timeLeftMs;
        const frac = left !== undefined && withinMs ? Math.max(0, Math.min(1, left / withinMs)) : null;
        return (
          <li
            key={p.runId}
            className={p.held ? 'partial is-held' : 'partial'}
            data-testid="partial-match"
            data-stage={p.stage}
          >
            <div className="partial-head">
              <span className="pill pill-accent">{p.stage}</span>
              {p.key !== '' && <span className="mono">key {p.key}</span>}
              <span className="text-muted">started {formatTime(p.startTimestamp)}</span>
              {p.held && <span className="pill">complete, held by the skip strategy</span>}
            </div>
            <div className="partial-bound">
              {p.bound.map((b) => (
                <span key={b.stage} className="bound">
                  {b.stage}:{' '}
                  {b.seqs.map((seq) => (
                    <button
                      key={seq}
                      type="button"
                      className="link-btn mono"
                      title="Pick this event for “why not?”"
                      onClick={() => onPickSeq(seq)}
                    >
                      {eventLabel(seq)}
                    </button>
                  ))}
                </span>
              ))}
            </div>
            {left !== undefined && (
              <div
                className="partial-window"
                title={p.deadline !== undefined ? `Window closes at ${formatTime(p.deadline)}` : undefined}
              >
                {frac !== null && (
                  <div className="window-bar">
                    <div className="window-fill" style={{ width: `${frac * 100}%` }} />
                  </div>
                )}
                <span className="text-muted">
                  {left > 0
                    ? `${formatDuration(left)} left in the window`
                    : 'window over (waits for the watermark to time out)'}
                </span>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
