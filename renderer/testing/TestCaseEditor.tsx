/** Edits a test case as JSON, checked against the document format's schema before it is applied. */
import { useState } from 'react';
import { TestCaseSchema, type TestCase } from '../../engine/format/tests-schema';
import { useDocumentStore } from '../state/document-store';

export function TestCaseEditor({ testCase, onDone }: { testCase: TestCase; onDone: () => void }) {
  const [text, setText] = useState(() => JSON.stringify(testCase, null, 2));
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      setError(`Not JSON: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    const parsed = TestCaseSchema.safeParse(raw);
    if (!parsed.success) {
      setError(parsed.error.issues.map((i) => `${i.path.join('.') || '(case)'}: ${i.message}`).join('; '));
      return;
    }
    const next = parsed.data;
    const taken = useDocumentStore
      .getState()
      .document?.tests.some((c) => c.id === next.id && c.id !== testCase.id);
    if (taken) {
      setError(`id: another case is already called “${next.id}”`);
      return;
    }
    useDocumentStore.getState().edit('Edit test', (doc) => ({
      ...doc,
      tests: doc.tests.map((c) => (c.id === testCase.id ? next : c)),
    }));
    onDone();
  };
  return (
    <div className="tests-editor" data-testid="test-editor">
      <textarea
        className="cx-input tests-editor-text"
        aria-label={`Test case ${testCase.name} as JSON`}
        data-testid="test-editor-text"
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {error && (
        <p className="notice notice-error" role="alert" data-testid="test-editor-error">
          {error}
        </p>
      )}
      <div className="tests-editor-bar">
        <button
          type="button"
          className="btn btn-primary btn-small"
          data-testid="test-editor-apply"
          onClick={apply}
        >
          Apply
        </button>
        <button type="button" className="btn btn-small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </div>
  );
}
