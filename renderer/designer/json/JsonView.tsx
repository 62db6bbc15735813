/**
 * The whole document as JSON, in two-way sync with the canvas. Edits that parse and load replace the
 * document as one undo step; text that does not load shows its errors as squiggles, here below the
 * text and in Problems, and the canvas keeps the last version that loaded. The status line says the
 * same as the inspector's badge (pattern-verdict.ts). Text that does not load is never dropped
 * silently: leaving the view asks first (inspector-tab.ts), and when the view goes away otherwise
 * (another pattern opened) the text is kept for that pattern (json-drafts.ts).
 */
import Editor from '@monaco-editor/react';
import type * as Monaco from 'monaco-editor/editor';
import { useEffect, useRef, useState } from 'react';
import type { PatternDocument } from '../../../engine/format/schema';
import type { Diagnostic } from '../../../engine/pattern/diagnostic';
import { Icon } from '../../components/Icon';
import { JSON_LANGUAGE, registerJsonLanguage } from '../../monaco/json-language';
import { monaco } from '../../monaco/setup';
import { monacoThemeName } from '../../monaco/themes';
import { useDocumentStore } from '../../state/document-store';
import { useProblemsStore } from '../../state/problems-store';
import { effectiveTheme, useUiStore } from '../../state/ui-store';
import { useValidationStore } from '../../state/validation-store';
import { toMonacoMarkers } from '../conditions/condition-markers';
import { setJsonLeaveGuard, useInspectorTab } from '../inspector/inspector-tab';
import { FieldMessages } from '../inspector/FieldMessages';
import { useJsonDrafts } from './json-drafts';
import { registerJsonCompletion } from './json-completion-provider';
import { documentText, interpretJson, JSON_MODEL_URI } from './json-sync';
import { diagnosticPath, jsonMarkers } from './json-markers';
import { JSON_PROBLEMS_SOURCE, usePatternVerdict, verdictSentence, verdictValid } from './pattern-verdict';
import './json-view.css';

registerJsonLanguage();
registerJsonCompletion();

/** Parse after a short pause: half-typed JSON is invalid on almost every keystroke. */
const APPLY_DELAY_MS = 400;

/** The designer's problems of the loaded document, placed in its JSON text (their ranges are a condition's). */
function documentProblems(doc: PatternDocument, list: readonly Diagnostic[]): Diagnostic[] {
  return list.map(({ range: _range, ...d }) => ({
    ...d,
    target: { ...(d.target ?? { kind: 'pattern' as const }), path: diagnosticPath(doc, d) ?? [] },
  }));
}

export function JsonView({ doc }: { doc: PatternDocument }) {
  const theme = useUiStore(effectiveTheme);
  const patternId = useDocumentStore((s) => s.patternId);
  const designerProblems = useValidationStore((s) => s.diagnostics);
  const verdict = usePatternVerdict();
  const [editor, setEditor] = useState<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const [errors, setErrors] = useState<Diagnostic[]>([]);
  /** The pattern changed elsewhere while the text here did not load: applying it replaces that change. */
  const [stale, setStale] = useState(false);
  // The document this view itself produced: its echo from the store must not rewrite the text.
  const applied = useRef<PatternDocument | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** The text does not load (kept in a ref too: the guard and the unmount read it synchronously). */
  const invalid = useRef(false);
  /** The pattern the text belongs to. */
  const textOf = useRef<string | null>(null);

  const apply = (next: string): boolean => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const current = useDocumentStore.getState().document;
    const edit = interpretJson(next, current);
    invalid.current = edit.kind === 'invalid';
    if (edit.kind === 'invalid') {
      setErrors(edit.diagnostics);
      return false;
    }
    setErrors([]);
    setStale(false);
    if (edit.kind === 'replace') {
      applied.current = edit.document;
      useDocumentStore.getState().replaceDocument(edit.document, 'Edit JSON');
    }
    return true;
  };

  const setText = (text: string): void => {
    const model = editor?.getModel();
    if (!editor || !model || text === model.getValue()) return;
    editor.executeEdits('cepheus', [{ range: model.getFullModelRange(), text }]);
    editor.pushUndoStop();
  };

  // A change from elsewhere (canvas, inspector, undo) rewrites the text, as one undoable edit. The
  // editor is uncontrolled: a controlled value lags a fast typist by a keystroke and would undo it.
  useEffect(() => {
    const model = editor?.getModel();
    if (!editor || !model || doc === applied.current) return;
    const samePattern = textOf.current === patternId;
    if (samePattern && invalid.current) {
      // Keep the user's text; say that the pattern moved on underneath it.
      setStale(true);
      return;
    }
    if (!samePattern && invalid.current && textOf.current)
      useJsonDrafts.getState().keep(textOf.current, model.getValue());
    textOf.current = patternId;
    const kept = patternId ? useJsonDrafts.getState().take(patternId) : null;
    setText(kept ?? documentText(doc));
    invalid.current = false;
    setErrors([]);
    setStale(false);
    // Kept text is checked again by the change it makes (onChange, after the pause).
    // setText reads only the editor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, doc, patternId]);

  useEffect(() => {
    useProblemsStore.getState().setProblems(
      JSON_PROBLEMS_SOURCE,
      errors.map((d) => ({
        ...d,
        target: { ...d.target, kind: 'document' as const, field: 'json' as const },
      })),
    );
  }, [errors]);

  // Squiggles: the text's own errors, or (when it loaded) the designer's problems where they sit.
  useEffect(() => {
    const model = editor?.getModel();
    if (!model) return;
    const shown = errors.length > 0 ? errors : documentProblems(doc, designerProblems);
    const markers = jsonMarkers(model.getValue(), shown);
    monaco.editor.setModelMarkers(model, 'cepheus', toMonacoMarkers(monaco, markers));
  }, [editor, errors, doc, designerProblems]);

  // Leaving the view with text that does not load asks first; the text pending its pause is read now.
  useEffect(() => {
    if (!editor) return;
    setJsonLeaveGuard(() => {
      const model = editor.getModel();
      return model ? apply(model.getValue()) : true;
    });
    // "Keep editing" puts the caret back in the text (after the dialog has returned focus).
    const unsubscribe = useInspectorTab.subscribe((s, prev) => {
      if (prev.leaving && !s.leaving && s.tab === 'json') setTimeout(() => editor.focus(), 0);
    });
    const beforeUnload = (event: BeforeUnloadEvent): void => {
      if (!invalid.current) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      setJsonLeaveGuard(null);
      unsubscribe();
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, [editor]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      useProblemsStore.getState().setProblems(JSON_PROBLEMS_SOURCE, []);
      // Gone without the user choosing to discard (the tab is still JSON): keep the text for later.
      const text = editor?.getModel()?.getValue();
      if (
        invalid.current &&
        textOf.current &&
        text !== undefined &&
        useInspectorTab.getState().tab === 'json'
      ) {
        useJsonDrafts.getState().keep(textOf.current, text);
        useUiStore.getState().setNotice({
          kind: 'info',
          text: 'Your JSON edits are not applied yet; they are kept: show the pattern as JSON again to continue.',
        });
      }
    },
    [editor],
  );

  const valid = verdictValid(verdict);
  const listed = errors.length > 0 ? errors : designerProblems.filter((d) => d.severity === 'error');

  return (
    <div className="json-view nokey" data-testid="json-view">
      <div className={`json-view-status${valid ? '' : ' is-error'}`} role="status" data-testid="json-status">
        <Icon name={valid ? 'check' : 'error'} size={12} />
        <span>{verdictSentence(verdict)}</span>
      </div>
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
      {listed.length > 0 && (
        <div className="json-view-errors" data-testid="json-errors" data-applied={errors.length === 0}>
          <div className="json-view-errors-title">
            {errors.length > 0 ? 'Errors in the JSON text' : 'Errors in the pattern'}
          </div>
          {stale && (
            <div className="json-view-stale" data-testid="json-stale">
              The pattern changed elsewhere since you began this edit: applying the text replaces that change.
            </div>
          )}
          <FieldMessages diagnostics={listed.slice(0, 8)} />
        </div>
      )}
    </div>
  );
}
