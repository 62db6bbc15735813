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
import { builtRuleDiagnostics } from '../../../engine/nfa/compile';
import { compilePattern } from '../../../engine/nfa/index';
import type { PatternSpec, StageSpec } from '../../../engine/pattern/spec';
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

/**
 * A NOT stage that Flink's start state reaches over PROCEED edges alone (every stage before it can match
 * no event: a required group of optional stages, behind optional stages or at the start). flink-cep
 * 2.2.0: NFA.computeNextStates takes an event matching the NOT into its Stop state straight from the
 * start computation state; NFA.doProcess then releases the path's other states, among them the new start
 * state whose previous buffer entry is null: SharedBufferAccessor.releaseNode(null) →
 * SharedBuffer.getEntry → Guava LocalCache.getIfPresent(null) throws NullPointerException. Flink's own
 * check (Pattern.notNext / notFollowedBy: "optional path to NOT condition") looks only at the stage right
 * before the NOT. Confirmed on Flink's NFA by test/flink/crash-shapes.ts (each shape crashes it; the
 * neighbours below run the same on both sides).
 */
describe('Flink NFA crash: a NOT stage reached from the start without taking an event', () => {
  const EMPTY = 'pattern.not-after-empty-prefix';
  const optionalPair = (): StageSpec[] => [
    stage('x', 'begin', "name == 'a'", { optional: true }),
    stage('y', 'followedBy', "name == 'b'", { kind: 'times', from: 0, to: 2 }),
  ];
  const grp = (contiguity: 'begin' | 'followedBy', inner: StageSpec[], q = {}): StageSpec =>
    stage('g', contiguity, undefined, q, { group: { stages: inner } });
  const notNext = stage('n', 'notNext', "name == 'c'");
  const notFollowedBy = stage('n', 'notFollowedBy', "name == 'c'");

  it('refuses a group of optional stages at the start followed by notNext, naming the NOT and the group', () => {
    const r = compilePattern(pattern([grp('begin', optionalPair()), notNext, d]));
    expect(r.ok).toBe(false);
    const diag = r.diagnostics.find((x) => x.code === EMPTY);
    expect(diag).toMatchObject({
      severity: 'error',
      flinkError: 'NullPointerException',
      target: { kind: 'edge', stage: 'n', field: 'contiguity' },
    });
    expect(diag?.message).toMatch(/Flink crashes on "n".*the group "g" has only optional stages/);
    expect(diag?.message).toMatch(/Make a stage of the group "g" required/);
    expect(diag?.flinkMessage).toMatch(/releaseNode\(null\)/);
  });

  it('refuses it behind optional stages, before notFollowedBy (middle or trailing) and nested', () => {
    const opt = stage('s', 'begin', "name == 's'", { optional: true });
    expect(codes(pattern([opt, grp('followedBy', optionalPair()), notNext]))).toContain(EMPTY);
    expect(codes(pattern([grp('begin', optionalPair()), notFollowedBy, d]))).toContain(EMPTY);
    const within = { within: { ms: 5, type: 'FIRST_AND_LAST' as const } };
    expect(codes(pattern([grp('begin', optionalPair()), notFollowedBy], undefined, within))).toContain(EMPTY);
    const nested = grp('begin', [grp('begin', optionalPair()), notNext, d]);
    expect(codes(pattern([{ ...nested, name: 'outer' }, stage('e', 'followedBy', "name == 'e'")]))).toContain(
      EMPTY,
    );
    // Shown while editing too (conditions not compiled).
    expect(
      builtRuleDiagnostics(pattern([grp('begin', optionalPair()), notNext, d])).map((x) => x.code),
    ).toContain(EMPTY);
  });

  it('accepts the neighbours that Flink runs fine', () => {
    const required = stage('s', 'begin', "name == 's'");
    expect(codes(pattern([required, grp('followedBy', optionalPair()), notNext]))).toEqual([]);
    const oneRequired = [stage('x', 'begin', "name == 'a'"), optionalPair()[1]];
    expect(codes(pattern([grp('begin', oneRequired), notNext, d]))).toEqual([]);
    expect(codes(pattern([grp('begin', optionalPair()), d]))).toEqual([]);
    // A required stage between the group and the NOT.
    expect(
      codes(pattern([grp('begin', optionalPair(), {}), stage('m', 'followedBy', "name == 'm'"), notNext])),
    ).toEqual([]);
  });
});
