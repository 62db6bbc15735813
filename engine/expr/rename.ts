/**
 * Rename refactoring: every reference to a stage in a condition (`count(old)`, `last(old).price`,
 * `sum(old.amount)`, the method forms) rewritten to a new name, as an IDE's rename would. Only the
 * stage position of an aggregate's argument is a stage reference; an event field that happens to
 * share the name is left alone. Text that does not parse is returned unchanged.
 */
import { pathOf, walk } from './ast';
import { KEYWORDS, parseCondition } from './parser';

const AGGREGATES = new Set(['count', 'sum', 'avg', 'min', 'max', 'first', 'last']);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Whether `name` can be written as a stage reference in a condition. */
export function isReferenceableName(name: string): boolean {
  return IDENTIFIER.test(name) && !(KEYWORDS as readonly string[]).includes(name);
}

export function renameStageReferences(source: string, from: string, to: string): string {
  if (from === to || !source.includes(from) || !isReferenceableName(to)) return source;
  const { ast } = parseCondition(source);
  if (!ast) return source;
  const spans: { start: number; end: number }[] = [];
  walk(ast, (node) => {
    if (node.kind !== 'call' || !AGGREGATES.has(node.callee)) return;
    if ((node.callee === 'min' || node.callee === 'max') && node.args.length === 2) return;
    const path = node.args[0] ? pathOf(node.args[0]) : null;
    if (path?.root === from) spans.push({ start: path.rootRange.start, end: path.rootRange.end });
  });
  let out = source;
  for (const span of spans.sort((a, b) => b.start - a.start))
    out = out.slice(0, span.start) + to + out.slice(span.end);
  return out;
}
