import { describe, expect, it } from 'vitest';
import { openTextSource } from '../../../node/recordings/open-source';
import { readRows } from '../../../node/recordings/read-rows';
import { peekText, sniffFormat } from '../../../node/recordings/sniff';
import type { SourceRow } from '../../../node/recordings/source-row';
import { fixture } from './helpers';

async function readAll(name: string): Promise<{ compressed: boolean; rows: SourceRow[] }> {
  const source = await openTextSource(fixture(name));
  const peeked = await peekText(source.chunks, 1024);
  const rows: SourceRow[] = [];
  for await (const batch of readRows(peeked.all, sniffFormat(peeked.head))) rows.push(...batch);
  source.close();
  return { compressed: source.compressed, rows };
}

const lines = (rows: SourceRow[]): number[] => rows.map((r) => r.line);

describe('format readers on fixture files', () => {
  it('reads a ;-separated CSV with quotes, escaped quotes and a quoted line break', async () => {
    const { rows } = await readAll('trades-semicolon.csv');
    expect(lines(rows)).toEqual([2, 3, 4, 5, 7, 8]);
    expect(rows[0]).toMatchObject({
      record: { symbol: 'ACME', price: 101.5, qty: 10, note: 'opening; first trade' },
    });
    expect(rows[1]).toMatchObject({ record: { note: 'quoted "special" note' } });
    expect(rows[2]).toMatchObject({ record: { note: null } });
    expect(rows[3]).toMatchObject({ record: { note: 'two\nlines' } });
    expect(rows[5]).toMatchObject({ record: { note: '007', price: 0 } });
  });

  it('reads JSON Lines, skipping blank lines but counting them', async () => {
    const { rows } = await readAll('clicks.jsonl');
    expect(lines(rows)).toEqual([1, 2, 4, 5, 6]);
    expect(rows[2]).toMatchObject({ record: { userId: 'u1', items: [1, 2] } });
  });

  it('reads a pretty-printed JSON array with the line each element starts on', async () => {
    const { rows } = await readAll('sensors.json');
    expect(lines(rows)).toEqual([2, 8, 9, 16]);
    expect(rows[2]).toMatchObject({ record: { tags: ['a', 'b]'] } });
  });

  it.each([
    ['trades-semicolon.csv.gz', 'trades-semicolon.csv'],
    ['clicks.jsonl.gz', 'clicks.jsonl'],
    ['sensors.json.gz', 'sensors.json'],
    ['clicks-gzip-without-extension.data', 'clicks.jsonl'],
  ])('decompresses %s by its magic bytes', async (gz, plain) => {
    const [zipped, original] = await Promise.all([readAll(gz), readAll(plain)]);
    expect(zipped.compressed).toBe(true);
    expect(original.compressed).toBe(false);
    expect(zipped.rows).toEqual(original.rows);
  });

  it('reports malformed CSV rows with their lines', async () => {
    const { rows } = await readAll('malformed.csv');
    expect(rows.filter((r) => 'problem' in r)).toEqual([
      { line: 3, problem: 'expected 3 columns (as in the header), found 2' },
      { line: 4, problem: 'expected 3 columns (as in the header), found 4' },
    ]);
    expect(lines(rows)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('reports bad JSON lines and non-objects with their lines', async () => {
    const { rows } = await readAll('malformed.jsonl');
    const problems = rows.filter((r) => 'problem' in r);
    expect(lines(problems)).toEqual([2, 3]);
    expect(problems[0]).toMatchObject({ problem: expect.stringMatching(/^invalid JSON/) as unknown });
    expect(problems[1]).toMatchObject({ problem: 'expected a JSON object, found an array' });
  });

  it('reports bad JSON array elements and keeps reading', async () => {
    const { rows } = await readAll('malformed-elements.json');
    expect(rows.map((r) => ('problem' in r ? `${r.line}!` : `${r.line}`))).toEqual(['2', '3!', '4!', '5']);
  });

  it('throws for a JSON array that is never closed', async () => {
    await expect(readAll('unclosed-array.json')).rejects.toThrow(
      "Line 4: the JSON array is not closed: ']' is missing at the end of the file",
    );
  });
});
