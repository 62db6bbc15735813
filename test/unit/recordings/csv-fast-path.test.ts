import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ColumnTypeRules } from '../../../electron/services/recordings/import/column-types';
import { CsvEventEncoder } from '../../../electron/services/recordings/import/csv-event-encoder';
import { IsoTimestampReader } from '../../../electron/services/recordings/import/iso-timestamp';
import { SchemaBuilder } from '../../../electron/services/recordings/inspect/schema-builder';
import { parseTimestamp } from '../../../electron/services/recordings/inspect/timestamps';
import { toRecord } from '../../../node/recordings/csv-rows';

const HEADER = ['id', 'ts', 'amount', 'flag', 'note', 'a "quoted" name', 'when'];

/** Cells that hit every branch of cell typing: numbers canonical or not, booleans, dates, escapes. */
const cell = fc.oneof(
  fc.constantFrom(
    '',
    '0',
    '-0',
    '1.0',
    '1.50',
    '0.5',
    '-0.5',
    '007',
    '1e3',
    '1E-7',
    '1e400',
    '0.000001',
    '0.0000001',
    '-0.0000001',
    '123456789012345',
    '1234567890123456',
    '12345678901234567890',
    '247.95',
    '-',
    '-x',
    '12ab',
  ),
  fc.constantFrom(
    'true',
    'FALSE',
    'True',
    'tru',
    'falsey',
    'null',
    '"',
    '\\',
    'a\nb',
    'tab\there',
    '\u0001',
    '\ud800',
    '😀',
    'ünï',
    '\u2028',
  ),
  fc.constantFrom(
    '2026-03-02T09:00:00.000Z',
    '2026-02-30',
    '2026-03-02',
    '1999-12-31 23:59',
    'card-123456',
    '2026-13-01T00:00:00Z',
  ),
  fc.double({ noNaN: true }).map(String),
  fc.integer({ min: -1e6, max: 1e6 }).map((n) => (n / 100).toString()),
  fc.stringMatching(/^-?\d{1,18}(\.\d{1,9})?$/),
  fc.string(),
);

describe('CsvEventEncoder', () => {
  it('writes exactly the JSON of the record the general path builds, and the same schema', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: HEADER.length, maxLength: HEADER.length }), {
          minLength: 1,
          maxLength: 30,
        }),
        (rows) => {
          const encoder = CsvEventEncoder.forHeader(HEADER, 'ts', 'id');
          expect(encoder).not.toBeNull();
          const general = new SchemaBuilder();
          for (const cells of rows) {
            const record = toRecord(HEADER, cells);
            expect(encoder!.encode(cells)).toBe(JSON.stringify(record));
            expect(encoder!.key(cells)).toStrictEqual(record.id);
            expect(encoder!.timestamp(cells)).toStrictEqual(record.ts);
            general.add(record);
          }
          const fast = new SchemaBuilder();
          fast.addColumns(encoder!.rows, encoder!.schemaColumns());
          // The timestamp column's type is decided by the import, not by what it held.
          const withoutTs = (fields: ReturnType<SchemaBuilder['build']>) =>
            fields.map((f) => (f.name === 'ts' ? { ...f, type: 'timestamp' } : f));
          expect(withoutTs(fast.build())).toEqual(withoutTs(general.build()));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds exactly the problem the general path finds in the enforced column types', () => {
    const types = fc.constantFrom('number', 'boolean', 'string', 'any', undefined);
    fc.assert(
      fc.property(
        fc.array(types, { minLength: HEADER.length, maxLength: HEADER.length }),
        fc.array(fc.array(cell, { minLength: HEADER.length, maxLength: HEADER.length }), { maxLength: 20 }),
        (chosen, rows) => {
          const columnTypes = Object.fromEntries(
            HEADER.flatMap((name, i) => (chosen[i] === undefined ? [] : [[name, chosen[i]]])),
          );
          const encoder = CsvEventEncoder.forHeader(HEADER, 'ts', undefined, columnTypes);
          const rules = ColumnTypeRules.of(columnTypes, 'ts');
          for (const cells of rows)
            expect(encoder?.problem(cells)).toBe(rules?.problem(toRecord(HEADER, cells)) ?? null);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('leaves headers an object would reorder or mangle, and absent fields, to the general path', () => {
    expect(CsvEventEncoder.forHeader(['ts', '1', 'b'], 'ts', undefined)).toBeNull();
    expect(CsvEventEncoder.forHeader(['ts', '__proto__'], 'ts', undefined)).toBeNull();
    expect(CsvEventEncoder.forHeader(['time', 'b'], 'ts', undefined)).toBeNull();
    expect(CsvEventEncoder.forHeader(['ts', 'b'], 'ts', 'user')).toBeNull();
    expect(CsvEventEncoder.forHeader(['ts', 'b'], 'ts', 'b')).not.toBeNull();
  });
});

describe('IsoTimestampReader', () => {
  const reader = new IsoTimestampReader();
  const same = (text: string): void => expect(reader.read(text)).toBe(parseTimestamp(text, 'iso8601'));

  it('reads ISO cells exactly as parseTimestamp, valid or not (the calendar edges: runtime/iso8601.test.ts)', () => {
    for (const text of [
      '2026-03-02T09:00:00.000Z',
      '2023-02-29T00:00:00.000Z',
      '0050-06-01T00:00:00.000Z',
      '2026-01-01T12:00:00+02:00',
      '2026-01-01',
    ])
      same(text);
  });
});
