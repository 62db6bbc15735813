/** Hover docs for the condition editor: functions, keywords, fields (with schema types), stages. */
import type { SourceRange } from '../pattern/diagnostic';
import { schemaFieldType } from './checker';
import { KEYWORD_DOCS } from './completion';
import type { CompileOptions } from './condition';
import { cursorContext, enclosingCall, pathBeforeDot } from './editor-context';
import { findFunction } from './functions';
import { SourceText } from './source';

export interface Hover {
  range: SourceRange;
  markdown: string;
}

const AGGREGATES = new Set(['count', 'sum', 'avg', 'min', 'max', 'first', 'last']);

export function hoverAt(source: string, offset: number, options: CompileOptions): Hover | null {
  try {
    return hover(typeof source === 'string' ? source : '', offset, options);
  } catch {
    return null;
  }
}

function hover(source: string, offset: number, options: CompileOptions): Hover | null {
  const { tokens, index } = cursorContext(source, offset);
  const tok = index >= 0 ? tokens[index] : undefined;
  if (!tok || tok.kind !== 'ident' || offset >= tok.end + (tok.end === source.length ? 1 : 0)) return null;
  const range = new SourceText(source).range(tok.start, tok.end);
  const next = tokens[index + 1];
  const prev = tokens[index - 1];
  if (next?.kind === 'punct' && next.text === '(') {
    const f = findFunction(tok.text);
    if (!f) return { range, markdown: `Unknown function \`${tok.text}\`.` };
    return {
      range,
      markdown: `\`\`\`\n${f.signature}\n\`\`\`\n${f.description}\n\nExample: \`${f.example}\``,
    };
  }
  const keyword = KEYWORD_DOCS[tok.text];
  if (keyword) return { range, markdown: keyword };
  const stages = options.stages ?? [];
  const callee = enclosingCall(tokens, index);
  const inAggregate = callee !== null && AGGREGATES.has(callee);
  let parts = [tok.text];
  if (prev?.kind === 'punct' && prev.text === '.') {
    const path = pathBeforeDot(tokens, index - 1);
    if (!path) return null;
    parts = [...path.parts, tok.text];
  }
  const root = parts[0];
  let fieldPath = parts;
  if (inAggregate && stages.includes(root)) {
    if (parts.length === 1)
      return {
        range,
        markdown: `**Stage \`${root}\`**${root === options.currentStage ? ' (this stage)' : ''}\n\nThe events already bound to it in the current partial match, oldest first; the candidate event is not included.`,
      };
    fieldPath = parts.slice(1);
  } else if (/^(first|last)\(/.test(root)) {
    fieldPath = parts.slice(1);
  }
  const name = fieldPath.join('.');
  const schema = options.schema;
  const declared = schema?.fields.find((f) => f.name === name);
  const type = schema ? (schemaFieldType(schema, fieldPath) ?? 'unknown field') : 'any (no event schema)';
  const parts2 = [`**Field \`${name}\`**: ${type}`];
  if (declared?.description) parts2.push(declared.description);
  if (stages.includes(root) && !inAggregate && parts.length >= 1 && fieldPath === parts)
    parts2.push(`Note: \`${root}\` is also a stage; here it reads the event field.`);
  return { range, markdown: parts2.join('\n\n') };
}
