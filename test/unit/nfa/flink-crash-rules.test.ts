/**
 * Patterns Flink accepts but then crashes on are refused (issue 17 point 6).
 *
 * Flink source (flink-cep 1.20.3, org.apache.flink.cep.nfa.compiler.NFACompiler.NFAFactoryCompiler):
 * - convertPattern (LOOPING): `sink = copyWithoutTransitiveNots(sinkState)`; when getCurrentNotCondition()
 *   finds a notFollowedBy behind the optional stage (walking back over OPTIONAL and NOT_FOLLOW
 *   patterns), the sink is copied under a new internal name (`createState(name)` → `$endState$:0`).
 * - createLooping (GREEDY, until != null): `originalStateMap.put(sinkState.getName(), copy(sinkState))`
 *   — keyed by the copy's name.
 * - createSingletonState (optional, GREEDY, until != null): `singletonState.addProceed(
 *   originalStateMap.get(proceedState.getName()), …)` — looked up by the original name: null.
 * Then NFA.createDecisionGraph pushes that null target and throws NullPointerException ("Cannot invoke
 * State.getStateTransitions() because currentState is null") as soon as an until event meets a partial
 * match waiting for the loop's first event; with an optional stage before the loop,
 * copyWithoutTransitiveNots follows the null edge while compiling (NFACompiler.java:509).
 * Both confirmed on flink-cep 1.20.3 with a local MiniCluster (events s a b c1 c2 d); the controls below
 * (no NOT, notNext, not greedy, not optional, no until, a required stage in between) ran fine there.
 */
import { describe, expect, it } from 'vitest';
import { compilePattern } from '../../../engine/nfa/index';
import type { PatternSpec } from '../../../engine/pattern/spec';
import { pattern, stage } from './helpers';

const CODE = 'pattern.greedy-until-after-not-follow';

function codes(spec: PatternSpec): string[] {
  const r = compilePattern(spec);
  return r.ok ? [] : r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
}

const a = stage('a', 'begin', "name == 'a'");
const not = stage('n', 'notFollowedBy', "name == 'x'");
const loop = (contiguity: 'next' | 'followedBy', q = {}, until: string | null = "name == 'b'") =>
  stage(
    'c',
    contiguity,
    "name == 'c'",
    { kind: 'timesOrMore', from: 2, optional: true, greedy: true, ...q },
    until === null ? {} : { until },
  );
const d = stage('d', 'followedBy', "name == 'd'");

describe('Flink NFA crash: optional greedy until-loop after notFollowedBy', () => {
  it("refuses the issue's pattern begin(a).notFollowedBy(n).next(c).timesOrMore(2).optional().greedy().until(b)", () => {
    const r = compilePattern(pattern([a, not, loop('next')]));
    expect(r.ok).toBe(false);
    const diag = r.diagnostics.find((x) => x.code === CODE);
    expect(diag).toMatchObject({
      severity: 'error',
      flinkError: 'NullPointerException',
      target: { stage: 'c', field: 'until' },
    });
    expect(diag?.message).toMatch(/Flink crashes on "c".*notFollowedBy stage "n"/);
    expect(diag?.message).toMatch(/Drop greedy, the until condition or optional/);
  });

  it('refuses the whole class: oneOrMore in the middle, optional stages in between, inside a group', () => {
    expect(codes(pattern([a, not, loop('followedBy', { kind: 'oneOrMore', from: 1 }), d]))).toContain(CODE);
    const optional = stage('o', 'followedBy', "name == 'o'", { optional: true });
    expect(codes(pattern([a, not, optional, loop('followedBy'), d]))).toContain(CODE);
    const timesZero = stage('o', 'followedBy', "name == 'o'", { kind: 'times', from: 0, to: 2 });
    expect(codes(pattern([a, not, timesZero, loop('followedBy'), d]))).toContain(CODE);
    const group = stage(
      'g',
      'followedBy',
      undefined,
      {},
      { group: { stages: [a, not, loop('followedBy')] } },
    );
    expect(codes(pattern([stage('s', 'begin', "name == 's'"), group, d]))).toContain(CODE);
  });

  it('accepts the neighbours that Flink runs fine', () => {
    expect(codes(pattern([a, loop('followedBy'), d]))).not.toContain(CODE);
    expect(codes(pattern([a, stage('n', 'notNext', "name == 'x'"), loop('followedBy'), d]))).not.toContain(
      CODE,
    );
    expect(codes(pattern([a, not, loop('followedBy', { greedy: false }), d]))).toEqual([]);
    expect(codes(pattern([a, not, loop('followedBy', { optional: false }), d]))).toEqual([]);
    expect(codes(pattern([a, not, loop('followedBy', {}, null), d]))).toEqual([]);
    const required = stage('o', 'followedBy', "name == 'o'");
    expect(codes(pattern([a, not, required, loop('followedBy'), d]))).toEqual([]);
  });
});
