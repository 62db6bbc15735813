/**
 * Shown instead of generated text when the pattern itself has errors: no Flink target can take it
 * until they are fixed. Lists the same problems as the Problems tab, each with a way to it (the
 * stage, the field), so the user fixes the condition rather than shopping for another format.
 */
import type { Diagnostic } from '../../engine/pattern/diagnostic';
import type { ExpressibilityItem } from '../../engine/export/types';
import { Icon } from '../components/Icon';
import { revealDiagnostic } from '../designer/problems/reveal';
import { useUiStore } from '../state/ui-store';
import { useExportStore } from './export-store';

export interface PatternErrorNoticeProps {
  label: string;
  /** The designer's errors of the pattern (what Problems lists). */
  problems: readonly Diagnostic[];
  /** The exporter's own reasons: shown only when the designer has none to show (still validating). */
  reasons: readonly ExpressibilityItem[];
}

function goTo(d: Diagnostic): void {
  useExportStore.getState().close();
  revealDiagnostic(d);
}

function showProblems(): void {
  useExportStore.getState().close();
  useUiStore.getState().showBottomTab('problems');
}

export function PatternErrorNotice({ label, problems, reasons }: PatternErrorNoticeProps) {
  const count = problems.length || reasons.length;
  return (
    <div className="export-problem" role="alert" data-testid="export-pattern-error">
      <p className="export-problem-title">
        <Icon name="error" size={14} />
        Fix the pattern first
      </p>
      <p className="export-problem-text">
        {`The pattern has ${count === 1 ? 'an error' : `${count} errors`}, so it cannot be exported as ${label} `}
        {`(nor to any other Flink format) until ${count === 1 ? 'it is' : 'they are'} fixed:`}
      </p>
      <ul className="export-problem-list">
        {problems.length > 0
          ? problems.map((d, i) => (
              <li key={`${d.code}-${i}`} data-testid="export-pattern-error-item">
                <span>
                  {d.target?.stage && <strong>{d.target.stage}: </strong>}
                  {d.message}
                </span>
                <button
                  type="button"
                  className="btn"
                  data-testid="export-go-to-problem"
                  onClick={() => goTo(d)}
                >
                  {d.target?.nodeId
                    ? `Go to ${d.target.stage ? `“${d.target.stage}”` : 'the stage'}`
                    : 'Show'}
                </button>
              </li>
            ))
          : reasons.map((r, i) => (
              <li key={i} data-testid="export-pattern-error-item">
                <span>
                  {r.stage && <strong>{r.stage}: </strong>}
                  {(r.reason ?? '').replace(/^Pattern: /, '')}
                </span>
              </li>
            ))}
      </ul>
      <p className="export-hint">
        <button
          type="button"
          className="export-link"
          data-testid="export-show-problems"
          onClick={showProblems}
        >
          Show them in Problems
        </button>
        . Cepheus JSON saves the pattern as it is, errors included.
      </p>
    </div>
  );
}
