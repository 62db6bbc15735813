import { describe, expect, it } from 'vitest';
import { JsonArrayScanner, type ScannedElement } from '../../../node/recordings/json-array-scanner';
import { SourceFormatError } from '../../../node/recordings/source-row';

function scan(text: string, chunkSize = text.length): ScannedElement[] {
  const scanner = new JsonArrayScanner();
  const out: ScannedElement[] = [];
  for (let i = 0; i < text.length; i += chunkSize) scanner.push(text.slice(i, i + chunkSize), out);
  scanner.end();
  return out;
}

function scanError(text: string): SourceFormatError {
  try {
    scan(text);
  } catch (error) {
    if (error instanceof SourceFormatError) return error;
    throw error;
  }
  throw new Error('expected a SourceFormatError');
}

const tricky = `[
  {"a": "x]}", "b": [1, {"c": "\\"quoted\\" [brace"}]},
  42,
  "text, with comma",
  {"multi":
    {"line": true}},
  null, [1, 2]
]`;

describe('JsonArrayScanner', () => {
  it('cuts out each element with the line it starts on', () => {
    const elements = scan(tricky);
    expect(elements.map((e) => e.line)).toEqual([2, 3, 4, 5, 7, 7]);
    expect(elements.map((e) => JSON.parse(e.text) as unknown)).toEqual([
      { a: 'x]}', b: [1, { c: '"quoted" [brace' }] },
      42,
      'text, with comma',
      { multi: { line: true } },
      null,
      [1, 2],
    ]);
  });

  it('gives the same elements whatever the chunk size', () => {
    const whole = scan(tricky);
    for (let size = 1; size <= 17; size++) expect(scan(tricky, size)).toEqual(whole);
  });

  it('accepts an empty array and surrounding whitespace', () => {
    expect(scan('  [ ]\n')).toEqual([]);
    expect(scan('[{"a":1}]')).toEqual([{ line: 1, text: '{"a":1}' }]);
  });

  it('reports structural errors with their line', () => {
    expect(scanError('[\n{"a": 1},\n{"b": 2}\n').message).toBe(
      "Line 4: the JSON array is not closed: ']' is missing at the end of the file",
    );
    expect(scanError('{"a": 1}').message).toContain("must start with '['");
    expect(scanError('[1, 2]\n[3]').message).toBe(
      "Line 2: unexpected '[' after the closing ']' of the array",
    );
    expect(scanError('[1,\n]').message).toBe("Line 2: expected an array element, found ']'");
    expect(scanError('[{"a": [1}]').message).toContain("'}' does not match the '['");
    expect(scanError('[1 2]').message).toContain("expected ',' or ']'");
    expect(scanError('').message).toContain('empty');
  });
});
