import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileCondition,
  explainCondition,
  parseCondition,
  printAviator,
  printFlinkSql,
  printJava,
} from '../../../engine/expr';
import { fakeContext } from './helpers';

/**
 * Random well-formed conditions: the fused fast path (compileCondition) must agree with the
 * unfused traced path (explainCondition) on random events, and every printer must answer.
 */
const field = fc.constantFrom('a', 'b', 's', 'missing', 'obj.x', 'first(st).a', 'last(st).s');
const numLit = fc.oneof(fc.integer({ min: -5, max: 5 }).map(String), fc.constantFrom('0.5', '2.5', '1e1'));
const strLit = fc.constantFrom("'x'", "'ab'", "''", '"b"');
const literal = fc.oneof(numLit, strLit, fc.constantFrom('null', 'true', 'false'));

const { expr } = fc.letrec<{ expr: string; value: string; pred: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    field,
    literal,
    fc.constantFrom('sum(st.a)', 'count(st)', 'avg(st.a)', 'max(st.a)', 'min(st.a)'),
    fc
      .tuple(tie('value'), fc.constantFrom('+', '-', '*', '/', '%'), tie('value'))
      .map(([l, op, r]) => `(${l} ${op} ${r})`),
    tie('value').map((v) => `-${v}`),
    fc
      .tuple(
        fc.constantFrom('lower', 'upper', 'trim', 'length', 'abs', 'round', 'floor', 'ceil', 'sqrt'),
        tie('value'),
      )
      .map(([f, v]) => `${f}(${v})`),
    fc.tuple(tie('pred'), tie('value'), tie('value')).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
  ),
  pred: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .tuple(tie('value'), fc.constantFrom('==', '!=', '<', '<=', '>', '>='), tie('value'))
      .map(([l, op, r]) => `${l} ${op} ${r}`),
    fc
      .tuple(tie('value'), fc.constantFrom('in', 'not in'), fc.array(literal, { maxLength: 3 }))
      .map(([l, op, items]) => `${l} ${op} [${items.join(', ')}]`),
    fc
      .tuple(tie('pred'), fc.constantFrom('&&', '||', 'and', 'or'), tie('pred'))
      .map(([l, op, r]) => `(${l} ${op} ${r})`),
    tie('pred').map((p) => `!(${p})`),
    fc
      .tuple(fc.constantFrom('startsWith', 'endsWith', 'contains', 'includes'), field, strLit)
      .map(([f, v, s]) => `${v}.${f}(${s})`),
    fc.tuple(field, fc.constantFrom("'a.*'", "'[xb]+'", "'x|ab'")).map(([v, re]) => `matches(${v}, ${re})`),
    fc.constantFrom('true', 'false', 'missing == null', 'obj != null'),
  ),
  expr: tie('pred'),
}));

const scalar = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.double({ min: -3, max: 3, noNaN: true }),
  fc.constantFrom('x', 'ab', 'b', ''),
  fc.constant(null),
  fc.boolean(),
);
const event = fc.record(
  { a: scalar, b: scalar, s: scalar, obj: fc.option(fc.record({ x: scalar }), { nil: undefined }) },
  { requiredKeys: ['a'] },
);

describe('differential: fast path agrees with the traced path', () => {
  it('on random well-formed conditions and events', () => {
    let compiled = 0;
    let runs = 0;
    fc.assert(
      fc.property(expr, fc.array(event, { maxLength: 3 }), event, (source, bound, candidate) => {
        runs++;
        const r = compileCondition(source, { stages: ['st'] });
        const ast = parseCondition(source).ast;
        expect(ast, source).not.toBeNull();
        if (!ast) return;
        for (const p of [
          printAviator(ast),
          printJava(ast, { eventVar: 'e', getters: 'map' }),
          printFlinkSql(ast, { currentVar: 'A' }),
        ]) {
          expect(p.ok ? p.text : p.reason).toBeTruthy();
        }
        // Without a schema only literal type clashes are errors; those conditions must be rejected consistently.
        if (!r.ok) {
          expect(
            r.diagnostics.every((d) => d.code === 'expr.type-mismatch'),
            `${source}: ${r.diagnostics.map((d) => d.message).join('; ')}`,
          ).toBe(true);
          return;
        }
        compiled++;
        const ctx = fakeContext({ st: bound });
        const fast = r.condition(candidate, ctx);
        const trace = explainCondition(source, candidate, ctx, { stages: ['st'] });
        expect(trace.ok).toBe(true);
        expect(fast, source).toBe(trace.result);
      }),
      { numRuns: 1500, seed: 20261209 },
    );
    // The generator is only useful if most conditions get past the checker.
    expect(compiled / runs).toBeGreaterThan(0.3);
  });
});
