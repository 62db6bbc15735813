/**
 * "Why not?": pick an event (number, or click one in the trace/partial matches) and a stage; the
 * engine answers in words with the values that decided it, and where to look.
 */
import { useState } from 'react';
import type { CepApi } from '../../electron/contract';
import { formatCell } from '../recordings/format';
import { useReplayStore } from '../state/replay-store';

export function WhyNotPanel({ api, stages }: { api: CepApi; stages: string[] }) {
  const picked = useReplayStore((s) => s.pickedSeq);
  const current = useReplayStore((s) => s.report?.event?.seq ?? null);
  const verdict = useReplayStore((s) => s.whyNot);
  const error = useReplayStore((s) => s.whyNotError);
  const [seqText, setSeqText] = useState<string | null>(null);
  const [stage, setStage] = useState(stages[stages.length - 1] ?? '');
  const seqShown = seqText ?? String(picked ?? current ?? '');
  const s = useReplayStore.getState;

  return (
    <div className="why-not" data-testid="why-not-panel">
      <form
        className="bp-form"
        onSubmit={(e) => {
          e.preventDefault();
          const seq = Number(seqShown);
          if (!Number.isInteger(seq) || seq < 0) return;
          void s().askWhyNot(api, seq, stage);
        }}
      >
        <label>
          Why didn’t event #
          <input
            className="cx-input bp-number"
            data-testid="why-not-seq"
            aria-label="Event number"
            value={seqShown}
            onChange={(e) => setSeqText(e.target.value)}
          />
        </label>
        <label>
          reach
          <select
            className="cx-input"
            data-testid="why-not-stage"
            aria-label="Stage"
            value={stage}
            onChange={(e) => setStage(e.target.value)}
          >
            {stages.map((st) => (
              <option key={st} value={st}>
                {st}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn btn-primary" data-testid="why-not-ask">
          Why not?
        </button>
      </form>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {verdict && (
        <div
          className={`notice ${verdict.reason === 'advanced' ? 'notice-success' : 'notice-warning'}`}
          data-testid="why-not-verdict"
          data-reason={verdict.reason}
        >
          <p className="verdict-text">{verdict.message}</p>
          {verdict.conditions && verdict.conditions.length > 0 && (
            <ul className="cond-list">
              {verdict.conditions.map((c, i) => (
                <li key={i} className={`cond ${c.result ? 'is-true' : 'is-false'}`}>
                  <span className="cond-result">{c.result ? 'true' : 'false'}</span>{' '}
                  <span className="mono">{c.source}</span>
                  <span className="cond-values">
                    {c.values
                      .filter((v) => v.text !== c.source)
                      .slice(0, 8)
                      .map((v, j) => (
                        <span key={j} className="mono cond-value">
                          {v.text} = {formatCell(v.value)}
                        </span>
                      ))}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <div className="verdict-actions">
            <button
              type="button"
              className="btn"
              data-testid="why-not-show"
              onClick={() => void s().seek(api, { position: verdict.position })}
            >
              Show that step
            </button>
            {verdict.relatedSeq !== undefined && (
              <button
                type="button"
                className="btn"
                onClick={() => void s().seek(api, { index: verdict.relatedSeq })}
              >
                Show event #{verdict.relatedSeq}
              </button>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
