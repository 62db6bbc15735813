/**
 * One result (a match, a timeout or a late event): its number, kind, key, time and the events bound
 * per stage. A click shows its step in the replay; the actions open its events beside the replay.
 * Other features add their own actions through `extraActions` (e.g. tests made from a result).
 */
import type { ReactNode } from 'react';
import type { ResultsPage } from '../../electron/contract';
import { eventLabel } from '../../engine/debug/event-label';
import { formatCell, formatTime } from '../recordings/format';

export type ResultItemView = ResultsPage['items'][number];

export interface ResultRowProps {
  item: ResultItemView;
  onShow: (item: ResultItemView) => void;
  onEvents: (item: ResultItemView) => void;
  extraActions?: (item: ResultItemView) => ReactNode;
}

export function ResultRow({ item, onShow, onEvents, extraActions }: ResultRowProps) {
  return (
    <tr
      className="is-clickable"
      data-testid={`result-row-${item.kind}`}
      onClick={() => onShow(item)}
      title="Show this step in the replay"
    >
      <td className="num">{item.index + 1}</td>
      <td>{item.kind}</td>
      <td className="mono">{item.key}</td>
      <td className="mono">{formatTime(item.timestamp)}</td>
      <td className="result-events-cell">
        {item.events.map((s) => (
          <div key={s.stage} className="result-stage-line">
            <strong>{s.stage}</strong>:{' '}
            {s.events.map((e) => (
              <span key={e.seq} className="mono" title={JSON.stringify(e.payload)}>
                {eventLabel(e.seq)} {formatTime(e.ts)}{' '}
                {Object.entries(e.payload)
                  .slice(0, 4)
                  .map(([k, v]) => `${k}=${formatCell(v)}`)
                  .join(' ')}{' '}
              </span>
            ))}
          </div>
        ))}
      </td>
      <td className="result-actions" onClick={(e) => e.stopPropagation()}>
        <button
          type="button"
          className="btn btn-sm"
          data-testid="result-events"
          title="List this result's events in the event browser beside the replay"
          onClick={() => onEvents(item)}
        >
          Events
        </button>
        {extraActions?.(item)}
      </td>
    </tr>
  );
}
