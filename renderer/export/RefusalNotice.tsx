/**
 * Shown instead of generated text when this target cannot express a valid pattern faithfully: a
 * limitation of the format, not a mistake of the user. Names the formats that can express it.
 */
import type { ExportTarget, ExpressibilityItem } from '../../engine/export/types';
import { Icon } from '../components/Icon';
import { TARGET_INFO } from './export-options';

export interface RefusalNoticeProps {
  label: string;
  reasons: ExpressibilityItem[];
  /** Flink targets that can express this pattern. */
  alternatives: ExportTarget[];
  onChoose: (target: ExportTarget) => void;
}

/** "Flink SQL: followedBy … has no MATCH_RECOGNIZE form" → "followedBy … has no MATCH_RECOGNIZE form". */
const withoutTarget = (reason: string): string =>
  reason.replace(/^(SQL|SQL job|Java|Flink JSON|Flink job|Flink job \(Java\)): /, '');

export function RefusalNotice({ label, reasons, alternatives, onChoose }: RefusalNoticeProps) {
  // A Java class or package name typed in the options: neither the pattern's fault nor the format's.
  const optionsOnly = reasons.length > 0 && reasons.every((r) => r.cause === 'option');
  if (optionsOnly)
    return (
      <div className="export-refusal" role="alert" data-testid="export-refusal" data-kind="option">
        <p className="export-refusal-title">
          <Icon name="info" size={14} />
          Check the export options
        </p>
        <ul>
          {reasons.map((r, i) => (
            <li key={i} data-testid="export-refusal-reason">
              {withoutTarget(r.reason ?? '')}
            </li>
          ))}
        </ul>
      </div>
    );
  return (
    <div className="export-refusal" role="alert" data-testid="export-refusal" data-kind="limitation">
      <p className="export-refusal-title">
        <Icon name="info" size={14} />
        {label} cannot express this pattern
      </p>
      <p className="export-refusal-text">
        The pattern is valid, but this format has no way to say the following without changing what it
        matches:
      </p>
      <ul>
        {reasons.map((r, i) => (
          <li key={i} data-testid="export-refusal-reason">
            {r.stage && <strong>{r.stage}: </strong>}
            {withoutTarget(r.reason ?? 'not expressible')}
          </li>
        ))}
      </ul>
      {alternatives.length > 0 ? (
        <p className="export-hint" data-testid="export-alternatives">
          Choose{' '}
          {alternatives.map((t, i) => (
            <span key={t}>
              {i > 0 && (i === alternatives.length - 1 ? ' or ' : ', ')}
              <button
                type="button"
                className="export-link"
                data-testid={`export-choose-${t}`}
                onClick={() => onChoose(t)}
              >
                {TARGET_INFO[t].short}
              </button>
            </span>
          ))}{' '}
          instead: {alternatives.length === 1 ? 'it expresses' : 'they express'} this pattern exactly.
        </p>
      ) : (
        <p className="export-hint">
          No Flink format can express this pattern; Cepheus JSON keeps it as it is.
        </p>
      )}
    </div>
  );
}
