/**
 * The event table's filter box. A condition in the pattern language (`amount > 10000`,
 * `type == 'transfer' && amount < 1`, `country in ['NL', 'BE']`) is sent as is and checked by the
 * back end; otherwise free text searches the event's JSON and `field=value` terms are equality
 * conditions (numbers, true/false and null are typed; quotes keep text as text).
 */
import type { EventFilter, FilterValue } from '../../electron/contract';

/** Operators only a condition has (a single `=` is the shorthand `field=value`). */
const CONDITION = /==|!=|<|>|&&|\|\||\bin\s*\[|^\s*!/;

export function looksLikeCondition(text: string): boolean {
  return CONDITION.test(text);
}

function parseValue(raw: string): FilterValue {
  if (/^".*"$|^'.*'$/.test(raw)) return raw.slice(1, -1);
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (raw === 'null') return null;
  if (raw !== '' && Number.isFinite(Number(raw))) return Number(raw);
  return raw;
}

/**
 * The schema's fields a filter names, in the order it names them (quoted text is not a name): a
 * narrow event list shows these first, so a filtered row shows why it matched.
 */
export function fieldsNamedIn(text: string, fields: readonly string[]): string[] {
  const names = text.replace(/"[^"]*"|'[^']*'/g, ' ').match(/[A-Za-z_][\w.]*/g) ?? [];
  const known = new Set(fields);
  return [...new Set(names.filter((n) => known.has(n)))];
}

export function parseFilter(text: string): EventFilter {
  if (looksLikeCondition(text)) return { expression: text.trim() };
  const equals: NonNullable<EventFilter['equals']> = [];
  const words: string[] = [];
  for (const term of text.match(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g) ?? []) {
    const eq = /^([A-Za-z_][\w.]*)=(.*)$/.exec(term);
    if (eq?.[1] !== undefined && eq[2] !== undefined) equals.push({ field: eq[1], value: parseValue(eq[2]) });
    else words.push(term.replace(/^["']|["']$/g, ''));
  }
  const filter: EventFilter = {};
  if (equals.length > 0) filter.equals = equals.slice(0, 20);
  const contains = words.join(' ').trim();
  if (contains) filter.contains = contains;
  return filter;
}
