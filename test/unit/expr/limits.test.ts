/**
 * Conditions a user (or a fuzzer) can make arbitrarily big are refused with a plain message before
 * any work that grows with them: a flat chain of thousands of terms overflowed the stack
 * ("expr.internal … RangeError"), and a 70 MB line took minutes to lex.
 */
import { describe, expect, it } from 'vitest';
import {
  compileCondition,
  MAX_CONDITION_DEPTH,
  MAX_CONDITION_LENGTH,
  parseCondition,
  printJava,
} from '../../../engine/expr';

const chain = (n: number, op = ' && '): string =>
  Array.from({ length: n }, (_, i) => `amount != ${i}`).join(op);

describe('condition size limits', () => {
  it('compiles, evaluates and exports a long chain below the depth limit', () => {
    const source = chain(MAX_CONDITION_DEPTH - 10);
    const r = compileCondition(source, { stages: ['a'] });
    if (!r.ok) throw new Error(r.diagnostics[0]?.message);
    expect(r.condition({ amount: -1 }, { eventsOf: () => [] })).toBe(true);
    expect(r.condition({ amount: 7 }, { eventsOf: () => [] })).toBe(false);
    expect(printJava(r.ast, { eventVar: 'event' }).ok).toBe(true);
  });

  it.each([
    ['&&', chain(5_000)],
    ['||', chain(4_000, ' || ')],
    ['+', Array.from({ length: 10_000 }, (_, i) => String(i)).join(' + ') + ' > 0'],
    ['nested ternaries', 'a ? '.repeat(140) + '1' + ' : 2'.repeat(140) + ' && ' + chain(600)],
  ])('refuses a %s chain past the limit with a plain message, not a stack overflow', (_, source) => {
    for (const r of [parseCondition(source), compileCondition(source, { stages: ['a'] })]) {
      expect(r.diagnostics).toHaveLength(1);
      const d = r.diagnostics[0];
      expect(d.code).toBe('expr.too-deep');
      expect(d.message).toMatch(/more than 500 operators .*split it over several stages/);
      expect(d.message).not.toMatch(/RangeError|internal/);
    }
  });

  it('refuses a 70 MB line by its length, before lexing it', () => {
    const source = `name == '${'a'.repeat(70_000_000)}'`;
    const r = compileCondition(source, { stages: [] });
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({
      code: 'expr.too-long',
      range: { start: MAX_CONDITION_LENGTH, line: 1, column: MAX_CONDITION_LENGTH + 1 },
    });
    expect(r.diagnostics[0].message).toContain('70,000,010 characters long');
    // Exactly at the limit is still a condition.
    const atLimit = `name == '${'a'.repeat(MAX_CONDITION_LENGTH - 10)}'`;
    expect(atLimit.length).toBe(MAX_CONDITION_LENGTH);
    expect(compileCondition(atLimit, { stages: [] }).ok).toBe(true);
  });
});
