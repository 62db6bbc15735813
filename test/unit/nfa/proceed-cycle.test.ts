/**
 * A looping group that can match nothing is refused (issue 17: Flink bugs found by test/flink's
 * differential). NFACompiler (flink-cep 2.2.0) links PROCEED edges in a cycle for it: the group's end
 * proceeds to its start to loop, and the start proceeds over the optional stages back to the end.
 * NFA.createDecisionGraph walks PROCEED edges with a stack and no visited set, so the first event that
 * reaches the cycle keeps the task thread there forever (the differential's watchdog saw it hang in 100
 * of 10,000 cases); Cepheus' runtime stopped on the same walk with "a cycle of always-true proceed
 * transitions" instead of refusing up front.
 */
import { describe, expect, it } from 'vitest';
import { compilePattern } from '../../../engine/nfa/index';
import { builtRuleDiagnostics } from '../../../engine/nfa/compile';
import type { Quantifier } from '../../../engine/pattern/spec';
import { pattern, stage } from './helpers';

const a = stage('a', 'begin', "name == 'a'");
const d = stage('d', 'followedBy', "name == 'd'");
const group = (q: Partial<Quantifier>, xOptional = true) =>
  stage('g', 'followedBy', undefined, q, {
    group: {
      stages: [
        stage('x', 'begin', "name == 'x'", { optional: xOptional }),
        stage('y', 'followedBy', "name == 'y'", { kind: 'times', from: 0, to: 2 }),
      ],
    },
  });
const codes = (q: Partial<Quantifier>, xOptional = true): string[] => {
  const r = compilePattern(pattern([a, group(q, xOptional), d]));
  return r.ok ? [] : r.diagnostics.map((x) => x.code);
};

describe('a looping group that can match nothing', () => {
  it('is refused, naming the group, for oneOrMore, timesOrMore and an optional loop', () => {
    const r = compilePattern(pattern([a, group({ kind: 'oneOrMore' }), d]));
    expect(r.ok).toBe(false);
    const diag = r.diagnostics.find((x) => x.code === 'pattern.proceed-cycle');
    expect(diag).toMatchObject({ severity: 'error', flinkError: 'endless loop' });
    expect(diag?.target).toMatchObject({ stage: 'g', field: 'quantifier' });
    expect(diag?.message).toMatch(/looping group "g" can match no event/);
    expect(codes({ kind: 'timesOrMore', from: 2 })).toContain('pattern.proceed-cycle');
    expect(codes({ kind: 'oneOrMore', optional: true })).toContain('pattern.proceed-cycle');
  });

  it('is shown while editing (conditions not yet compiled)', () => {
    expect(builtRuleDiagnostics(pattern([a, group({ kind: 'oneOrMore' }), d])).map((x) => x.code)).toContain(
      'pattern.proceed-cycle',
    );
  });

  it('leaves alone a looping group with a required stage, and a bounded times(n, m) group', () => {
    expect(codes({ kind: 'oneOrMore' }, false)).toEqual([]);
    expect(codes({ kind: 'times', from: 2, to: 3 })).toEqual([]);
  });
});
