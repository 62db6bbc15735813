/**
 * Puts the schema completion (schema-completion.ts) into Monaco for the JSON view's model only: the
 * export previews are generated, read-only text. Registered once; the schema is built on first use.
 */
import { buildJsonSchema } from '../../../engine/format/json-schema';
import { JSON_LANGUAGE } from '../../monaco/json-language';
import { monaco } from '../../monaco/setup';
import { JSON_MODEL_URI } from './json-sync';
import { schemaSuggestions } from './schema-completion';

let registered = false;
let schema: Record<string, unknown> | null = null;

export function registerJsonCompletion(): void {
  if (registered) return;
  registered = true;
  monaco.languages.registerCompletionItemProvider(JSON_LANGUAGE, {
    triggerCharacters: ['"', ':'],
    provideCompletionItems(model, position) {
      if (model.uri.toString() !== monaco.Uri.parse(JSON_MODEL_URI).toString()) return { suggestions: [] };
      schema ??= buildJsonSchema();
      const list = schemaSuggestions(schema, model.getValue(), model.getOffsetAt(position));
      return {
        suggestions: list.map((s, i) => {
          const start = model.getPositionAt(s.replace.start);
          const end = model.getPositionAt(s.replace.end);
          const range = new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column);
          return {
            label: s.label,
            kind:
              s.kind === 'property'
                ? monaco.languages.CompletionItemKind.Property
                : monaco.languages.CompletionItemKind.Value,
            detail: s.detail,
            documentation: s.documentation,
            insertText: s.insertText,
            insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
            // Typed text is matched against the label, quotes included when the user typed one.
            filterText: model.getValueInRange(range).startsWith('"') ? `"${s.label}` : s.label,
            range,
            sortText: String(i).padStart(4, '0'),
          };
        }),
      };
    },
  });
}
