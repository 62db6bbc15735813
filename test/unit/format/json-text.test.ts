import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonText } from '../../../engine/format';
import { findJsonError, lineColumn } from '../../../engine/format/json-text';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('JSON text errors', () => {
  it('the scanner agrees with JSON.parse on what is valid', () => {
    const jsonish = fc.oneof(
      fc.json(),
      fc.string({
        unit: fc.constantFrom(
          '{',
          '}',
          '[',
          ']',
          ',',
          ':',
          '"',
          '\\',
          'u',
          '0',
          '1',
          '-',
          '.',
          'e',
          't',
          'r',
          'n',
          'l',
          ' ',
          '\n',
          "'",
        ),
      }),
      fc
        .tuple(fc.json(), fc.nat(), fc.nat(3))
        .map(([t, at, cut]) => t.slice(0, at % (t.length + 1)) + t.slice((at % (t.length + 1)) + cut)),
    );
    fc.assert(
      fc.property(jsonish, (text) => {
        const err = findJsonError(text);
        expect(err === undefined).toBe(parses(text));
        if (err) expect(err.offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 3000 },
    );
  });

  it('handles very deep nesting without a stack overflow', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    expect(findJsonError(deep)).toBeUndefined();
    expect(findJsonError('['.repeat(200_000))?.message).toBe('the text ends where a value was expected');
  });

  it('computes 1-based line and column', () => {
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    const r = parseJsonText('{\n\n   x');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostic.range).toMatchObject({ start: 6, line: 3, column: 4 });
  });
});
