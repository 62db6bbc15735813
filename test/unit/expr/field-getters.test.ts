/**
 * One-field getters come from a pool of function literals, one per field a process reads first
 * (engine/expr/values.ts): each must read its own field, the same way the shared last form does.
 */
import { describe, expect, it } from 'vitest';
import { pathGetter } from '../../../engine/expr/values';

describe('one-field getters', () => {
  it('read their own field, past the pool of literals, with null for missing, undefined and functions', () => {
    const names = Array.from({ length: 40 }, (_, i) => `f${i}`);
    const getters = names.map((n) => pathGetter([n]));
    // Built from a computed string, as a parsed expression's name is (not internalized).
    const again = names.map((n) => pathGetter([['f', n.slice(1)].join('')]));
    const record: Record<string, unknown> = {};
    names.forEach((n, i) => (record[n] = i % 5 === 0 ? `s${i}` : i));
    for (let round = 0; round < 3; round++)
      names.forEach((n, i) => {
        expect(getters[i](record)).toBe(record[n]);
        expect(again[i](record)).toBe(record[n]);
        expect(getters[i]({ [n]: undefined })).toBeNull();
        expect(getters[i]({ [n]: () => 1 })).toBeNull();
        expect(getters[i]({})).toBeNull();
        expect(getters[i](null)).toBeNull();
        expect(getters[i](7)).toBeNull();
      });
    expect(pathGetter(['toString'])({})).toBeNull();
    expect(pathGetter(['__proto__'])({})).toBeNull();
    expect(pathGetter(['0'])({ 0: 'zero' })).toBe('zero');
  });
});
