/**
 * Quick fixes in the condition editors (the light bulb and Ctrl+.): every diagnostic with a `quickFix` whose
 * edits are text edits of this very condition becomes a Monaco code action. Applying it edits the
 * model, so it flows to the document like typing and Monaco's own undo takes it back.
 */
import type * as Monaco from 'monaco-editor/editor';
import type { Diagnostic } from '../../engine/pattern/diagnostic';
import { CONDITION_LANGUAGE } from './condition-language';
import { monaco } from './setup';

const fixesByModel = new Map<string, readonly Diagnostic[]>();

/** The diagnostics (with fixes) of a model's condition; the provider reads them when asked. */
export function setConditionFixes(
  model: Monaco.editor.ITextModel,
  diagnostics: readonly Diagnostic[],
): () => void {
  const key = model.uri.toString();
  const withFixes = diagnostics.filter((d) => d.quickFix?.edits.every((e) => e.kind === 'condition-text'));
  fixesByModel.set(key, withFixes);
  return () => {
    if (fixesByModel.get(key) === withFixes) fixesByModel.delete(key);
  };
}

let registered = false;

export function registerConditionQuickFixes(): void {
  if (registered) return;
  registered = true;
  monaco.languages.registerCodeActionProvider(CONDITION_LANGUAGE, {
    provideCodeActions(model, range) {
      const list = fixesByModel.get(model.uri.toString()) ?? [];
      const actions: Monaco.languages.CodeAction[] = [];
      for (const d of list) {
        const r = d.range;
        if (!r || !d.quickFix) continue;
        const start = model.getPositionAt(r.start);
        const end = model.getPositionAt(Math.max(r.end, r.start + 1));
        const hit = monaco.Range.areIntersectingOrTouching(
          range,
          new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column),
        );
        if (!hit) continue;
        actions.push({
          title: d.quickFix.title,
          kind: 'quickfix',
          isPreferred: true,
          diagnostics: [
            {
              message: d.message,
              severity: d.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
              startLineNumber: start.lineNumber,
              startColumn: start.column,
              endLineNumber: end.lineNumber,
              endColumn: end.column,
            },
          ],
          edit: {
            edits: d.quickFix.edits.flatMap((e) => {
              if (e.kind !== 'condition-text') return [];
              const a = model.getPositionAt(e.start);
              const b = model.getPositionAt(e.end);
              return [
                {
                  resource: model.uri,
                  versionId: model.getVersionId(),
                  textEdit: {
                    range: {
                      startLineNumber: a.lineNumber,
                      startColumn: a.column,
                      endLineNumber: b.lineNumber,
                      endColumn: b.column,
                    },
                    text: e.text,
                  },
                },
              ];
            }),
          },
        });
      }
      return { actions, dispose: () => undefined };
    },
  });
}
