/**
 * "Expect a match ending here" / "Expect no match here", on the replay's current event or on a near
 * miss: a test case over the replayed recording, added to the pattern in one click.
 */
import { eventLabel } from '../../engine/debug/event-label';
import { useApi } from '../components/api-context';
import { addCaseFromReplay } from './add-case';
import { expectMatchEndingAt, expectNoMatch } from './new-cases';

export interface ExpectHere {
  key: string;
  /** The event a match should end at (none: only "no match" is offered). */
  seq?: number;
  /** Times no match should touch, and how to name them ("at #12", "from #3 to #9"). */
  from: number;
  to: number;
  label: string;
}

export function ExpectHereButtons({ at }: { at: ExpectHere }) {
  const api = useApi();
  const { seq } = at;
  return (
    <span className="expect-here" data-testid="expect-here">
      {seq !== undefined && (
        <button
          type="button"
          className="btn btn-small"
          data-testid="expect-match-ending-here"
          title={`Add a test case: a match must end at event ${eventLabel(seq)}`}
          onClick={(e) => {
            e.stopPropagation();
            void addCaseFromReplay(api, (doc, recording) =>
              expectMatchEndingAt(doc, recording, { seq, key: at.key }),
            );
          }}
        >
          Expect a match ending here
        </button>
      )}
      <button
        type="button"
        className="btn btn-small"
        data-testid="expect-no-match-here"
        title="Add a test case: no match for this key at these times"
        onClick={(e) => {
          e.stopPropagation();
          void addCaseFromReplay(api, (doc, recording) => expectNoMatch(doc, recording, at));
        }}
      >
        Expect no match here
      </button>
    </span>
  );
}
