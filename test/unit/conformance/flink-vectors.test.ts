import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseVectors, runVector } from '../../../engine/conformance/index';

const dir = resolve(__dirname, '../../../../shared/conformance');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('Flink conformance vectors', () => {
  it('finds vector files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    const parsed = parseVectors(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    it(`${file} is a valid vectors file`, () => {
      expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    });
    if (!parsed.ok) continue;
    describe(file, () => {
      for (const v of parsed.vectors) {
        it(v.id, () => {
          const outcome = runVector(v);
          expect(outcome.problems).toEqual([]);
          expect(outcome.passed).toBe(true);
        });
      }
    });
  }
});
