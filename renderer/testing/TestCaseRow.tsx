/**
 * One test case: green (passed), red (failed) or grey (could not run / not run yet), what it expects
 * and, when it fails, where the expectation and the outcome part ways with the why-not verdict and
 * a jump to that replay step. Editable (its JSON) and removable.
 */
import { useState } from 'react';
import type { CaseResult, ExpectationResult } from '../../engine/testing/types';
import type { TestCase } from '../../engine/format/tests-schema';
import type { PatternDocument } from '../../engine/format/schema';
import { useApi } from '../components/api-context';
import { Icon } from '../components/Icon';
import { useDocumentStore } from '../state/document-store';
import { TestCaseEditor } from './TestCaseEditor';
import { showStep } from './show-step';
import { useTestsStore } from './tests-store';

function sourceText(c: TestCase): string {
  return c.source.kind === 'recording'
    ? `recording “${c.source.recording}”`
    : `${c.source.events.length} inline event${c.source.events.length === 1 ? '' : 's'}`;
}

function Expectation({
  e,
  testCase,
  document,
  patternId,
}: {
  e: ExpectationResult;
  testCase: TestCase;
  document: PatternDocument;
  patternId: string;
}) {
  const api = useApi();
  const recordingId = useTestsStore((s) =>
    testCase.source.kind === 'recording' ? (s.recordings[testCase.source.recording] ?? null) : null,
  );
  const d = e.divergence;
  return (
    <li className={e.passed ? 'tests-exp is-passed' : 'tests-exp is-failed'} data-testid="test-expectation">
      <div>{e.message}</div>
      {d && (
        <div className="tests-divergence" data-testid="test-divergence">
          <span>{d.message}</span>
          {d.verdict && (
            <span className="tests-verdict" data-testid="test-verdict">
              Why not: {d.verdict.message}
            </span>
          )}
          {recordingId !== null && (
            <button
              type="button"
              className="btn btn-small"
              data-testid="test-show-step"
              onClick={() =>
                void showStep(api, {
                  patternId,
                  document,
                  recordingId,
                  position: d.position,
                  ...(d.seq !== undefined && d.stage !== undefined
                    ? { whyNot: { seq: d.seq, stage: d.stage } }
                    : {}),
                })
              }
            >
              Show step {d.position} in the replay
            </button>
          )}
        </div>
      )}
    </li>
  );
}

export function TestCaseRow({
  testCase,
  result,
  document,
  patternId,
}: {
  testCase: TestCase;
  result: CaseResult | null;
  document: PatternDocument;
  patternId: string;
}) {
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const status = result?.status ?? 'pending';
  const expanded = open || status === 'failed' || status === 'error';
  const remove = () =>
    useDocumentStore
      .getState()
      .edit('Delete test', (doc) => ({ ...doc, tests: doc.tests.filter((c) => c.id !== testCase.id) }));

  return (
    <li className={`tests-case is-${status}`} data-testid="test-case" data-status={status}>
      <div className="tests-case-head">
        <span className="tests-status" aria-label={status}>
          {status === 'passed' ? (
            <Icon name="check" size={14} />
          ) : status === 'failed' ? (
            <Icon name="error" size={14} />
          ) : status === 'error' ? (
            <Icon name="warning" size={14} />
          ) : (
            <span className="tests-dot" />
          )}
        </span>
        <button
          type="button"
          className="tests-case-name"
          aria-expanded={expanded}
          data-testid="test-case-name"
          onClick={() => setOpen(!open)}
        >
          {testCase.name}
        </button>
        <span className="text-muted tests-source">{sourceText(testCase)}</span>
        <span className="replay-spacer" />
        <button
          type="button"
          className="btn btn-small"
          data-testid="test-edit"
          onClick={() => setEditing(!editing)}
        >
          {editing ? 'Close editor' : 'Edit'}
        </button>
        <button type="button" className="btn btn-small" data-testid="test-delete" onClick={remove}>
          Delete
        </button>
      </div>
      {editing && <TestCaseEditor testCase={testCase} onDone={() => setEditing(false)} />}
      {expanded && result && (
        <div className="tests-case-body">
          {/* A failure says itself per expectation; a case that could not run says why here. */}
          {result.status === 'error' && (
            <p className="tests-message" data-testid="test-message">
              {result.message}
            </p>
          )}
          <ul className="tests-exps">
            {result.expectations.map((e) => (
              <Expectation
                key={e.index}
                e={e}
                testCase={testCase}
                document={document}
                patternId={patternId}
              />
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}
