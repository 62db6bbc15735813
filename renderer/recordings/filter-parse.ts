/**
 * The event table's filter box: free text searches the event's JSON; `field=value` terms become
 * equality conditions (numbers, true/false and null are typed; quotes keep text as text).
 */
import type { EventFilter, FilterValue } from '../../electron/contract';

function parseValue(raw: string): FilterValue {
  if (/^".*"$|^'.*'$/.test(raw)) return raw.slice(1, -1);
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (raw === 'null') return null;
  if (raw !== '' && Number.isFinite(Number(raw))) return Number(raw);
  return raw;
}

export function parseFilter(text: string): EventFilter {
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
