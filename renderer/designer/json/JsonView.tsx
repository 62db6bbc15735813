/**
 * The whole document as JSON, in two-way sync with the canvas. Edits that parse and load replace the
 * document as one undo step; text that does not load shows its errors as squiggles, here below the
 * text and in Problems, and the canvas keeps the last valid version.
 */
import Editor from '@monaco-editor/react';
import type * as Monaco from 'monaco-editor/editor';
import { useEffect, useRef, useState } from 'react';
import type { PatternDocument } from '../../../engine/format/schema';
import type { Diagnostic } from '../../../engine/pattern/diagnostic';
import { JSON_LANGUAGE, registerJsonLanguage } from '../../monaco/json-language';
import { monaco } from '../../monaco/setup';
import { monacoThemeName } from '../../monaco/themes';
import { useDocumentStore } from '../../state/document-store';
import { useProblemsStore } from '../../state/problems-store';
import { effectiveTheme, useUiStore } from '../../state/ui-store';
import { toMonacoMarkers } from '../conditions/condition-markers';
import { FieldMessages } from '../inspector/FieldMessages';
import { documentText, interpretJson, JSON_MODEL_URI } from './json-sync';
import { jsonMarkers } from './json-markers';
import './json-view.css';

registerJsonLanguage();

/** Parse after a short pause: half-typed JSON is invalid on almost every keystroke. */
const APPLY_DELAY_MS = 400;
export const JSON_PROBLEMS_SOURCE = 'json-view';

export function JsonView({ doc }: { doc: PatternDocument }) {
  const theme = useUiStore(effectiveTheme);
  const [editor, setEditor] = useState<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const [errors, setErrors] = useState<Diagnostic[]>([]);
  // The document this view itself produced: its echo from the store must not rewrite the text.
  const applied = useRef<PatternDocument | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // A change from elsewhere (canvas, inspector, undo) rewrites the text, as one undoable edit. The
  // editor is uncontrolled: a controlled value lags a fast typist by a keystroke and would undo it.
  useEffect(() => {
    const model = editor?.getModel();
    if (!editor || !model || doc === applied.current) return;
    const text = documentText(doc);
    if (text !== model.getValue()) {
      editor.executeEdits('cepheus', [{ range: model.getFullModelRange(), text }]);
      editor.pushUndoStop();
    }
    setErrors([]);
  }, [editor, doc]);

  useEffect(() => {
    useProblemsStore.getState().setProblems(
      JSON_PROBLEMS_SOURCE,
      errors.map((d) => ({
        ...d,
        target: { ...d.target, kind: 'document' as const, field: 'json' as const },
      })),
    );
  }, [errors]);

  useEffect(() => {
    const model = editor?.getModel();
    if (!model) return;
    const markers = jsonMarkers(model.getValue(), errors);
    monaco.editor.setModelMarkers(model, 'cepheus', toMonacoMarkers(monaco, markers));
  }, [editor, errors]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      useProblemsStore.getState().setProblems(JSON_PROBLEMS_SOURCE, []);
    },
    [],
  );

  const apply = (next: string): void => {
    const current = useDocumentStore.getState().document;
    const edit = interpretJson(next, current);
    if (edit.kind === 'invalid') {
      setErrors(edit.diagnostics);
      return;
    }
    setErrors([]);
    if (edit.kind === 'replace') {
      applied.current = edit.document;
      useDocumentStore.getState().replaceDocument(edit.document, 'Edit JSON');
    }
  };

  return (
    <div className="json-view nokey" data-testid="json-view">
      <div className="json-view-editor">
        <Editor
          path={JSON_MODEL_URI}
          language={JSON_LANGUAGE}
          defaultValue={documentText(doc)}
          theme={monacoThemeName[theme]}
          onMount={setEditor}
          onChange={(next) => {
            if (next === undefined) return;
            if (timer.current) clearTimeout(timer.current);
            timer.current = setTimeout(() => apply(next), APPLY_DELAY_MS);
          }}
          loading={<div className="inspector-hint">Loading editor…</div>}
          options={{
            minimap: { enabled: false },
            fontSize: 12,
            lineNumbers: 'on',
            lineNumbersMinChars: 3,
            folding: true,
            scrollBeyondLastLine: false,
            automaticLayout: true,
            tabSize: 2,
            fixedOverflowWidgets: true,
            fontFamily: "'JetBrains Mono', 'Cascadia Code', Menlo, Consolas, monospace",
          }}
        />
      </div>
      {errors.length > 0 && (
        <div className="json-view-errors" data-testid="json-errors">
          <div className="json-view-errors-title">Not applied: the canvas keeps the last valid version.</div>
          <FieldMessages diagnostics={errors.slice(0, 8)} />
        </div>
      )}
    </div>
  );
}
