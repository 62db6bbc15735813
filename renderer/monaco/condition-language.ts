/**
 * The condition language in Monaco: highlighting (condition-tokens.ts: keywords, functions from the
 * engine's table, the pattern's stage names), completion from completionsAt and hover from hoverAt. The engine does
 * all the language work; this file only translates offsets and kinds to Monaco's.
 *
 * Each condition editor registers its model's context (stage names, current stage, schema), so one
 * set of providers serves every editor.
 */
import type * as Monaco from 'monaco-editor/editor';
import {
  completionsAt,
  CONDITION_FUNCTIONS,
  hoverAt,
  KEYWORDS,
  type CompileOptions,
  type CompletionKind,
} from '../../engine/expr/index';
import { tokenizeConditionLine, type ConditionWords } from './condition-tokens';
import { monaco } from './setup';

export const CONDITION_LANGUAGE = 'cepheus-condition';

const contexts = new Map<string, () => CompileOptions>();

/** Tells the providers which stages and fields a model's condition can use; returns the disposer. */
export function setConditionContext(
  model: Monaco.editor.ITextModel,
  context: () => CompileOptions,
): () => void {
  const key = model.uri.toString();
  contexts.set(key, context);
  return () => {
    if (contexts.get(key) === context) contexts.delete(key);
  };
}

const functionNames = CONDITION_FUNCTIONS.flatMap((f) => [f.name, ...f.aliases]);

const words = (stageNames: readonly string[]): ConditionWords => ({
  keywords: new Set(KEYWORDS),
  functions: new Set(functionNames),
  stages: new Set(stageNames),
});

/** Monaco's tokens are named with the language as a suffix, as Monarch names them. */
const SUFFIX = `.${CONDITION_LANGUAGE}`;

/** The one state: nothing in a condition spans lines. */
const LINE_START: Monaco.languages.IState = {
  clone: () => LINE_START,
  equals: (other) => other === LINE_START,
};

function tokensProvider(names: ConditionWords): Monaco.languages.TokensProvider {
  return {
    getInitialState: () => LINE_START,
    tokenize: (line) => ({
      tokens: tokenizeConditionLine(line, names).map((t) => ({
        startIndex: t.startIndex,
        scopes: t.type + SUFFIX,
      })),
      endState: LINE_START,
    }),
  };
}

const completionKinds: Record<CompletionKind, Monaco.languages.CompletionItemKind> = {
  field: monaco.languages.CompletionItemKind.Field,
  stage: monaco.languages.CompletionItemKind.Class,
  function: monaco.languages.CompletionItemKind.Function,
  method: monaco.languages.CompletionItemKind.Method,
  keyword: monaco.languages.CompletionItemKind.Keyword,
};

function rangeOf(model: Monaco.editor.ITextModel, start: number, end: number): Monaco.IRange {
  const a = model.getPositionAt(start);
  const b = model.getPositionAt(end);
  return {
    startLineNumber: a.lineNumber,
    startColumn: a.column,
    endLineNumber: b.lineNumber,
    endColumn: b.column,
  };
}

let registered = false;
let grammarStages = '';

/** Registers the language and providers once; cheap to call from every editor. */
export function registerConditionLanguage(): void {
  if (registered) return;
  registered = true;
  monaco.languages.register({ id: CONDITION_LANGUAGE });
  monaco.languages.setLanguageConfiguration(CONDITION_LANGUAGE, {
    brackets: [
      ['(', ')'],
      ['[', ']'],
    ],
    autoClosingPairs: [
      { open: '(', close: ')' },
      { open: '[', close: ']' },
      { open: "'", close: "'", notIn: ['string'] },
      { open: '"', close: '"', notIn: ['string'] },
    ],
    wordPattern: /[a-zA-Z_$][\w$]*/,
  });
  monaco.languages.setTokensProvider(CONDITION_LANGUAGE, tokensProvider(words([])));
  monaco.languages.registerCompletionItemProvider(CONDITION_LANGUAGE, {
    triggerCharacters: ['.', '('],
    provideCompletionItems(model, position) {
      const context = contexts.get(model.uri.toString());
      if (!context) return { suggestions: [] };
      const source = model.getValue();
      const items = completionsAt(source, model.getOffsetAt(position), context());
      return {
        suggestions: items.map((item, i) => ({
          label: item.label,
          kind: completionKinds[item.kind],
          detail: item.detail,
          documentation: item.documentation ? { value: item.documentation } : undefined,
          insertText: item.insertText,
          range: rangeOf(model, item.range.start, item.range.end),
          // Keep the engine's order: fields, then functions, then keywords.
          sortText: String(i).padStart(4, '0'),
        })),
      };
    },
  });
  monaco.languages.registerHoverProvider(CONDITION_LANGUAGE, {
    provideHover(model, position) {
      const context = contexts.get(model.uri.toString());
      if (!context) return null;
      const hover = hoverAt(model.getValue(), model.getOffsetAt(position), context());
      if (!hover) return null;
      return {
        range: rangeOf(model, hover.range.start, hover.range.end),
        contents: [{ value: hover.markdown }],
      };
    },
  });
}

/** Highlights the pattern's stage names (re-tokenizes only when the set of names changes). */
export function setGrammarStages(stageNames: readonly string[]): void {
  const key = [...stageNames].sort().join('\u0000');
  if (key === grammarStages) return;
  grammarStages = key;
  monaco.languages.setTokensProvider(CONDITION_LANGUAGE, tokensProvider(words(stageNames)));
}

/**
 * For the typing bench only (bench/typing-floor.ts), when localStorage `cepheus.benchHooks` is "1":
 * a bare Monaco editor laid over the app gets the condition language with the same completion and
 * hover context as a condition editor already open, to tell the language's cost from the app's.
 */
if (globalThis.localStorage?.getItem('cepheus.benchHooks') === '1') {
  Object.assign(globalThis, {
    cepheusConditionBench: {
      setConditionContext,
      contextOf: (uri: string) => contexts.get(uri),
    },
  });
}
