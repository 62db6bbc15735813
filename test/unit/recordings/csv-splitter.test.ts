import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CsvSplitter, type CsvRecord } from '../../../node/recordings/csv-splitter';
import { readCsv } from '../../../node/recordings/csv-rows';
import type { SourceRow } from '../../../node/recordings/source-row';

/** Feeds `text` in chunks of `size` characters, so records and quotes straddle chunk borders. */
function split(text: string, size: number, delimiter: ',' | ';' = ','): CsvRecord[] {
  const splitter = new CsvSplitter(delimiter);
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += size) splitter.push(text.slice(i, i + size), out);
  splitter.end(out);
  return out;
}

async function rows(text: string): Promise<SourceRow[]> {
  const chunks = Readable.from([text], { objectMode: true }) as AsyncIterable<string>;
  const all: SourceRow[] = [];
  for await (const batch of readCsv(chunks, ',')) all.push(...batch);
  return all;
}

describe('CsvSplitter', () => {
  const text = 'a,b,c\r\n1,"x, ""y""",3\r\n\r\n4,"two\nlines",6\n7,,9';
  const expected: CsvRecord[] = [
    { line: 1, cells: ['a', 'b', 'c'] },
    { line: 2, cells: ['1', 'x, "y"', '3'] },
    { line: 4, cells: ['4', 'two\nlines', '6'] },
    { line: 6, cells: ['7', '', '9'] },
  ];

  it.each([1, 2, 3, 7, 1000])(
    'gives the same records and start lines for chunks of %i characters',
    (size) => {
      expect(split(text, size)).toEqual(expected);
    },
  );

  it('reports broken quoting with the line in the file, and keeps reading', () => {
    const out = split('a,b\n1,2\nx"y,3\n"a"b,5\n"open,4\n', 4);
    expect(out.slice(0, 2)).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
    ]);
    // In words a user can act on, not the parser's codes.
    expect(out[2]).toEqual({
      line: 3,
      problem: 'a " inside a value that is not quoted (quote the whole value and write the " as "")',
    });
    expect(out[3]).toEqual({
      line: 4,
      problem: 'text after the closing " of a quoted value (inside quotes, write a " as "")',
    });
    // The quote opened on line 5 never closes: one problem at the end of the file, no crash.
    expect(out[4]).toEqual({
      line: 5,
      problem: 'a quoted value starts here and is never closed (a " is missing)',
    });
    expect(out).toHaveLength(5);
  });

  it('turns cells into values and checks the column count', async () => {
    const read = await rows('ts,n,flag,zip\n1000,42,true,007\n2000,1.50,FALSE,\n3000,1\n');
    expect(read).toEqual([
      { line: 2, record: { ts: 1000, n: 42, flag: true, zip: '007' } },
      { line: 3, record: { ts: 2000, n: 1.5, flag: false, zip: null } },
      { line: 4, problem: 'expected 4 columns (as in the header), found 2' },
    ]);
  });

  it('reads files whose lines end with a lone CR', async () => {
    expect(await rows('ts,v\r1,a\r2,b\r')).toEqual([
      { line: 2, record: { ts: 1, v: 'a' } },
      { line: 3, record: { ts: 2, v: 'b' } },
    ]);
  });

  it('refuses a file without a header', async () => {
    await expect(rows('\n\n')).rejects.toThrow('the CSV file is empty');
  });
});
