/** The cases of the open pattern with their latest results and the run's progress. */
import type { PatternDocument } from '../../engine/format/schema';
import { formatCount } from '../recordings/format';
import { TestCaseRow } from './TestCaseRow';
import { useTestsStore } from './tests-store';

export function TestCaseList({ document, patternId }: { document: PatternDocument; patternId: string }) {
  const status = useTestsStore((s) => s.status);
  const results = useTestsStore((s) => s.results);
  const progress = useTestsStore((s) => s.progress);
  const error = useTestsStore((s) => s.error);
  const cases = document.tests;
  let passed = 0;
  let failed = 0;
  let errors = 0;
  for (const c of cases) {
    const r = results[c.id];
    if (r?.status === 'passed') passed++;
    else if (r?.status === 'failed') failed++;
    else if (r?.status === 'error') errors++;
  }

  if (cases.length === 0) {
    return (
      <p className="text-muted tests-hint" data-testid="tests-none">
        This pattern has no tests yet. Replay a recording, then click “Expect this match” on a result, or
        “Expect a match ending here” / “Expect no match here” on an event or a near miss: each adds a case
        that runs here every time the pattern changes.
      </p>
    );
  }
  return (
    <div className="tests-list-wrap">
      <div className="tests-summary" data-testid="tests-summary" role="status">
        <span className={failed + errors > 0 ? 'tests-count is-failed' : 'tests-count is-passed'}>
          {passed} passed, {failed} failed{errors > 0 ? `, ${errors} could not run` : ''}
        </span>
        {status === 'running' && (
          <span className="text-muted" data-testid="tests-running">
            Running
            {progress && progress.total > 0
              ? ` · ${formatCount(progress.done)} / ${formatCount(progress.total)} steps`
              : '…'}
          </span>
        )}
        {status === 'error' && error && (
          <span className="notice notice-error" role="alert">
            {error}
          </span>
        )}
      </div>
      <ul className="tests-list" data-testid="tests-list">
        {cases.map((c) => (
          <TestCaseRow
            key={c.id}
            testCase={c}
            result={results[c.id] ?? null}
            document={document}
            patternId={patternId}
          />
        ))}
      </ul>
    </div>
  );
}
