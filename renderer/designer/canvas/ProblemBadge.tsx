/** A small error/warning marker on a node or edge; the tooltip lists every message. */
import type { Diagnostic } from '../../../engine/pattern/diagnostic';

export function ProblemBadge({ problems, testId }: { problems: Diagnostic[]; testId: string }) {
  if (problems.length === 0) return null;
  const severity = problems.some((p) => p.severity === 'error') ? 'error' : 'warning';
  return (
    <span
      className={`cep-problem-badge cep-problem-${severity}`}
      data-testid={testId}
      title={problems.map((p) => p.message).join('\n')}
    >
      {severity === 'error' ? '!' : '⚠'}
      {problems.length > 1 ? problems.length : ''}
    </span>
  );
}
