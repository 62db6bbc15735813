/**
 * Every problem of the open pattern (and other sources), errors first. Each row says what and where;
 * clicking it (or Enter) goes there: the node or edge on the canvas, the field in the inspector, the
 * range in a condition.
 */
import type { Diagnostic } from '../../../engine/pattern/diagnostic';
import { findEdge, findNode } from '../../canvas/doc-tree';
import { Icon } from '../../components/Icon';
import { applyDiagnosticFix } from './apply-diagnostic-fix';
import { locationText, revealDiagnostic } from './reveal';
import './problem-list.css';
import { useSettledDocumentStore } from '../../state/settled-document';

export function ProblemList({ problems }: { problems: readonly Diagnostic[] }) {
  const doc = useSettledDocumentStore((s) => s.document);
  const nameOf = (id: string): string | undefined => {
    if (!doc) return undefined;
    const node = findNode(doc, id);
    if (node) return node.name;
    const edge = findEdge(doc, id);
    return edge
      ? `${findNode(doc, edge.from)?.name ?? edge.from} → ${findNode(doc, edge.to)?.name ?? edge.to}`
      : undefined;
  };
  const sorted = [...problems].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  const errors = sorted.filter((d) => d.severity === 'error').length;
  return (
    <div className="problem-list-wrap">
      <div className="problem-summary" data-testid="problems-summary">
        {errors} error{errors === 1 ? '' : 's'}, {sorted.length - errors} warning
        {sorted.length - errors === 1 ? '' : 's'}
      </div>
      <ul className="problems-list" data-testid="problems-list">
        {sorted.map((p, i) => (
          <li key={`${p.code}-${i}`} className="problem-item">
            <button
              type="button"
              className={`problem problem-${p.severity} problem-row`}
              data-testid="problem-row"
              data-code={p.code}
              title={p.flinkMessage ? `Flink: ${p.flinkError ?? ''} ${p.flinkMessage}` : p.code}
              onClick={() => revealDiagnostic(p)}
            >
              <Icon name={p.severity === 'error' ? 'error' : 'warning'} size={14} />
              <span className="problem-message">
                {p.message}
                {p.fix && (
                  <span className="problem-fix" data-testid="problem-fix">
                    Fix: {p.fix}
                  </span>
                )}
              </span>
              <span className="problem-where">{locationText(p, nameOf)}</span>
              <span className="problem-code">{p.code}</span>
            </button>
            {p.quickFix && (
              <button
                type="button"
                className="problem-quick-fix"
                data-testid="problem-quick-fix"
                title={`Quick fix: ${p.quickFix.title}`}
                onClick={() => applyDiagnosticFix(p)}
              >
                {p.quickFix.title}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
