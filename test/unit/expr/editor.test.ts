import { describe, expect, it } from 'vitest';
import { CONDITION_FUNCTIONS, completionsAt, explainCondition, hoverAt } from '../../../engine/expr';
import type { EventSchema } from '../../../engine/pattern/spec';
import { fakeContext } from './helpers';

const schema: EventSchema = {
  fields: [
    { name: 'price', type: 'number', description: 'Price in EUR' },
    { name: 'name', type: 'string' },
    { name: 'user.id', type: 'string' },
    { name: 'user.age', type: 'number' },
  ],
};
const options = { stages: ['start', 'middle'], currentStage: 'middle', schema };
const labels = (src: string, offset = src.length): string[] =>
  completionsAt(src, offset, options).map((c) => `${c.kind}:${c.label}`);

describe('completionsAt', () => {
  it('offers fields, functions and keywords at the top level, but no stages', () => {
    const all = labels('');
    expect(all).toContain('field:price');
    expect(all).toContain('field:user');
    expect(all).toContain('function:startsWith');
    expect(all).toContain('keyword:and');
    expect(all.some((l) => l.startsWith('stage:'))).toBe(false);
  });

  it('filters by the word being typed and replaces exactly that word', () => {
    const items = completionsAt('price > 1 && na', 15, options);
    expect(items.map((i) => i.label)).toEqual(['name']);
    expect(items[0]?.range).toEqual({ start: 13, end: 15 });
  });

  it('offers stages inside an aggregate', () => {
    expect(labels('sum(')).toEqual(expect.arrayContaining(['stage:start', 'stage:middle']));
    expect(labels('count(mi')).toEqual(['stage:middle']);
  });

  it('offers the fields of a stage after `stage.` inside an aggregate and after first(stage).', () => {
    expect(labels('sum(middle.')).toEqual(['field:price', 'field:name', 'field:user']);
    expect(labels('sum(middle.user.')).toEqual(['field:id', 'field:age']);
    expect(labels('first(start).pr')).toEqual(['field:price']);
  });

  it('offers nested fields and string methods after a field path', () => {
    const after = labels('user.');
    expect(after).toEqual(
      expect.arrayContaining(['field:id', 'field:age', 'method:startsWith', 'method:lower']),
    );
    expect(after).not.toContain('method:abs');
  });

  it('offers nothing inside a string literal', () => {
    expect(labels("name == 'sta", 11)).toEqual([]);
  });

  it('is total on odd input', () => {
    expect(() => completionsAt('((((', 99, options)).not.toThrow();
    expect(completionsAt('', -5, { stages: [] }).length).toBeGreaterThan(0);
  });
});

describe('hoverAt', () => {
  it('documents functions', () => {
    const h = hoverAt("name.startsWith('a')", 7, options);
    expect(h?.markdown).toContain('startsWith(text, prefix): boolean');
    expect(h?.range).toMatchObject({ start: 5, end: 15 });
  });

  it('shows field types and descriptions from the schema', () => {
    expect(hoverAt('price > 1', 1, options)?.markdown).toBe('**Field `price`**: number\n\nPrice in EUR');
    expect(hoverAt('user.age > 1', 6, options)?.markdown).toContain('**Field `user.age`**: number');
    expect(hoverAt('sum(middle.price) > 1', 12, options)?.markdown).toContain('**Field `price`**: number');
    expect(hoverAt('pirce > 1', 1, options)?.markdown).toContain('unknown field');
  });

  it('explains stages inside aggregates', () => {
    const h = hoverAt('count(middle) > 1', 8, options);
    expect(h?.markdown).toContain('**Stage `middle`** (this stage)');
  });

  it('documents keywords and returns null elsewhere', () => {
    expect(hoverAt('a in [1]', 2, options)?.markdown).toContain('one of the items');
    expect(hoverAt('a > 1', 2, options)).toBeNull();
    expect(hoverAt('', 0, options)).toBeNull();
  });
});

describe('CONDITION_FUNCTIONS', () => {
  it('documents every function with a signature and an example that compiles', async () => {
    const { compileCondition } = await import('../../../engine/expr');
    for (const f of CONDITION_FUNCTIONS) {
      expect(f.signature.startsWith(f.name)).toBe(true);
      const r = compileCondition(f.example, { stages: ['start', 'middle'] });
      expect(
        r.diagnostics.filter((d) => d.severity === 'error'),
        f.example,
      ).toEqual([]);
    }
  });
});

describe('explainCondition', () => {
  it('records the value of every evaluated subexpression', () => {
    const trace = explainCondition(
      'sum(middle.price) + price < 5.0',
      { price: 2 },
      fakeContext({ middle: [{ price: 1 }, { price: 1.5 }] }),
      { stages: ['middle'] },
    );
    expect(trace.ok).toBe(true);
    expect(trace.result).toBe(true);
    expect(trace.steps.map((s) => [s.text, s.value])).toEqual([
      ['sum(middle.price)', 2.5],
      ['price', 2],
      ['sum(middle.price) + price', 4.5],
      ['5.0', 5],
      ['sum(middle.price) + price < 5.0', true],
    ]);
  });

  it('skips what short-circuiting skipped, and agrees with the compiled condition', () => {
    const trace = explainCondition("name == 'x' && missing.deep > 1", { name: 'y' }, fakeContext(), {
      stages: [],
    });
    expect(trace.result).toBe(false);
    expect(trace.steps.map((s) => s.text)).toEqual([
      'name',
      "'x'",
      "name == 'x'",
      "name == 'x' && missing.deep > 1",
    ]);
  });

  it('reports diagnostics for broken conditions', () => {
    const trace = explainCondition('price >', {}, fakeContext(), { stages: [] });
    expect(trace).toMatchObject({ ok: false, result: false, steps: [] });
    expect(trace.diagnostics[0]?.code).toBe('expr.syntax');
  });
});
