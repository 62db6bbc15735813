/**
 * Streams events from a file: JSON Lines (.jsonl/.ndjson), a JSON array (.json) or CSV (.csv),
 * each optionally gzipped (.gz). Bad input stops the run with the file, line and reason.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse';
import { parseJsonText } from '../engine/format';
import type { EventRecord } from '../engine/pattern/spec';
import { CliError } from './errors';

export type EventFileKind = 'jsonl' | 'json' | 'csv';

export function eventFileKind(file: string): EventFileKind {
  const name = file.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'jsonl';
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.csv')) return 'csv';
  throw new CliError(`Cannot tell the format of "${file}": use .jsonl, .ndjson, .json or .csv (optionally .gz).`, 2);
}

function open(file: string): Readable {
  if (!existsSync(file)) throw new CliError(`Cannot find the events file "${file}".`, 2);
  const raw = createReadStream(file);
  return file.toLowerCase().endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
}

function asEvent(value: unknown, where: string): EventRecord {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new CliError(`${where}: an event must be a JSON object, not ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}.`);
  return value as EventRecord;
}

async function* jsonLines(file: string, input: Readable): AsyncGenerator<EventRecord> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    const parsed = parseJsonText(line);
    if (!parsed.ok) throw new CliError(`${file} line ${n}: ${parsed.diagnostic.message.replace(/at line 1, column (\d+)/, 'at column $1')}`);
    yield asEvent(parsed.value, `${file} line ${n}`);
  }
}

async function readAll(input: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

async function* jsonArray(file: string, input: Readable): AsyncGenerator<EventRecord> {
  const parsed = parseJsonText(await readAll(input));
  if (!parsed.ok) throw new CliError(`${file}: ${parsed.diagnostic.message}`);
  if (!Array.isArray(parsed.value)) throw new CliError(`${file}: a .json events file must hold an array of event objects.`);
  let i = 0;
  for (const item of parsed.value) yield asEvent(item, `${file} item ${i++}`);
}

async function* csv(file: string, input: Readable): AsyncGenerator<EventRecord> {
  // cast: numbers and booleans become numbers and booleans, as they would be in JSON.
  const parser = input.pipe(parseCsv({ columns: true, cast: (v) => (v === 'true' ? true : v === 'false' ? false : v !== '' && !Number.isNaN(Number(v)) && /^\s*-?[\d.]/.test(v) ? Number(v) : v), skip_empty_lines: true }));
  try {
    for await (const row of parser) yield row as EventRecord;
  } catch (e) {
    throw new CliError(`${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Read errors (a corrupt .gz, a vanished file) become a message about the file, not a crash. */
async function* guarded(file: string, events: AsyncGenerator<EventRecord>): AsyncGenerator<EventRecord> {
  try {
    yield* events;
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`Cannot read the events file "${file}": ${e instanceof Error ? e.message : String(e)}`, 2);
  }
}

export function readEvents(file: string): AsyncGenerator<EventRecord> {
  const kind = eventFileKind(file);
  const input = open(file);
  if (kind === 'jsonl') return guarded(file, jsonLines(file, input));
  if (kind === 'json') return guarded(file, jsonArray(file, input));
  return guarded(file, csv(file, input));
}
