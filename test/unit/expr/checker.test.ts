import { describe, expect, it } from 'vitest';
import { checkCondition, compileCondition, parseCondition } from '../../../engine/expr';
import type { EventSchema } from '../../../engine/pattern/spec';

const schema: EventSchema = {
  fields: [
    { name: 'name', type: 'string' },
    { name: 'amount', type: 'number' },
    { name: 'ts', type: 'timestamp' },
    { name: 'flag', type: 'boolean' },
    { name: 'user.id', type: 'string' },
    { name: 'meta', type: 'object' },
    { name: 'tags', type: 'array' },
  ],
};
const stages = ['start', 'middle', 'end'];

function errors(src: string, withSchema = true): { code: string; message: string; text: string }[] {
  const r = compileCondition(src, { stages, schema: withSchema ? schema : undefined });
  return r.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => ({ code: d.code, message: d.message, text: src.slice(d.range?.start, d.range?.end) }));
}

describe('checker', () => {
  it('accepts well-typed conditions', () => {
    for (const src of [
      "name == 'a' && amount > 2",
      'ts > 100',
      'flag',
      "user.id.startsWith('u')",
      'meta.anything.deep == 1',
      'length(tags) > 1',
      'sum(middle.amount) > amount',
      'first(start).name == name',
      'count(middle) < 3',
      'amount in [1, 2]',
      'user != null',
    ]) {
      expect(errors(src), src).toEqual([]);
    }
  });

  it.each([
    ['amout > 1', 'expr.unknown-field', "unknown field 'amout' — did you mean 'amount'?", 'amout'],
    ['user.idd == 1', 'expr.unknown-field', "unknown field 'user.idd' — did you mean 'user.id'?", 'user.idd'],
    [
      'sum(middle.amout) > 1',
      'expr.unknown-field',
      "unknown field 'amout' — did you mean 'amount'?",
      'middle.amout',
    ],
    [
      'first(start).amout > 1',
      'expr.unknown-field',
      "unknown field 'amout' — did you mean 'amount'?",
      'first(start).amout',
    ],
    [
      'sum(midle.amount) > 1',
      'expr.unknown-stage',
      "unknown stage 'midle' in sum() — did you mean 'middle'?",
      'midle',
    ],
    ['count(amount) > 1', 'expr.unknown-stage', "unknown stage 'amount' in count()", 'amount'],
    [
      'sum(middle) > 1',
      'expr.type-mismatch',
      "sum() needs a field of stage 'middle', e.g. sum(middle.price)",
      'middle',
    ],
    ['sum(1) > 1', 'expr.type-mismatch', 'sum() works over the events of a stage', '1'],
    [
      'sum(middle.name) > 1',
      'expr.type-mismatch',
      "sum() needs a number field, but 'name' is a string",
      'middle.name',
    ],
    ['name == 5', 'expr.type-mismatch', 'comparing a string with a number is never true', 'name == 5'],
    ["amount > 'x'", 'expr.type-mismatch', 'comparing a number with a string is never true', "amount > 'x'"],
    ['flag > 1', 'expr.type-mismatch', "'>' compares numbers or strings, but 'flag' is a boolean", 'flag'],
    ['amount', 'expr.type-mismatch', 'a condition must be true or false, but this is a number', 'amount'],
    ['name * 2 > 1', 'expr.type-mismatch', "'*' needs a number, but 'name' is a string", 'name'],
    ["amount && name == 'a'", 'expr.type-mismatch', "'&&' needs a boolean", 'amount'],
    ["amount in ['a']", 'expr.type-mismatch', "'amount' is a number, so it can never equal 'a'", "'a'"],
    ['amount in 5', 'expr.type-mismatch', "'in' needs a list", '5'],
    ["lower(amount) == 'a'", 'expr.type-mismatch', 'argument 1 of lower() needs a string', 'amount'],
    ["nmae.startsWith('a')", 'expr.unknown-field', "unknown field 'nmae' — did you mean 'name'?", 'nmae'],
    [
      "startWith(name, 'a')",
      'expr.unknown-function',
      "unknown function 'startWith' — did you mean 'startsWith'?",
      'startWith',
    ],
    ['abs(1, 2) > 0', 'expr.arity', 'abs() takes 1 argument, got 2', 'abs(1, 2)'],
    ['substring(name) == 1', 'expr.arity', 'substring() takes 2 to 3 arguments, got 1', 'substring(name)'],
    ["matches(name, '(')", 'expr.bad-regex', 'invalid regular expression', "'('"],
    ['matches(name, name)', 'expr.bad-regex', 'needs the regex as a string literal', 'name'],
    ['amount.abs() > 1', 'expr.syntax', 'abs() is not a method', 'abs'],
  ])('%s', (src, code, message, text) => {
    const errs = errors(src);
    expect(errs[0]).toMatchObject({ code, text });
    expect(errs[0]?.message).toContain(message);
  });

  it('without a schema unknown fields are fine but names and arity are still checked', () => {
    expect(errors('amout > 1 && whatever.deep == 2', false)).toEqual([]);
    expect(errors('sum(nope.x) > 1', false)[0]?.code).toBe('expr.unknown-stage');
    expect(errors('pow(2) > 1', false)[0]?.code).toBe('expr.arity');
  });

  it('warns when a stage name is read as an event field', () => {
    const r = compileCondition('middle.price > 1', { stages });
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'expr.stage-as-field', severity: 'warning' });
  });

  it('checkCondition works on a parsed tree', () => {
    const p = parseCondition('amout > 1');
    if (!p.ast) throw new Error('parse failed');
    const d = checkCondition(p.ast, { stages, schema });
    expect(d.map((x) => x.code)).toEqual(['expr.unknown-field']);
    expect(d[0]?.range).toMatchObject({ start: 0, end: 5, line: 1, column: 1, endColumn: 6 });
  });

  it('a stage-less pattern explains why aggregates fail', () => {
    const r = compileCondition('count(a) > 1', { stages: [] });
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]?.message).toContain('no stages');
  });
});

describe('checker: stage order', () => {
  it('warns when an aggregate reads a stage that comes later in the pattern', () => {
    const r = compileCondition('count(end) == 0 && sum(start.price) > 1', {
      stages: ['start', 'middle', 'end'],
      currentStage: 'middle',
    });
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['expr.later-stage', 'warning']]);
    expect(r.diagnostics[0]?.range).toMatchObject({ start: 6, end: 9 });
  });

  it('does not warn about the current or earlier stages', () => {
    const r = compileCondition('count(middle) < 3 && sum(start.price) > 1', {
      stages: ['start', 'middle', 'end'],
      currentStage: 'middle',
    });
    expect(r.diagnostics).toEqual([]);
  });
});
