/** Context-aware completion for the condition editor: fields, stages, functions, methods, keywords. */
import type { EventSchema } from '../pattern/spec';
import type { CompileOptions } from './condition';
import { cursorContext, enclosingCall, pathBeforeDot } from './editor-context';
import { CONDITION_FUNCTIONS, type FunctionDoc } from './functions';

export type CompletionKind = 'field' | 'stage' | 'function' | 'method' | 'keyword';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  /** Short type or signature shown next to the label. */
  detail: string;
  documentation?: string;
  insertText: string;
  /** Offsets of the text the item replaces (the word being typed). */
  range: { start: number; end: number };
}

const AGGREGATE_FUNCTIONS = new Set(['count', 'sum', 'avg', 'min', 'max', 'first', 'last']);

const KEYWORD_DOCS: Record<string, string> = {
  true: 'The boolean true.',
  false: 'The boolean false.',
  null: 'No value: a missing field is null. Test with `x == null` / `x != null`.',
  and: 'Logical and (same as `&&`).',
  or: 'Logical or (same as `||`).',
  not: 'Logical not (same as `!`); `x not in [..]` tests absence from a list.',
  in: '`x in [a, b]` is true when x equals one of the items.',
};

/** Field names directly below `prefix` ("" for top level), from the dotted schema names. */
function childFields(
  schema: EventSchema | undefined,
  prefix: string[],
): { name: string; type: string; description?: string }[] {
  if (!schema) return [];
  const seen = new Map<string, { name: string; type: string; description?: string }>();
  for (const f of schema.fields) {
    const parts = f.name.split('.');
    if (parts.length <= prefix.length || prefix.some((p, i) => parts[i] !== p)) continue;
    const name = parts[prefix.length];
    const leaf = parts.length === prefix.length + 1;
    if (!seen.has(name) || leaf)
      seen.set(name, leaf ? { name, type: f.type, description: f.description } : { name, type: 'object' });
  }
  return [...seen.values()];
}

function functionItem(
  f: FunctionDoc,
  kind: 'function' | 'method',
  range: { start: number; end: number },
): CompletionItem {
  return {
    label: f.name,
    kind,
    detail: f.signature,
    documentation: `${f.description}\n\nExample: \`${f.example}\``,
    insertText: `${f.name}(`,
    range,
  };
}

export function completionsAt(source: string, offset: number, options: CompileOptions): CompletionItem[] {
  try {
    return complete(typeof source === 'string' ? source : '', offset, options);
  } catch {
    return [];
  }
}

function complete(source: string, offset: number, options: CompileOptions): CompletionItem[] {
  const at = Math.max(0, Math.min(offset, source.length));
  const { tokens, index } = cursorContext(source, at);
  const here = index >= 0 ? tokens[index] : undefined;
  if (
    here &&
    (here.kind === 'string' ||
      (here.kind === 'error' && /^['"]/.test(source.slice(here.start))) ||
      here.kind === 'number') &&
    at > here.start
  )
    return [];
  const typing = here?.kind === 'ident' && at > here.start ? here : undefined;
  const prefix = typing ? source.slice(typing.start, at) : '';
  const range = { start: typing ? typing.start : at, end: typing ? typing.end : at };
  // Index of the first token at or after the word being typed.
  const wordIndex = typing ? index : tokens.findIndex((t) => t.start >= at);
  const before = wordIndex < 0 ? tokens.length : wordIndex;
  const prev = tokens[before - 1];
  const stages = options.stages ?? [];
  const callee = enclosingCall(tokens, before);
  const inAggregate = callee !== null && AGGREGATE_FUNCTIONS.has(callee);
  const items: CompletionItem[] = [];
  const fieldItems = (parts: string[]): void => {
    for (const f of childFields(options.schema, parts))
      items.push({
        label: f.name,
        kind: 'field',
        detail: f.type,
        documentation: f.description,
        insertText: f.name,
        range,
      });
  };

  if (prev?.kind === 'punct' && prev.text === '.') {
    const path = pathBeforeDot(tokens, before - 1);
    if (!path) return [];
    const root = path.parts[0] ?? '';
    const stageFields = (inAggregate && stages.includes(root)) || /^(first|last)\(/.test(root);
    if (stageFields) fieldItems(path.parts.slice(1));
    else {
      fieldItems(path.parts);
      for (const f of CONDITION_FUNCTIONS) if (f.method) items.push(functionItem(f, 'method', range));
    }
  } else {
    if (inAggregate) {
      for (const s of stages)
        items.push({
          label: s,
          kind: 'stage',
          detail: s === options.currentStage ? 'stage (this one)' : 'stage',
          documentation: `Events already bound to stage '${s}' in the current partial match.`,
          insertText: s,
          range,
        });
    }
    // The argument of an aggregate is a stage; nothing else belongs there.
    const aggregateArgument =
      inAggregate && callee !== 'min' && callee !== 'max' && prev?.kind === 'punct' && prev.text === '(';
    if (!aggregateArgument) {
      fieldItems([]);
      for (const f of CONDITION_FUNCTIONS) items.push(functionItem(f, 'function', range));
      for (const [k, doc] of Object.entries(KEYWORD_DOCS))
        items.push({
          label: k,
          kind: 'keyword',
          detail: 'keyword',
          documentation: doc,
          insertText: k,
          range,
        });
    }
  }
  const lower = prefix.toLowerCase();
  return items.filter((i) => i.label.toLowerCase().startsWith(lower));
}

export { KEYWORD_DOCS };
