/** One entry point for all formats: batches of rows with their line numbers. */
import type { CsvDelimiter, SourceFormat } from './formats';
import { readCsv } from './csv-rows';
import { readJsonArray } from './json-array-rows';
import { readJsonLines } from './jsonl-rows';
import type { SourceRow } from './source-row';

export interface ReadOptions {
  format: SourceFormat;
  delimiter?: CsvDelimiter;
  /** The text is only the head of the file: an unfinished structure at its end is not an error. */
  partial?: boolean;
}

export function readRows(chunks: AsyncIterable<string>, options: ReadOptions): AsyncIterable<SourceRow[]> {
  switch (options.format) {
    case 'csv':
      return readCsv(chunks, options.delimiter ?? ',');
    case 'jsonl':
      return readJsonLines(chunks);
    case 'json-array':
      return readJsonArray(chunks, { partial: options.partial ?? false });
  }
}
