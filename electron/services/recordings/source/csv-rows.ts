/**
 * CSV through csv-parse: the first record is the header, every later record becomes an object
 * keyed by it. Records with a wrong column count or broken quoting are reported, not thrown.
 */
import { parse, type CsvError, type Info } from 'csv-parse';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { CsvDelimiter } from '../types';
import { cellValue } from './cell-value';
import { SourceFormatError, type SourceRow } from './source-row';

const BATCH = 1000;

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

/** csv-parse reports the line a record ends on; newlines inside quoted cells tell where it began. */
function startLine(endLine: number, cells: string[]): number {
  let newlines = 0;
  for (const cell of cells) {
    if (cell.includes('\n')) newlines += cell.split('\n').length - 1;
  }
  return endLine - newlines;
}

function toRecord(header: string[], cells: string[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (let i = 0; i < header.length; i++) record[header[i]] = cellValue(cells[i]);
  return record;
}

export async function* readCsv(chunks: AsyncIterable<string>, delimiter: CsvDelimiter): AsyncGenerator<SourceRow[]> {
  const skipped: SourceRow[] = [];
  const parser = parse({
    delimiter,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined) => {
      if (error) skipped.push({ line: (error as unknown as Info).lines, problem: `CSV: ${error.message}` });
      return undefined;
    },
  });
  const feeding = pipeline(Readable.from(chunks), parser);
  feeding.catch(() => undefined); // the same error surfaces from the iteration below
  let header: string[] | null = null;
  let batch: SourceRow[] = [];
  for await (const item of parser as AsyncIterable<{ record: string[]; info: Info }>) {
    const { record: cells, info } = item;
    if (skipped.length > 0) batch.push(...skipped.splice(0));
    const line = startLine(info.lines, cells);
    if (header === null) {
      header = headerNames(cells);
      continue;
    }
    if (cells.length !== header.length) {
      batch.push({ line, problem: `expected ${header.length} columns (as in the header), found ${cells.length}` });
    } else {
      batch.push({ line, record: toRecord(header, cells) });
    }
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  await feeding;
  batch.push(...skipped.splice(0));
  if (header === null) throw new SourceFormatError(1, 'the CSV file is empty; expected a header row');
  if (batch.length > 0) yield batch;
}
