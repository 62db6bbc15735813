/** Partial matches that got furthest before dying, best first; click one to jump to where it died. */
import type { CepApi } from '../../electron/contract';
import { formatCount, formatTime } from '../recordings/format';
import { useReplayStore } from '../state/replay-store';
import { DISCARD_TEXT } from './describe';
import { ExpectHereButtons } from '../testing/ExpectHereButtons';

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
              onClick={() => void useReplayStore.getState().seek(api, { position: m.diedAtPosition })}
              title="Jump to the step where it died"
            >
              <span className="pill pill-accent">
                {m.stagesCompleted}/{m.stagesTotal} stages
              </span>
              {m.key !== '' && <span className="mono">key {m.key}</span>}
              <span>
                reached “{m.furthestStage}”, waited in “{m.waitingAt}”
              </span>
              <span className="text-muted">
                died{' '}
                {m.diedAtSeq !== undefined ? `at event #${m.diedAtSeq}` : `at ${formatTime(m.timestamp)}`}:{' '}
                {DISCARD_TEXT[m.reason]}
              </span>
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
