/** Lint warnings of the pattern (engine/lint) in the export report: the same rule explodes on Flink too. */
import type { Diagnostic } from '../../engine/pattern/diagnostic';

export function ExportWarnings({ warnings }: { warnings: readonly Diagnostic[] }) {
  if (warnings.length === 0) return null;
  return (
    <ul className="export-report export-warnings" data-testid="export-warnings">
      {warnings.map((w, i) => (
        <li
          key={`${w.code}-${i}`}
          className="export-report-item"
          data-testid="export-warning"
          data-code={w.code}
        >
          <span className="export-mark is-warning" aria-label="warning">
            ⚠
          </span>
          <span className="export-report-stage">{w.target?.stage ?? 'Pattern'}</span>
          <span className="export-report-reason">
            {w.message}
            {w.fix && <span className="export-warning-fix">Fix: {w.fix}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
