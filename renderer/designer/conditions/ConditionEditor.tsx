/**
 * One condition in a small Monaco editor: the condition language's highlighting, completion and
 * hover, the engine's diagnostics as squiggles, the Problems panel's "go to this range", and while a
 * replay is open each condition's value on the current step inline.
 */
import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type * as Monaco from 'monaco-editor/editor';
import type { CompileOptions } from '../../../engine/expr/index';
import type { Diagnostic } from '../../../engine/pattern/diagnostic';
import {
  CONDITION_LANGUAGE,
  registerConditionLanguage,
  setConditionContext,
} from '../../monaco/condition-language';
import { registerConditionQuickFixes, setConditionFixes } from '../../monaco/condition-fixes';
import { overflowWidgetsHost } from '../../monaco/overflow-layer';
import { monaco } from '../../monaco/setup';
import { monacoThemeName } from '../../monaco/themes';
import { useDocumentStore } from '../../state/document-store';
import { registerPendingEdits } from '../../state/pending-edits';
import { noteTyping, registerTypingWriter, settleDocumentViews } from '../../state/settled-document';
import { effectiveTheme, useUiStore } from '../../state/ui-store';
import { diagnosticsToMarkers, toMonacoMarkers } from './condition-markers';
import { followGrammarStages } from './grammar-stages';
import { heldWrite, type HeldWrite } from './held-write';
import { useCursorRequest } from './cursor-request';
import { useInlineValues } from './use-inline-values';
import './condition-editor.css';

registerConditionLanguage();
registerConditionQuickFixes();
followGrammarStages();

interface ConditionEditorProps {
  /** conditionKey(nodeId, field, index): names the model and receives cursor requests. */
  editorKey: string;
  value: string;
  onChange: (value: string) => void;
  /** Diagnostics of this condition (only those with a range become squiggles). */
  diagnostics: readonly Diagnostic[];
  /** Stages, current stage and schema for completion and hover, read when needed. */
  context: () => CompileOptions;
  placeholder?: string;
  ariaLabel: string;
  testId?: string;
}

const LINE_HEIGHT = 19;

function plainBrackets(model: Monaco.editor.ITextModel | null): void {
  model?.updateOptions({
    bracketColorizationOptions: { enabled: false, independentColorPoolPerBracketType: false },
  });
}
const MAX_LINES = 8;

function editorOptions(
  ariaLabel: string,
  overflowHost: HTMLElement,
): Monaco.editor.IStandaloneEditorConstructionOptions {
  return {
    ariaLabel,
    minimap: { enabled: false },
    lineNumbers: 'off',
    glyphMargin: false,
    folding: false,
    lineDecorationsWidth: 4,
    lineNumbersMinChars: 0,
    renderLineHighlight: 'none',
    // Nothing in a condition is indented; the guides would only be recomputed on every key.
    guides: { indentation: false },
    // Per-key work with no use in a condition of a line or two: colouring bracket pairs (the bracket
    // next to the cursor is still matched), highlighting the other occurrences of the word at the
    // cursor, and completing words found in the open documents (our completion knows the fields,
    // stages and functions; those words would only add noise to its list).
    bracketPairColorization: { enabled: false },
    occurrencesHighlight: 'off',
    wordBasedSuggestions: 'off',
    scrollBeyondLastLine: false,
    overviewRulerLanes: 0,
    hideCursorInOverviewRuler: true,
    wordWrap: 'on',
    fontSize: 12,
    lineHeight: LINE_HEIGHT,
    padding: { top: 4, bottom: 4 },
    scrollbar: { vertical: 'auto', horizontal: 'hidden', alwaysConsumeMouseWheel: false },
    // The suggest list and hover may leave the inspector's box, drawn in a contained layer over the
    // page (overflow-layer.ts) rather than inside the editor.
    fixedOverflowWidgets: true,
    overflowWidgetsDomNode: overflowHost,
    automaticLayout: true,
    quickSuggestions: { other: true, strings: false, comments: false },
    suggestOnTriggerCharacters: true,
    fontFamily: "'JetBrains Mono', 'Cascadia Code', Menlo, Consolas, monospace",
    contextmenu: false,
    tabFocusMode: true,
  };
}

export function ConditionEditor({
  editorKey,
  value,
  onChange,
  diagnostics,
  context,
  placeholder,
  ariaLabel,
  testId,
}: ConditionEditorProps) {
  const theme = useUiStore(effectiveTheme);
  const patternId = useDocumentStore((s) => s.patternId);
  const [editor, setEditor] = useState<Monaco.editor.IStandaloneCodeEditor | null>(null);
  // Height follows what the editor draws (wrapped lines and inline replay values included), up to MAX_LINES.
  const [contentHeight, setContentHeight] = useState(
    () => Math.max(1, value.split('\n').length) * LINE_HEIGHT + 8,
  );
  const contextRef = useRef(context);
  useEffect(() => {
    contextRef.current = context;
  }, [context]);
  const request = useCursorRequest((s) => s.request);
  const [overflowHost] = useState(overflowWidgetsHost);
  useEffect(() => overflowHost.attach(), [overflowHost]);
  useInlineValues(editor, editorKey);
  // The last text this editor reported, and the last it wrote to the store: the store's echo of a
  // write must not come back into the editor (the model may already be keys ahead), only a change
  // from elsewhere (undo, JSON view).
  const emitted = useRef(value);
  const written = useRef(value);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);
  // Keys reach the store when typing pauses (settled-document.ts), not per key: per key, the page
  // does Monaco's work only; the store's subscribers (undo, the draft, autosave) get the burst at once.
  const writer = useRef<HeldWrite<string> | null>(null);
  useEffect(() => {
    const pending = heldWrite<string>((text) => {
      written.current = text;
      onChangeRef.current(text);
    });
    writer.current = pending;
    // Shortcut chords, leaving the page or this editor (another stage selected) write what is pending first.
    const flush = (): void => pending.flush();
    const unregisterWriter = registerTypingWriter(flush);
    const unregister = registerPendingEdits(flush);
    window.addEventListener('beforeunload', flush, { capture: true });
    window.addEventListener('pagehide', flush, { capture: true });
    return () => {
      unregisterWriter();
      unregister();
      window.removeEventListener('beforeunload', flush, { capture: true });
      window.removeEventListener('pagehide', flush, { capture: true });
      flush();
    };
  }, []);

  useEffect(() => {
    const model = editor?.getModel();
    if (!editor || !model || value === written.current || value === model.getValue()) return;
    // Changed elsewhere: that text wins over keys not yet written.
    writer.current?.cancel();
    emitted.current = value;
    written.current = value;
    // Its own undo step: without the stop before, the edit joins the keys typed last (a quick fix's
    // Ctrl+Z would take those back too).
    editor.pushUndoStop();
    editor.executeEdits('cepheus', [{ range: model.getFullModelRange(), text: value }]);
    editor.pushUndoStop();
  }, [editor, value]);

  const onMount: OnMount = (ed) => {
    // A kept model (this stage was edited before) may be behind an edit made while it was not shown.
    const model = ed.getModel();
    if (model && model.getValue() !== value) {
      ed.executeEdits('cepheus', [{ range: model.getFullModelRange(), text: value }]);
      ed.pushUndoStop();
    }
    // The editor's bracketPairColorization option reaches a model only through Monaco's global
    // configuration, and models created before it keep colouring brackets: each query of the view's
    // decorations then walked the bracket tree on every key. Set on the model itself.
    plainBrackets(model);
    ed.onDidChangeModel(() => plainBrackets(ed.getModel()));
    setEditor(ed);
    ed.onDidBlurEditorText(() => {
      writer.current?.flush();
      settleDocumentViews();
    });
    setContentHeight(ed.getContentHeight());
    ed.onDidContentSizeChange((e) => setContentHeight(e.contentHeight));
  };

  useEffect(() => {
    const model = editor?.getModel();
    if (!model) return;
    return setConditionContext(model, () => contextRef.current());
  }, [editor]);

  useEffect(() => {
    const model = editor?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      'cepheus',
      toMonacoMarkers(monaco, diagnosticsToMarkers(diagnostics)),
    );
    return setConditionFixes(model, diagnostics);
  }, [editor, diagnostics]);

  useEffect(() => {
    if (!editor || !request || request.key !== editorKey) return;
    const r = request.range;
    if (r) {
      const range = {
        startLineNumber: r.line,
        startColumn: r.column,
        endLineNumber: r.endLine,
        endColumn: r.endColumn,
      };
      editor.setSelection(range);
      editor.revealRangeInCenterIfOutsideViewport(range);
    }
    editor.focus();
    useCursorRequest.getState().take(request.nonce);
  }, [editor, request, editorKey]);

  // A new options object would make the wrapper call updateOptions (a whole reconfiguration) on every render.
  const options = useMemo(() => editorOptions(ariaLabel, overflowHost.node), [ariaLabel, overflowHost]);
  const hasError = diagnostics.some((d) => d.severity === 'error');
  return (
    <div
      // nokey: React Flow must not treat keys typed here as canvas keys (Space pans, Delete removes).
      className={`condition-editor nokey${hasError ? ' condition-editor-invalid' : ''}`}
      data-testid={testId}
      data-condition-key={editorKey}
      data-has-error={hasError ? 'true' : 'false'}
      // + 2: the border, so the content fits without a scrollbar.
      style={{ height: Math.min(MAX_LINES * LINE_HEIGHT + 8, Math.max(LINE_HEIGHT + 8, contentHeight)) + 2 }}
    >
      {value === '' && placeholder && <div className="condition-placeholder">{placeholder}</div>}
      <Editor
        // One model per pattern, stage and field, kept when the stage is deselected: its undo history
        // is still there when the user comes back to the stage.
        path={`cepheus-condition://${patternId ?? 'none'}/${editorKey.replaceAll(':', '/')}`}
        keepCurrentModel
        language={CONDITION_LANGUAGE}
        defaultValue={value}
        theme={monacoThemeName[theme]}
        onMount={onMount}
        onChange={(next) => {
          if (next === undefined || next === emitted.current) return;
          emitted.current = next;
          // The store, and the views around the editor (canvas card, inspector, validation), follow
          // when typing pauses.
          writer.current?.set(next);
          noteTyping();
        }}
        loading={<div className="condition-loading">Loading editor…</div>}
        options={options}
      />
    </div>
  );
}
