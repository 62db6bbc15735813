import fc from 'fast-check';
import { fuzzParams } from '../fuzz/fuzz-settings';
import { describe, expect, it } from 'vitest';
import {
  compileCondition,
  completionsAt,
  explainCondition,
  hoverAt,
  parseCondition,
  printAviator,
  printFlinkSql,
  printJava,
} from '../../../engine/expr';
import type { Diagnostic } from '../../../engine/pattern/diagnostic';
import { fakeContext } from './helpers';

const stages = ['start', 'middle', 'end'];
const seeds = [
  "name == 'start'",
  "type == 'SubEvent' && volume > 5.0",
  "name.startsWith('x') || name.includes('y')",
  'sum(middle.price) + price < 5.0',
  'count(middle) < 3 and not (first(start).price > last(middle).price)',
  'avg(middle.price) >= 1e-3 ? lower(name) in [\'a\', "b"] : x not in [1, null]',
  "matches(payload['odd key'], '^a+$') && substring(name, 0, 2) != 'ab'",
  'user.id == null\n  || -price % 2 == 1',
];
const alphabet = [...'abcdefghijklmnopqrstuvwxyz_$0123456789 .,()[]\'"\\+-*/%<>=!&|?:\n\té€🙂#@'];

function checkRanges(source: string, diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) {
    expect(d.message.length).toBeGreaterThan(0);
    const r = d.range;
    expect(r).toBeDefined();
    if (!r) continue;
    expect(r.start).toBeGreaterThanOrEqual(0);
    expect(r.end).toBeGreaterThanOrEqual(r.start);
    expect(r.end).toBeLessThanOrEqual(source.length);
    const before = source.slice(0, r.start).split(/\r\n|\r|\n/);
    expect(r.line).toBe(before.length);
    expect(r.column).toBe((before[before.length - 1] ?? '').length + 1);
  }
}

/** Everything the editor and engine may call on arbitrary input must be total. */
function exercise(source: string): void {
  const parsed = parseCondition(source);
  expect(parsed.ast !== null || parsed.diagnostics.length > 0).toBe(true);
  if (parsed.ast === null) expect(parsed.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  checkRanges(source, parsed.diagnostics);
  const compiled = compileCondition(source, { stages });
  checkRanges(source, compiled.diagnostics);
  const ctx = fakeContext({ start: [{ price: 1, name: 'start' }], middle: [{ price: 2 }, { price: null }] });
  const event = {
    name: 'start',
    price: 1.5,
    type: 'SubEvent',
    volume: 6,
    user: { id: 'u' },
    payload: { 'odd key': 'aa' },
  };
  if (compiled.ok) {
    const result = compiled.condition(event, ctx);
    expect(typeof result).toBe('boolean');
    const trace = explainCondition(source, event, ctx, { stages });
    expect(trace.ok).toBe(true);
    expect(trace.result).toBe(result);
  }
  if (parsed.ast) {
    for (const printed of [
      printAviator(parsed.ast),
      printJava(parsed.ast, { eventVar: 'e' }),
      printFlinkSql(parsed.ast, { currentVar: 'middle' }),
    ]) {
      expect(printed.ok ? printed.text.length > 0 : printed.reason.length > 0).toBe(true);
    }
  }
  for (const offset of [0, Math.floor(source.length / 2), source.length]) {
    expect(Array.isArray(completionsAt(source, offset, { stages }))).toBe(true);
    hoverAt(source, offset, { stages });
  }
}

describe('fuzz: the condition language never throws', () => {
  it('on random strings over the language alphabet', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }), (chars) => {
        exercise(chars.join(''));
      }),
      fuzzParams(800),
    );
  });

  it('on arbitrary unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => exercise(s)),
      fuzzParams(300),
    );
  });

  it('on mutated valid conditions (deletions, insertions, duplications)', () => {
    const mutation = fc.record({
      seed: fc.constantFrom(...seeds),
      at: fc.nat(),
      len: fc.nat({ max: 6 }),
      insert: fc.array(fc.constantFrom(...alphabet), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        let s = mutations[0]?.seed ?? '';
        for (const m of mutations) {
          const at = m.at % (s.length + 1);
          s = s.slice(0, at) + m.insert.join('') + s.slice(at + m.len);
        }
        exercise(s);
      }),
      fuzzParams(800),
    );
  });

  it('valid seeds compile and agree with their trace', () => {
    for (const s of seeds) {
      const r = compileCondition(s, { stages });
      expect(
        r.diagnostics.filter((d) => d.severity === 'error'),
        s,
      ).toEqual([]);
      exercise(s);
    }
  });
});
