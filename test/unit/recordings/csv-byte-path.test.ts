import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openEventProducer } from '../../../electron/services/recordings/import/event-batches';
import { payloadStrings } from '../../../electron/services/recordings/import/payload-bytes';
import type { ColumnType, ImportRequest } from '../../../electron/services/recordings/types';

const dir = mkdtempSync(join(tmpdir(), 'cepheus-byte-path-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Cells for every branch of both paths: plain and rewritten numbers, booleans, dates, escapes, unicode. */
const cell = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom('', '0', '-0', '1.0', '1.50', '0.5', '-12.25', '007', '1e3', '1E-7'),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '1e400',
      '0.0000001',
      '123456789012345',
      '1234567890123456',
      '-',
      '-x',
      '12ab',
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom('true', 'FALSE', 'True', 'tru', 'falsey', 'null', 'n/a') },
  {
    weight: 2,
    arbitrary: fc.constantFrom('2026-03-02T09:00:00.000Z', '2026-02-30', '2026-03-02', '1999-12-31 23:59'),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom('card-123456', 'a b', 'x;y', 'tab\there', 'back\\slash', 'del\u007f'),
  },
  { weight: 3, arbitrary: fc.constantFrom('ünï', 'é', '😀', '\u2028', 'a"b', '"', 'two\nlines', 'cr\rin') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
);
const time = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .integer({ min: 0, max: 86_399_999 })
      .map((ms) => new Date(1772442000000 + ms).toISOString()),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', 'x', '2026-03-02T09:00:00Z', '2026-03-02 09:00:00', '1772442000000'),
  },
);
const HEADER = ['ts', 'id', 'amount', 'flag', 'note'];

/** A cell as a CSV writer would put it: quoted when it holds a quote, the delimiter or a line break. */
function quoted(text: string, delimiter: string): string {
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

const row = fc.tuple(
  time,
  fc.array(cell, { minLength: HEADER.length - 1, maxLength: HEADER.length - 1 }),
  fc.constantFrom(0, 0, 0, 0, 0, 0, -1, 1),
  fc.boolean(),
);

const file = fc.record({
  rows: fc.array(row, { minLength: 1, maxLength: 40 }),
  crlf: fc.boolean(),
  delimiter: fc.constantFrom(',', ';', '\t'),
  header: fc.constantFrom(HEADER, [...HEADER.slice(0, 4), 'nöte'], [...HEADER.slice(0, 4), 'a\\b']),
  types: fc.array(fc.constantFrom<ColumnType | undefined>('number', 'boolean', 'string', 'any', undefined), {
    minLength: HEADER.length,
    maxLength: HEADER.length,
  }),
  key: fc.constantFrom<string | undefined>('id', 'amount', undefined),
  reject: fc.boolean(),
});

type Case = typeof file extends fc.Arbitrary<infer T> ? T : never;

function csvText(c: Case): string {
  const eol = c.crlf ? '\r\n' : '\n';
  const lines = [c.header.join(c.delimiter)];
  for (const [ts, rest, extra, blankAfter] of c.rows) {
    const cells = [ts, ...rest].map((text) => quoted(text, c.delimiter));
    if (extra < 0) cells.pop();
    if (extra > 0) cells.push('extra');
    lines.push(cells.join(c.delimiter));
    if (blankAfter) lines.push('');
  }
  return lines.join(eol) + (c.rows.length % 2 === 0 ? eol : '');
}

/** Everything a producer gives an import: each event's time, key and payload, then the summary. */
async function produced(path: string, request: ImportRequest, bytePath: boolean) {
  const producer = await openEventProducer(request, { bytePath });
  try {
    const events: [number, string | null, string][] = [];
    let payloadBytes = 0;
    let malformed = 0;
    for await (const batch of producer.batches) {
      const payloads = payloadStrings(batch.payloads);
      for (let i = 0; i < batch.ts.length; i++) events.push([batch.ts[i], batch.keys[i], payloads[i]]);
      payloadBytes += batch.payloadBytes;
      expect(batch.payloadBytes).toBe(payloads.reduce((n, p) => n + Buffer.byteLength(p), 0));
      malformed = batch.malformedTotal;
    }
    return { events, payloadBytes, malformed, summary: await producer.summary(), path };
  } finally {
    producer.close();
  }
}

let n = 0;
describe('the CSV byte path (quote-free printable ASCII lines read in place)', () => {
  it('gives exactly what the cell path gives: events, payloads, keys, schema, malformed rows', async () => {
    await fc.assert(
      fc.asyncProperty(file, async (c) => {
        const path = join(dir, `case-${n++}.csv`);
        writeFileSync(path, csvText(c));
        const columnTypes = Object.fromEntries(
          c.header.flatMap((name, i) => (c.types[i] === undefined ? [] : [[name, c.types[i]]])),
        ) as Record<string, ColumnType>;
        const request: ImportRequest = {
          path,
          name: 'p',
          timestampField: 'ts',
          timestampFormat: 'iso8601',
          onMalformed: c.reject ? 'reject' : 'skip',
          columnTypes,
          ...(c.key ? { keyField: c.key } : {}),
        };
        const general = await produced(path, request, false);
        const bytes = await produced(path, request, true);
        expect(bytes).toEqual(general);
      }),
      { numRuns: 400 },
    );
  });

  it('takes the lines it is meant for (the comparison above is not between two general paths)', async () => {
    const path = join(dir, 'plain.csv');
    writeFileSync(path, 'ts,id,amount\n2026-03-02T09:00:00.000Z,card-1,1.5\n2026-03-02T09:00:01.000Z,ü,2\n');
    const request: ImportRequest = {
      path,
      name: 'p',
      timestampField: 'ts',
      timestampFormat: 'iso8601',
      onMalformed: 'skip',
      keyField: 'id',
    };
    const producer = await openEventProducer(request);
    const batches = [];
    for await (const batch of producer.batches) batches.push(batch);
    producer.close();
    expect(batches).toHaveLength(1);
    // The first row's payload is ASCII and was written by the byte path, the second by the cell path.
    expect(payloadStrings(batches[0].payloads)).toEqual([
      '{"ts":"2026-03-02T09:00:00.000Z","id":"card-1","amount":1.5}',
      '{"ts":"2026-03-02T09:00:01.000Z","id":"ü","amount":2}',
    ]);
    expect(batches[0].payloads.ascii).toBe(false);
  });
});
