/**
 * What the condition editor shows inline while a replay is open, like a debugger's inline values:
 * at the end of each line the event fields read there (`amount = 812`), after the last line the
 * condition's result (`→ true`), and after each inner boolean clause its own value. Everything comes
 * from the engine's evaluation (ConditionValue.values); no user text is evaluated here. Offsets are
 * in the editor's text, which may differ from the evaluated source only by surrounding whitespace.
 */
import type { ConditionValue } from '../../replay/overlay';
import { eventLabel } from '../../../engine/debug/event-label';
import { conditionKey } from './cursor-request';

export type InlineKind = 'true' | 'false' | 'error' | 'value' | 'note';

export interface InlineValue {
  /** Offset in the editor text after which the value is shown. */
  offset: number;
  text: string;
  kind: InlineKind;
}

const REFERENCE = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;
const LITERALS = new Set(['true', 'false', 'null']);
const MAX_VALUE = 40;

/** A value as the condition language would write it, cut short when long. */
export function formatInlineValue(value: unknown): string {
  let text: string;
  if (value === undefined) text = 'missing';
  else if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value === 'number' || typeof value === 'boolean' || value === null) text = String(value);
  // Functions and symbols do not come out of the engine's JSON reports.
  else text = JSON.stringify(value) ?? typeof value;
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/** The condition of `editorKey` among the store's per-node values, if it was evaluated in this step. */
export function conditionValueFor(
  byNode: Record<string, ConditionValue[]>,
  editorKey: string,
): ConditionValue | undefined {
  for (const [nodeId, list] of Object.entries(byNode)) {
    for (const cv of list) {
      const index = Number(/\.or\[(\d+)\]$/.exec(cv.label)?.[1] ?? 0);
      if (conditionKey(nodeId, cv.field, index) === editorKey) return cv;
    }
  }
  return undefined;
}

/** Where the evaluated source starts in the editor text, or null when the text was edited since. */
function shiftOf(editorText: string, source: string): number | null {
  if (editorText === source) return 0;
  const trimmed = source.trim();
  if (trimmed === '' || editorText.trim() !== trimmed) return null;
  return editorText.indexOf(trimmed) - source.indexOf(trimmed);
}

/** Offset of the end of the line holding `offset`. */
function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl;
}

/**
 * Inline values for one condition editor. `value` is undefined when the open replay did not test
 * this condition in the current step; `currentSeq` is the current event (values computed on an
 * earlier event that the watermark released in this step say which one).
 */
export function inlineValuesFor(
  editorText: string,
  value: ConditionValue | undefined,
  currentSeq: number | undefined,
): InlineValue[] {
  const end = editorText.trimEnd().length;
  if (!value)
    return editorText.trim() === '' ? [] : [{ offset: end, text: 'not tested in this step', kind: 'note' }];
  const shift = shiftOf(editorText, value.source);
  if (shift === null) return [{ offset: end, text: 'edited since the replay started', kind: 'note' }];
  if (value.values.length === 0)
    return [{ offset: end, text: 'cannot evaluate on this event', kind: 'error' }];

  const rootEnd = Math.max(...value.values.map((v) => v.end));
  const out: InlineValue[] = [];

  // Inner boolean clauses: the outermost one ending at each place (nested ones would read twice).
  const clauses = new Map<number, { start: number; value: boolean }>();
  for (const v of value.values) {
    if (typeof v.value !== 'boolean' || REFERENCE.test(v.text) || LITERALS.has(v.text)) continue;
    // The clause that ends the condition is shown by the result itself.
    if (v.end === rootEnd) continue;
    const seen = clauses.get(v.end);
    if (!seen || v.start < seen.start) clauses.set(v.end, { start: v.start, value: v.value });
  }
  for (const [at, c] of clauses)
    out.push({ offset: at + shift, text: String(c.value), kind: c.value ? 'true' : 'false' });

  // Field values, once each, at the end of the line where they are first read.
  const fields = new Map<number, string[]>();
  const shown = new Set<string>();
  for (const v of [...value.values].sort((a, b) => a.start - b.start)) {
    if (!REFERENCE.test(v.text) || LITERALS.has(v.text) || shown.has(v.text)) continue;
    shown.add(v.text);
    const at = lineEnd(editorText, v.start + shift);
    fields.set(at, [...(fields.get(at) ?? []), `${v.text} = ${formatInlineValue(v.value)}`]);
  }
  const last = lineEnd(editorText, rootEnd + shift);
  const onEvent = currentSeq !== undefined && value.seq !== currentSeq ? `on ${eventLabel(value.seq)}: ` : '';
  for (const [at, parts] of [...fields].sort((a, b) => a[0] - b[0])) {
    out.push({ offset: at, text: `${at === last ? onEvent : ''}${parts.join(', ')}`, kind: 'value' });
  }
  const resultText = `${!fields.has(last) ? onEvent : ''}→ ${value.result}`;
  out.push({ offset: last, text: resultText, kind: value.result ? 'true' : 'false' });
  return out.sort((a, b) => a.offset - b.offset);
}
