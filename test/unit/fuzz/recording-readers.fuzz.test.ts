/**
 * The recording readers shared by the CLI and the import, on random bytes and mangled files:
 * every row is either a record or a problem with a plausible 1-based line, lines never go back,
 * and the only error that ends a read is SourceFormatError (broken structure, bytes that are not
 * UTF-8) with its line inside the file. Nothing hangs (a run is bounded by the test timeout).
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openTextSource, SourceOpenError } from '../../../node/recordings/open-source';
import { readRows } from '../../../node/recordings/read-rows';
import { SourceFormatError, type SourceRow } from '../../../node/recordings/source-row';
import type { CsvDelimiter, SourceFormat } from '../../../node/recordings/formats';
import { fuzzParams, fuzzTimeout } from './fuzz-settings';

const dir = mkdtempSync(path.join(tmpdir(), 'cepheus-fuzz-readers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield await Promise.resolve(text.slice(i, i + size));
}

/** Reads everything; returns the rows, or the SourceFormatError that stopped the read. */
async function readAllRows(chunks: AsyncIterable<string>, format: SourceFormat, delimiter?: CsvDelimiter) {
  const rows: SourceRow[] = [];
  try {
    for await (const batch of readRows(chunks, { format, delimiter })) rows.push(...batch);
    return { rows, error: null };
  } catch (error) {
    if (!(error instanceof SourceFormatError)) throw error;
    return { rows, error };
  }
}

function checkRows(rows: readonly SourceRow[], lines: number): void {
  let last = 1;
  for (const row of rows) {
    expect(row.line).toBeGreaterThanOrEqual(last);
    expect(row.line).toBeLessThanOrEqual(lines);
    last = row.line;
    if ('problem' in row) expect(row.problem.length).toBeGreaterThan(0);
    else expect(typeof row.record).toBe('object');
  }
}

/** Text like an event file, then mangled: fragments of JSON/CSV syntax, quotes, bytes, line breaks. */
const eventLike = fc
  .array(
    fc.oneof(
      fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '\n', '\r\n', ';', '\t', ' ', 'null', 'true'),
      fc.constantFrom('{"ts":1,"user":"u","name":"a"}\n', 'ts,user,name\n', '1,u,"a\nb"\n', '"x""y",2\n'),
      fc.string({ maxLength: 6 }),
      fc.integer({ min: -1e6, max: 1e6 }).map(String),
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''));

describe('fuzz: recording readers', () => {
  it(
    'JSON Lines, JSON arrays and CSV on mangled text: rows or a located SourceFormatError',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          eventLike,
          fc.constantFrom<SourceFormat>('jsonl', 'json-array', 'csv'),
          fc.constantFrom<CsvDelimiter>(',', ';', '\t'),
          fc.integer({ min: 1, max: 64 }),
          async (text, format, delimiter, size) => {
            const lines = text.split('\n').length;
            const { rows, error } = await readAllRows(chunked(text, size), format, delimiter);
            checkRows(rows, lines);
            if (error) {
              expect(error.line).toBeGreaterThanOrEqual(1);
              expect(error.line).toBeLessThanOrEqual(lines);
            }
            // Chunk boundaries never change what is read (a fatal error drops its unfinished batch).
            const whole = await readAllRows(chunked(text, text.length + 1), format, delimiter);
            expect(whole.error?.message ?? null).toBe(error?.message ?? null);
            if (!error) expect(whole.rows).toEqual(rows);
          },
        ),
        fuzzParams(3_000),
      );
    },
    fuzzTimeout(120_000),
  );

  it(
    'files of random bytes, plain or gzipped: UTF-8 text reads as written, binary data is said so, other bytes are named by line',
    async () => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.uint8Array({ maxLength: 300 }),
            fc.string({ unit: 'grapheme', maxLength: 100 }).map((s) => new TextEncoder().encode(s)),
          ),
          fc.boolean(),
          async (bytes, gzip) => {
            const raw = Buffer.from(bytes);
            const file = path.join(dir, `f${n++}`);
            writeFileSync(file, gzip ? gzipSync(raw) : raw);
            const source = await openTextSource(file);
            let text = '';
            try {
              for await (const chunk of source.chunks) text += chunk;
            } catch (error) {
              expect(() => new TextDecoder('utf-8', { fatal: true }).decode(raw)).toThrow();
              // Binary data is said as such; text in another encoding is named by its line.
              if (error instanceof SourceOpenError) {
                expect(error.message).toMatch(/^This file is .*, so it cannot be read as events/);
                return;
              }
              expect(error).toBeInstanceOf(SourceFormatError);
              const lines = raw.toString('latin1').split('\n').length;
              expect((error as SourceFormatError).line).toBeLessThanOrEqual(lines);
              return;
            } finally {
              source.close();
            }
            const expected = new TextDecoder('utf-8', { fatal: true }).decode(raw);
            expect(text).toBe(expected);
          },
        ),
        fuzzParams(1_500),
      );
    },
    fuzzTimeout(120_000),
  );
});
