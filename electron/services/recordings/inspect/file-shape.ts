/**
 * Recognises files the importer cannot read before any import starts, so the user hears what the
 * file is instead of a list of "malformed rows": binary data under a text name (a workbook saved
 * as .csv, an archive: node/recordings/binary-file.ts, shared with every reader), and one JSON object
 * where events must be an array or one object per line.
 */
import { SourceOpenError } from '../../../../node/recordings/open-source';

export { assertText } from '../../../../node/recordings/binary-file';
import { isProblem, isPlainObject, type SourceRow } from '../../../../node/recordings/source-row';

/** The name and length of a property holding an array of objects (where the events probably are). */
function eventArrayIn(value: unknown): { name: string; length: number } | null {
  if (!isPlainObject(value)) return null;
  for (const [name, inner] of Object.entries(value))
    if (Array.isArray(inner) && inner.length > 0 && inner.every(isPlainObject))
      return { name, length: inner.length };
  return null;
}

function objectMessage(array: { name: string; length: number } | null): string {
  const hint = array
    ? ` Its "${array.name}" property holds an array of ${array.length.toLocaleString('en-US')} objects: save that array as the file's content.`
    : '';
  return `This file is one JSON object, not a list of events. Cepheus reads a JSON array of event objects ([{…}, {…}]) or JSON Lines (one event object per line).${hint}`;
}

/**
 * Throws when a file sniffed as JSON Lines is in fact one JSON object: pretty-printed over several
 * lines (its first line does not parse, the whole text does), or on one line with the events in an
 * array property.
 */
export function assertNotOneObject(head: string, ended: boolean, rows: SourceRow[]): void {
  const first = rows[0];
  if (!first) return;
  if (!isProblem(first)) {
    const array = rows.length === 1 ? eventArrayIn(first.record) : null;
    if (array) throw new SourceOpenError(objectMessage(array));
    return;
  }
  const firstLine = head.slice(0, head.indexOf('\n') === -1 ? head.length : head.indexOf('\n')).trim();
  let whole: unknown = undefined;
  if (ended) {
    try {
      whole = JSON.parse(head);
    } catch (_) {
      // Not one JSON text either: the rows' own problems say what is wrong.
    }
  }
  if (isPlainObject(whole)) throw new SourceOpenError(objectMessage(eventArrayIn(whole)));
  // Too big to parse from its head: a lone "{" (or `{"events": [`) opening the file says the same.
  if (!ended && /^\{\s*("[^"]*"\s*:\s*[[{]?)?$/.test(firstLine))
    throw new SourceOpenError(objectMessage(null));
}
