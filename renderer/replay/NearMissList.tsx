/**
 * Partial matches that got furthest before dying, best first; click one to jump to where it died.
 * Window losses say what ran out and when, and name the event that came too late when one did.
 */
import type { CepApi, NearMiss } from '../../electron/contract';
import { eventLabel } from '../../engine/debug/event-label';
import { formatCount, formatDuration, formatTime } from '../recordings/format';
import { useReplayStore } from '../state/replay-store';
import { DISCARD_TEXT } from './describe';
import { ExpectHereButtons } from '../testing/ExpectHereButtons';

/** Where and why it died, in words. */
export function nearMissDeath(m: NearMiss): string {
  const why = DISCARD_TEXT[m.reason];
  if (m.reason === 'window' && m.lateArrival) {
    const late = m.lateArrival;
    return `${eventLabel(late.seq)} came ${formatDuration(late.afterMs)} after the start${m.windowMs !== undefined ? `, window is ${formatDuration(m.windowMs)}` : ''}`;
  }
  if (m.endOfInput) return `still open at the end of the recording: ${why}`;
  if (m.diedAtSeq !== undefined) return `died at event ${eventLabel(m.diedAtSeq)}: ${why}`;
  if (m.movedBy)
    return `died when ${eventLabel(m.movedBy.seq)} moved time past ${formatTime(m.deadline)}: ${why}`;
  return `died at ${formatTime(m.timestamp)}: ${why}`;
}

export function NearMissList({ api }: { api: CepApi }) {
  const list = useReplayStore((s) => s.nearMisses);
  if (!list) return <p className="text-muted">Looking for near misses…</p>;
  if (list.items.length === 0)
    return (
      <p className="text-muted" data-testid="near-misses">
        {list.complete
          ? 'No partial match died in this recording.'
          : 'None yet; the analysis is still running.'}
      </p>
    );
  return (
    <div data-testid="near-misses">
      <p className="text-muted">
        Showing {formatCount(list.items.length)} of {formatCount(list.seen)} dead partial matches
        {list.complete ? '' : ' (analysis still running)'}, furthest first.
      </p>
      <ul className="near-list">
        {list.items.map((m, i) => (
          <li key={i}>
            <button
              type="button"
              className="near-item"
              data-testid="near-miss"
              data-late={m.lateArrival ? eventLabel(m.lateArrival.seq) : undefined}
              onClick={() => {
                const s = useReplayStore.getState();
                if (m.lateArrival) void s.seek(api, { index: m.lateArrival.seq });
                else
                  void s.seek(api, { position: m.diedAtPosition, focusSeq: m.diedAtSeq ?? m.movedBy?.seq });
              }}
              title={m.lateArrival ? 'Show the event that came too late' : 'Jump to the step where it died'}
            >
              <span className="pill pill-accent">
                {m.stagesCompleted}/{m.stagesTotal} stages
              </span>
              {m.key !== '' && <span className="mono">key {m.key}</span>}
              <span>
                reached “{m.furthestStage}”, waited in “{m.waitingAt}”{m.lateArrival ? ' — too late' : ''}
              </span>
              <span className="text-muted">{nearMissDeath(m)}</span>
            </button>
            <ExpectHereButtons
              at={{
                key: m.key,
                ...(m.diedAtSeq !== undefined ? { seq: m.diedAtSeq } : {}),
                from: m.startTimestamp,
                to: m.timestamp,
                label: `from ${formatTime(m.startTimestamp)} to ${formatTime(m.timestamp)}`,
              }}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
