import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../../node/recordings/delimiter';
import { cellValue } from '../../../node/recordings/cell-value';
import { headerNames } from '../../../node/recordings/csv-rows';
import { sniffFormat } from '../../../node/recordings/sniff';
import {
  detectTimestampFormat,
  parseIso8601,
  parseTimestamp,
} from '../../../electron/services/recordings/inspect/timestamps';

describe('delimiter detection', () => {
  it('finds the delimiter that splits records consistently', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('a;b;c\n1,5;2,5;3\n4;5;6\n')).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(detectDelimiter('a|b|c\n1|2|3\n')).toBe('|');
  });

  it('ignores delimiters inside quotes', () => {
    expect(detectDelimiter('name;note\n"x";"a,b,c,d"\n"y";"e,f,g"\n')).toBe(';');
    expect(detectDelimiter('a,b\n"multi;\nline;;",2\n3,4\n')).toBe(',');
  });

  it('falls back to comma for a single column', () => {
    expect(detectDelimiter('value\n1\n2\n')).toBe(',');
  });
});

describe('format sniffing', () => {
  it('tells formats apart by content', () => {
    expect(sniffFormat('  \n[{"a":1}]')).toEqual({ format: 'json-array' });
    expect(sniffFormat('{"a":1}\n{"a":2}\n')).toEqual({ format: 'jsonl' });
    expect(sniffFormat('a;b\n1;2\n')).toEqual({ format: 'csv', delimiter: ';' });
  });
});

describe('CSV cells and header', () => {
  it('turns cells into JSON values, keeping zero-padded numbers as text', () => {
    expect(['42', '-1.5', '1e3', '', 'TRUE', 'false', '007', '1.2.3', '12abc', 'x'].map(cellValue)).toEqual([
      42,
      -1.5,
      1000,
      null,
      true,
      false,
      '007',
      '1.2.3',
      '12abc',
      'x',
    ]);
  });

  it('names blank and repeated header cells uniquely', () => {
    expect(headerNames(['a', '', 'a', ' b '])).toEqual(['a', 'column_2', 'a_2', 'b']);
  });
});

describe('timestamps', () => {
  it('reads ISO-8601 in UTC when no zone is given', () => {
    expect(parseIso8601('2024-03-01T09:30:00Z')).toBe(Date.UTC(2024, 2, 1, 9, 30));
    expect(parseIso8601('2024-03-01 09:30:00.123456')).toBe(Date.UTC(2024, 2, 1, 9, 30, 0, 123));
    expect(parseIso8601('2024-03-01T09:30:00+01:30')).toBe(Date.UTC(2024, 2, 1, 8, 0));
    expect(parseIso8601('2024-03-01')).toBe(Date.UTC(2024, 2, 1));
    expect(parseIso8601('2024-02-30')).toBeNull();
    expect(parseIso8601('2024-13-01')).toBeNull();
    expect(parseIso8601('yesterday')).toBeNull();
  });

  it('reads epoch numbers and numeric text', () => {
    expect(parseTimestamp(1709285400, 'epochSeconds')).toBe(1709285400000);
    expect(parseTimestamp('1709285400.5', 'epochSeconds')).toBe(1709285400500);
    expect(parseTimestamp(1709285400123.4, 'epochMillis')).toBe(1709285400123);
    expect(parseTimestamp('abc', 'epochMillis')).toBeNull();
    expect(parseTimestamp(true, 'epochMillis')).toBeNull();
    expect(parseTimestamp(1e20, 'epochMillis')).toBeNull();
    expect(parseTimestamp(1709285400, 'iso8601')).toBeNull();
  });

  it('detects the format from values', () => {
    expect(detectTimestampFormat(['2024-03-01T09:30:00Z', '2024-03-01T09:31:00Z'], false)).toBe('iso8601');
    expect(detectTimestampFormat([1709285400000, 1709285401000], false)).toBe('epochMillis');
    expect(detectTimestampFormat([1709285400, '1709285401'], false)).toBe('epochSeconds');
    // Small numbers are timestamps only when the field is named like one (logical time).
    expect(detectTimestampFormat([1, 2, 3], false)).toBeNull();
    expect(detectTimestampFormat([1, 2, 3], true)).toBe('epochMillis');
    expect(detectTimestampFormat(['a', 'b'], true)).toBeNull();
    expect(detectTimestampFormat([null, undefined], true)).toBeNull();
  });

  it('tolerates a few bad values only in a field named like a timestamp', () => {
    const values = [...Array.from({ length: 19 }, (_, i) => 1709285400000 + i), 'n/a'];
    expect(detectTimestampFormat(values, true)).toBe('epochMillis');
    expect(detectTimestampFormat(values, false)).toBeNull();
  });
});
