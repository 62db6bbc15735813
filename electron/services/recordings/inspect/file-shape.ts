/**
 * Recognises files the importer cannot read before any import starts, so the user hears what the
 * file is instead of a list of "malformed rows": binary data under a text name (a workbook saved
 * as .csv, an archive), and one JSON object where events must be an array or one object per line.
 */
import { SourceOpenError } from '../../../../node/recordings/open-source';
import { isProblem, isPlainObject, type SourceRow } from '../../../../node/recordings/source-row';

/** Known binary signatures, as their first bytes read as UTF-8 text. */
const SIGNATURES: { prefix: string; what: string }[] = [
  { prefix: 'PK\u0003\u0004', what: 'a ZIP archive (an Excel .xlsx workbook is one)' },
  { prefix: 'SQLite format 3\u0000', what: 'an SQLite database' },
  { prefix: '%PDF-', what: 'a PDF document' },
  { prefix: '\u0089PNG', what: 'a PNG image' },
  { prefix: 'PAR1', what: 'a Parquet file' },
];
const OLE2 = 0xfffd; // D0 CF 11 E0 (old Excel .xls) is not UTF-8: it decodes to replacement characters.

const CHECKED_CHARS = 8192;

/** Control characters other than tab, line feed, form feed and carriage return, plus U+FFFD (invalid UTF-8). */
function isBinaryChar(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === OLE2;
}

/** Throws when the head of the file is binary rather than text. */
export function assertText(head: string): void {
  const sample = head.slice(0, CHECKED_CHARS);
  const known = SIGNATURES.find((s) => sample.startsWith(s.prefix));
  let odd = 0;
  let nul = false;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) nul = true;
    if (isBinaryChar(code)) odd += 1;
  }
  if (!known && !nul && odd <= sample.length * 0.01) return;
  const what = known?.what ?? 'binary data, not text';
  throw new SourceOpenError(
    `This file is ${what}, so it cannot be read as events. Cepheus reads text files: CSV (UTF-8), JSON Lines or a JSON array, optionally gzip-compressed. Export the data to one of these (e.g. "Save as CSV UTF-8") and import that file.`,
  );
}

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
