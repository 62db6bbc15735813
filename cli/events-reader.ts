/**
 * Streams events from a file for `cepheus run`, through the app's recordings readers
 * (node/recordings): the same gzip detection, CSV splitting and cell typing
 * as an import, read in chunks. The format comes from the extension (.jsonl/.ndjson, .json,
 * .csv, optionally .gz); the CSV delimiter is detected. The first bad row stops the run with
 * the file, its line and the reason.
 */
import { existsSync } from 'node:fs';
import { openTextSource } from '../node/recordings/open-source';
import { readRows } from '../node/recordings/read-rows';
import { peekText, sniffFormat } from '../node/recordings/sniff';
import { SourceFormatError } from '../node/recordings/source-row';
import type { SourceFormat } from '../node/recordings/formats';
import type { EventRecord } from '../engine/pattern/spec';
import { CliError } from './errors';

export type EventFileKind = 'jsonl' | 'json' | 'csv';

const FORMAT: Record<EventFileKind, SourceFormat> = { jsonl: 'jsonl', json: 'json-array', csv: 'csv' };

/** Enough text to detect a CSV delimiter from its first records. */
const SNIFF_CHARS = 64 * 1024;

export function eventFileKind(file: string): EventFileKind {
  const name = file.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'jsonl';
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.csv')) return 'csv';
  throw new CliError(
    `Cannot tell the format of "${file}": use .jsonl, .ndjson, .json or .csv (optionally .gz).`,
    2,
  );
}

function readError(file: string, error: unknown): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof SourceFormatError) return new CliError(`${file}: ${error.message}`);
  return new CliError(
    `Cannot read the events file "${file}": ${error instanceof Error ? error.message : String(error)}`,
    2,
  );
}

/** An event and the 1-based line it starts on. */
export interface EventRow {
  line: number;
  record: EventRecord;
}

async function* events(file: string, format: SourceFormat): AsyncGenerator<EventRow> {
  const source = await openTextSource(file);
  try {
    // Gzip is recognised by content; a .gz name on plain text is still a damaged file to the user.
    if (file.toLowerCase().endsWith('.gz') && !source.compressed)
      throw new Error('incorrect header check: the file is named .gz but holds no gzip data');
    const peeked = await peekText(source.chunks, format === 'csv' ? SNIFF_CHARS : 0);
    const delimiter = format === 'csv' ? sniffFormat(peeked.head).delimiter : undefined;
    for await (const batch of readRows(peeked.all, { format, delimiter })) {
      for (const row of batch) {
        if ('problem' in row) throw new CliError(`${file} line ${row.line}: ${row.problem}`);
        yield { line: row.line, record: row.record };
      }
    }
  } catch (error) {
    throw readError(file, error);
  } finally {
    source.close();
  }
}

export function readEventRows(file: string): AsyncGenerator<EventRow> {
  const format = FORMAT[eventFileKind(file)];
  if (!existsSync(file)) throw new CliError(`Cannot find the events file "${file}".`, 2);
  return events(file, format);
}

export async function* readEvents(file: string): AsyncGenerator<EventRecord> {
  for await (const row of readEventRows(file)) yield row.record;
}
