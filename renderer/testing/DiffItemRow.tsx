/** A gained, lost or changed match (or timeout) of the behavioural diff; "Show" replays that side there. */
import type { DiffItemView, DiffSide } from '../../electron/contract';
import type { PatternDocument } from '../../engine/format/schema';
import { useApi } from '../components/api-context';
import { formatTime } from '../recordings/format';
import { showStep } from './show-step';

function Side({ side }: { side: DiffSide }) {
  return (
    <>
      {side.events.map((s) => (
        <div key={s.stage}>
          <strong>{s.stage}</strong>:{' '}
          {s.events.map((e) => (
            <span key={e.seq} className="mono" title={JSON.stringify(e.payload)}>
              #{e.seq} {formatTime(e.ts)}{' '}
            </span>
          ))}
        </div>
      ))}
    </>
  );
}

const CHANGE_TEXT = { gained: 'gained', lost: 'lost', changed: 'changed' } as const;

export function DiffItemRow({
  item,
  patternId,
  recordingId,
  beforeDocument,
  afterDocument,
}: {
  item: DiffItemView;
  patternId: string;
  recordingId: number;
  beforeDocument: PatternDocument;
  afterDocument: PatternDocument;
}) {
  const api = useApi();
  // A lost outcome exists only in the old version: replay that one to see it.
  const document = item.change === 'lost' ? beforeDocument : afterDocument;
  return (
    <tr data-testid={`diff-item-${item.change}`}>
      <td>
        <span className={`pill diff-${item.change}`}>
          {CHANGE_TEXT[item.change]} {item.kind}
        </span>
      </td>
      <td className="mono">{item.key}</td>
      <td className="num">{item.position}</td>
      <td>
        {item.before && item.after ? (
          <>
            <div className="text-muted">before</div>
            <Side side={item.before} />
            <div className="text-muted">after</div>
            <Side side={item.after} />
          </>
        ) : (
          <Side side={(item.after ?? item.before) as DiffSide} />
        )}
      </td>
      <td>
        <button
          type="button"
          className="btn btn-small"
          data-testid="diff-show-step"
          title={
            item.change === 'lost'
              ? 'Replay the old version at this step'
              : 'Replay the new version at this step'
          }
          onClick={() => void showStep(api, { patternId, document, recordingId, position: item.position })}
        >
          Show step
        </button>
      </td>
    </tr>
  );
}
