/**
 * CSV: the first record is the header, every later record becomes an object keyed by it.
 * Records with a wrong column count or broken quoting are reported, not thrown.
 */
import type { CsvDelimiter } from './formats';
import { cellValue } from './cell-value';
import { CsvSplitter, type CsvRecord } from './csv-splitter';
import { SourceFormatError, type ProblemRow, type SourceRow } from './source-row';

/** Blank or repeated header names get unique ones, so no column silently overwrites another. */
export function headerNames(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, index) => {
    const base = cell.trim() === '' ? `column_${index + 1}` : cell.trim();
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}_${count}`;
  });
}

export function toRecord(header: string[], cells: string[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (let i = 0; i < header.length; i++) record[header[i]] = cellValue(cells[i]);
  return record;
}

/**
 * Old Mac files end lines with a lone CR; the splitter only knows LF (and CRLF). Text without
 * any LF but with a CR is CR-only; a CR at the very end of the text read so far waits for the
 * next chunk (its LF may start it), so a CRLF cut by a chunk edge is not taken for two breaks.
 */
export async function* lineFeeds(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let crOnly: boolean | null = null;
  let pending = '';
  for await (const chunk of chunks) {
    if (crOnly === null) {
      pending += chunk;
      const cr = pending.indexOf('\r');
      if (pending.includes('\n')) crOnly = false;
      else if (cr !== -1 && cr < pending.length - 1) crOnly = true;
      else continue;
      const text = pending;
      pending = '';
      yield crOnly ? text.replace(/\r/g, '\n') : text;
      continue;
    }
    yield crOnly ? chunk.replace(/\r/g, '\n') : chunk;
  }
  // Undecided to the end: at most one CR, and it ends the file.
  if (pending !== '') yield pending.replace(/\r/g, '\n');
}

/** One CSV record split into cells, with the header's column count. */
export interface CsvCellsRow {
  line: number;
  cells: string[];
}

/** A batch of records and the header they belong to (the file's first record; empty while none was read). */
export interface CsvCellsBatch {
  header: string[];
  rows: (CsvCellsRow | ProblemRow)[];
}

/**
 * The records as cells, before they become objects: an importer can turn the cells into what it
 * stores directly. Rows whose column count differs from the header's are already problems here.
 */
export async function* readCsvCells(
  chunks: AsyncIterable<string>,
  delimiter: CsvDelimiter,
): AsyncGenerator<CsvCellsBatch> {
  const splitter = new CsvSplitter(delimiter);
  let header: string[] | null = null;
  const toRows = (records: CsvRecord[]): (CsvCellsRow | ProblemRow)[] => {
    const rows: (CsvCellsRow | ProblemRow)[] = [];
    for (const item of records) {
      if ('problem' in item) {
        rows.push(item);
      } else if (header === null) {
        header = headerNames(item.cells);
      } else if (item.cells.length !== header.length) {
        rows.push({
          line: item.line,
          problem: `expected ${header.length} columns (as in the header), found ${item.cells.length}`,
        });
      } else {
        rows.push(item);
      }
    }
    return rows;
  };
  for await (const chunk of lineFeeds(chunks)) {
    const records: CsvRecord[] = [];
    splitter.push(chunk, records);
    const rows = toRows(records);
    if (rows.length > 0) yield { header: header ?? [], rows };
  }
  const records: CsvRecord[] = [];
  splitter.end(records);
  const rows = toRows(records);
  if (header === null) throw new SourceFormatError(1, 'the CSV file is empty; expected a header row');
  if (rows.length > 0) yield { header, rows };
}

export async function* readCsv(
  chunks: AsyncIterable<string>,
  delimiter: CsvDelimiter,
): AsyncGenerator<SourceRow[]> {
  for await (const { header, rows } of readCsvCells(chunks, delimiter)) {
    yield rows.map((row) =>
      'problem' in row ? row : { line: row.line, record: toRecord(header, row.cells) },
    );
  }
}
