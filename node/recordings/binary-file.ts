/**
 * Binary data under a text name (a workbook saved as .csv, an archive, a database): said as what it is,
 * before the readers would call it "not UTF-8" or a list of malformed rows. Used by the import's
 * inspection and by every reader that meets bytes that are not UTF-8.
 */
import { SourceOpenError } from './open-source-error';

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
function isBinaryChar(code: number, replacementIsBinary: boolean): boolean {
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) ||
    (replacementIsBinary && code === OLE2)
  );
}

/**
 * Throws when the head of the file (decoded as UTF-8) is binary rather than text. A reader that has
 * already found bytes that are not UTF-8 passes `replacementIsBinary: false`: in a short Latin-1 file
 * one "é" is over 1% of the text, and that file is text in another encoding, not binary data.
 */
export function assertText(head: string, { replacementIsBinary = true } = {}): void {
  const sample = head.slice(0, CHECKED_CHARS);
  const known = SIGNATURES.find((s) => sample.startsWith(s.prefix));
  let odd = 0;
  let nul = false;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) nul = true;
    if (isBinaryChar(code, replacementIsBinary)) odd += 1;
  }
  if (!known && !nul && odd <= sample.length * 0.01) return;
  const what = known?.what ?? 'binary data, not text';
  throw new SourceOpenError(
    `This file is ${what}, so it cannot be read as events. Cepheus reads text files: CSV (UTF-8), JSON Lines or a JSON array, optionally gzip-compressed. Export the data to one of these (e.g. "Save as CSV UTF-8") and import that file.`,
  );
}
