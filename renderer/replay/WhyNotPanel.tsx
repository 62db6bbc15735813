/**
 * "Why not?": pick an event (its number, or click one in the trace/partial matches) and a stage; the
 * engine answers in words with the values that decided it, and links to the step and to the other
 * event involved (the one that broke contiguity, matched a not-stage, moved time past the window,
 * or moved the watermark past a late event).
 */
import { useState } from 'react';
import type { CepApi } from '../../electron/contract';
import { eventLabel, eventNumber, parseEventNumber } from '../../engine/debug/event-label';
import { useReplayStore } from '../state/replay-store';
import { ConditionLine } from './ConditionLine';

const RELATED_TEXT: Partial<Record<string, string>> = {
  late: 'it moved the watermark',
  window: 'it moved time past the window',
  contiguity: 'it broke contiguity',
  'not-stage': 'it matched the not-stage',
};

export function WhyNotPanel({ api, stages }: { api: CepApi; stages: string[] }) {
  const picked = useReplayStore((s) => s.pickedSeq);
  const current = useReplayStore((s) => (s.report?.focus ?? s.report?.event)?.seq ?? null);
  const verdict = useReplayStore((s) => s.whyNot);
  const error = useReplayStore((s) => s.whyNotError);
  // What the user typed, for the event shown when they typed it (picking another event replaces it).
  const [typed, setTyped] = useState<{ text: string; over: number | null } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [stage, setStage] = useState(stages[stages.length - 1] ?? '');
  const shownSeq = picked ?? current;
  const numberShown =
    typed && typed.over === shownSeq ? typed.text : shownSeq === null ? '' : String(eventNumber(shownSeq));
  const s = useReplayStore.getState;

  return (
    <div className="why-not" data-testid="why-not-panel">
      <form
        className="bp-form"
        onSubmit={(e) => {
          e.preventDefault();
          const n = parseEventNumber(numberShown);
          if (!Number.isInteger(n) || n < 1) {
            setFormError('Type the number of an event (the first event is #1).');
            return;
          }
          setFormError(null);
          void s().askWhyNot(api, n - 1, stage);
        }}
      >
        <label>
          Why didn’t event #
          <input
            className="cx-input bp-number"
            data-testid="why-not-seq"
            aria-label="Event number"
            aria-invalid={formError !== null}
            value={numberShown}
            onChange={(e) => {
              setTyped({ text: e.target.value, over: shownSeq });
              setFormError(null);
            }}
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
      {(formError ?? error) && (
        <p className="notice notice-error" role="alert">
          {formError ?? error}
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
                <ConditionLine key={i} c={c} />
              ))}
            </ul>
          )}
          <div className="verdict-actions">
            <button
              type="button"
              className="btn"
              data-testid="why-not-show"
              onClick={() => void s().seek(api, { position: verdict.position, focusSeq: verdict.seq })}
            >
              Show that step
            </button>
            {verdict.relatedSeq !== undefined && verdict.relatedSeq !== verdict.seq && (
              <button
                type="button"
                className="btn"
                data-testid="why-not-related"
                onClick={() => void s().seek(api, { index: verdict.relatedSeq })}
              >
                Show event {eventLabel(verdict.relatedSeq)}
                {RELATED_TEXT[verdict.reason] ? ` (${RELATED_TEXT[verdict.reason]})` : ''}
              </button>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
