/** Every diagnostic of the open pattern, errors first; each row goes to its stage, edge or field. */
import { ProblemList } from '../designer/problems/ProblemList';
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
  return <ProblemList problems={problems} />;
}
