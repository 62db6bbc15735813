/**
 * JSON in Monaco without Monaco's JSON language service (its worker and the contributions it pulls
 * in are most of Monaco's size): a Monarch grammar, brackets and auto-closing. Validation is ours:
 * the JSON view marks what loadDocument reports (designer/json/json-markers.ts), the previews are
 * read-only text we generated.
 */
import type * as Monaco from 'monaco-editor/editor';
import { monaco } from './setup';

export const JSON_LANGUAGE = 'json';

// Token names end in `.json` (Monarch appends the language id), which the built-in themes colour:
// keys apart from string values, as in VS Code.
const grammar: Monaco.languages.IMonarchLanguage = {
  tokenizer: {
    root: [
      [/[{}[\]]/, 'delimiter.bracket'],
      [/[,:]/, 'delimiter'],
      [/"(?:[^"\\]|\\.)*"(?=\s*:)/, 'string.key'],
      [/"(?:[^"\\]|\\.)*"/, 'string.value'],
      [/"(?:[^"\\]|\\.)*$/, 'string.invalid'],
      [/-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/, 'number'],
      [/\b(?:true|false|null)\b/, 'keyword'],
      [/\s+/, 'white'],
      [/[^\s{}[\],:"]+/, 'invalid'],
    ],
  },
};

let registered = false;

/** Registers the language once; cheap to call from every JSON editor. */
export function registerJsonLanguage(): void {
  if (registered) return;
  registered = true;
  monaco.languages.register({ id: JSON_LANGUAGE, extensions: ['.json'], aliases: ['JSON'] });
  monaco.languages.setLanguageConfiguration(JSON_LANGUAGE, {
    brackets: [
      ['{', '}'],
      ['[', ']'],
    ],
    autoClosingPairs: [
      { open: '{', close: '}', notIn: ['string'] },
      { open: '[', close: ']', notIn: ['string'] },
      { open: '"', close: '"', notIn: ['string'] },
    ],
    surroundingPairs: [
      { open: '{', close: '}' },
      { open: '[', close: ']' },
      { open: '"', close: '"' },
    ],
    wordPattern: /(-?\d*\.\d\w*)|([^[{\]}:",\s]+)/g,
  });
  monaco.languages.setMonarchTokensProvider(JSON_LANGUAGE, grammar);
}
