/**
 * Draws the replay's inline values (inline-values.ts) into a condition editor as Monaco injected
 * text after the code: redrawn on every step and every edit, removed when the replay closes.
 */
import { useEffect } from 'react';
import type * as Monaco from 'monaco-editor/editor';
import { useReplayStore } from '../../state/replay-store';
import { conditionValueFor, inlineValuesFor, type InlineValue } from './inline-values';

function decoration(model: Monaco.editor.ITextModel, v: InlineValue): Monaco.editor.IModelDeltaDecoration {
  const at = model.getPositionAt(v.offset);
  return {
    range: {
      startLineNumber: at.lineNumber,
      startColumn: at.column,
      endLineNumber: at.lineNumber,
      endColumn: at.column,
    },
    options: {
      showIfCollapsed: true,
      after: { content: `\u2002${v.text}`, inlineClassName: `cx-inline-value cx-inline-is-${v.kind}` },
    },
  };
}

export function useInlineValues(editor: Monaco.editor.IStandaloneCodeEditor | null, editorKey: string): void {
  const open = useReplayStore((s) => s.session !== null && s.report !== null);
  const value = useReplayStore((s) => conditionValueFor(s.conditionValues, editorKey));
  const currentSeq = useReplayStore((s) => s.report?.event?.seq);

  useEffect(() => {
    const model = editor?.getModel();
    if (!editor || !model || !open) return;
    const collection = editor.createDecorationsCollection();
    const draw = () =>
      collection.set(inlineValuesFor(model.getValue(), value, currentSeq).map((v) => decoration(model, v)));
    draw();
    const edits = editor.onDidChangeModelContent(draw);
    return () => {
      edits.dispose();
      collection.clear();
    };
  }, [editor, open, value, currentSeq]);
}
