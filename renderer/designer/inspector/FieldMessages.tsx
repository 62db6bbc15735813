/** Inline problems under a field: the engine's diagnostics and any local input error. */
import type { Diagnostic } from '../../../engine/pattern/diagnostic';
import { Icon } from '../../components/Icon';
import { applyDiagnosticFix } from '../problems/apply-diagnostic-fix';

export function FieldMessages({
  diagnostics = [],
  error,
}: {
  diagnostics?: readonly Diagnostic[];
  error?: string | null;
}) {
  if (diagnostics.length === 0 && !error) return null;
  return (
    <ul className="insp-messages" data-testid="field-messages">
      {error && (
        <li className="insp-message insp-message-error" role="alert">
          <Icon name="error" size={12} />
          <span>{error}</span>
        </li>
      )}
      {diagnostics.map((d, i) => (
        <li
          key={`${d.code}-${i}`}
          className={`insp-message insp-message-${d.severity}`}
          title={d.flinkMessage ? `Flink: ${d.flinkMessage}` : d.code}
        >
          <Icon name={d.severity === 'error' ? 'error' : 'warning'} size={12} />
          <span>{d.message}</span>
          {d.quickFix && (
            <button
              type="button"
              className="insp-link insp-fix"
              data-testid="field-fix"
              onClick={() => applyDiagnosticFix(d)}
            >
              {d.quickFix.title}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
