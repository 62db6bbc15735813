/**
 * One JSON text that must hold an event object (a JSON Lines line, a JSON array element). On
 * failure the reason says where: engine/format's scanner finds the first bad spot, since
 * JSON.parse's own messages differ between engines and often lack a position.
 */
import { parseJsonText } from '../../engine';
import { isPlainObject, kindOf } from './source-row';

export type ParsedRecord = { record: Record<string, unknown> } | { problem: string };

function syntaxProblem(text: string, startLine: number): string {
  const parsed = parseJsonText(text);
  const range = parsed.ok ? undefined : parsed.diagnostic.range;
  if (parsed.ok || !range) return 'invalid JSON';
  const reason = parsed.diagnostic.message.replace(/^.*?column \d+: /, '').replace(/\.$/, '');
  const where =
    range.line === 1
      ? `at column ${range.column}`
      : `at line ${startLine + range.line - 1}, column ${range.column}`;
  return `invalid JSON ${where}: ${reason}`;
}

export function parseJsonRecord(text: string, startLine: number): ParsedRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (_) {
    return { problem: syntaxProblem(text, startLine) };
  }
  if (!isPlainObject(value)) return { problem: `expected a JSON object, found ${kindOf(value)}` };
  return { record: value };
}
