/** "Expect this match" on a row of Results: a test case with exactly the events it bound. */
import type { BoundStage } from '../../engine/debug/types';
import { useApi } from '../components/api-context';
import { addCaseFromReplay } from './add-case';
import { expectOutcome } from './new-cases';

export function ExpectOutcomeButton({
  outcome,
}: {
  outcome: { kind: 'match' | 'timeout'; key: string; bound: readonly BoundStage[] };
}) {
  const api = useApi();
  const label = outcome.kind === 'match' ? 'Expect this match' : 'Expect this timeout';
  return (
    <button
      type="button"
      className="btn btn-small"
      data-testid="expect-this-match"
      title="Add a test case to the pattern: this recording must give exactly this outcome"
      onClick={(e) => {
        // The row itself seeks the replay; this button only adds the test.
        e.stopPropagation();
        void addCaseFromReplay(api, (doc, recording) => expectOutcome(doc, recording, outcome));
      }}
    >
      {label}
    </button>
  );
}
