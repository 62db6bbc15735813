/** Every diagnostic of the open pattern, errors first, each pointing at its stage or field. */
import { allProblems, useProblemsStore } from '../state/problems-store';
import { Icon } from './Icon';

export function ProblemsView() {
  // Select the stable map, then flatten: a selector returning a fresh array would re-render forever.
  const bySource = useProblemsStore((s) => s.bySource);
  const problems = allProblems({ bySource });
  if (problems.length === 0) {
    return (
      <div className="empty-state" data-testid="problems-empty">
        <Icon name="check" size={22} />
        <div className="empty-state-text">No problems detected.</div>
      </div>
    );
  }
  const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <ul className="problems-list" data-testid="problems-list">
      {sorted.map((p, i) => (
        <li key={`${p.code}-${i}`} className={`problem problem-${p.severity}`}>
          <Icon name={p.severity === 'error' ? 'error' : 'warning'} size={14} />
          <span className="problem-message">{p.message}</span>
          {p.target?.stage && <span className="problem-where">{p.target.stage}</span>}
          <span className="problem-code">{p.code}</span>
        </li>
      ))}
    </ul>
  );
}
