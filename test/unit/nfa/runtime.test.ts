import { describe, expect, it } from 'vitest';
import {
  advanceTime,
  createNfaState,
  listPartialMatches,
  processEvent,
  type EdgeEvaluation,
  type RunDiscarded,
} from '../../../engine/nfa/index';
import { compile, pattern, run, show, stage } from './helpers';

const isA = "name.startsWith('a')";
const isB = "name.startsWith('b')";
const isC = "name.startsWith('c')";

describe('contiguity', () => {
  it('next needs the event right after; followedBy skips non-matching events but not matching ones; followedByAny branches', () => {
    const events = ['a1', 'x', 'b1', 'b2'];
    expect(
      run(compile(pattern([stage('a', 'begin', isA), stage('b', 'next', isB)])), events).matches,
    ).toEqual([]);
    expect(
      run(compile(pattern([stage('a', 'begin', isA), stage('b', 'followedBy', isB)])), events).matches,
    ).toEqual(['a:a1 b:b1']);
    expect(
      run(compile(pattern([stage('a', 'begin', isA), stage('b', 'followedByAny', isB)])), events).matches,
    ).toEqual(['a:a1 b:b1', 'a:a1 b:b2']);
  });
});

describe('quantifiers', () => {
  it('oneOrMore at the end emits after every taken event', () => {
    const nfa = compile(
      pattern([stage('a', 'begin', isA), stage('b', 'followedBy', isB, { kind: 'oneOrMore', from: 1 })]),
    );
    expect(run(nfa, ['a1', 'b1', 'b2']).matches).toEqual(['a:a1 b:b1', 'a:a1 b:b1,b2']);
  });

  it('optional middle stage: both with and without it', () => {
    const nfa = compile(
      pattern([
        stage('a', 'begin', isA),
        stage('b', 'followedBy', isB, { optional: true }),
        stage('c', 'followedBy', isC),
      ]),
    );
    expect(run(nfa, ['a1', 'b1', 'c1']).matches.sort()).toEqual(['a:a1 b:b1 c:c1', 'a:a1 c:c1']);
  });

  it('greedy loop: the next stage may not take what the loop can take', () => {
    const next = "name.startsWith('a') || name.startsWith('x')";
    const plain = compile(
      pattern([
        stage('s', 'begin', isC),
        stage('a', 'followedBy', isA, { kind: 'oneOrMore', from: 1 }),
        stage('x', 'followedBy', next),
      ]),
    );
    const greedy = compile(
      pattern([
        stage('s', 'begin', isC),
        stage('a', 'followedBy', isA, { kind: 'oneOrMore', from: 1, greedy: true }),
        stage('x', 'followedBy', next),
      ]),
    );
    const events = ['c1', 'a1', 'a2', 'x1'];
    expect(run(plain, events).matches).toContain('s:c1 a:a1 x:a2');
    expect(run(greedy, events).matches).toEqual(['s:c1 a:a1,a2 x:x1']);
  });

  it('until stops the loop; the until event can be taken by the next stage', () => {
    const nfa = compile(
      pattern([
        stage('s', 'begin', isC),
        stage('a', 'followedBy', 'true', { kind: 'oneOrMore', from: 1 }, { until: isB }),
        stage('b', 'followedBy', isB),
      ]),
    );
    const { matches } = run(nfa, ['c1', 'a1', 'a2', 'b1']);
    expect(matches).toContain('s:c1 a:a1,a2 b:b1');
    expect(matches.some((m) => m.includes('a:a1,a2,b1'))).toBe(false);
  });

  it('times(2, 3) with consecutive repetitions', () => {
    const nfa = compile(
      pattern([
        stage('s', 'begin', isC),
        stage('a', 'next', isA, { kind: 'times', from: 2, to: 3, inner: 'consecutive' }),
        stage('b', 'next', isB),
      ]),
    );
    expect(run(nfa, ['c1', 'a1', 'a2', 'a3', 'b1']).matches).toEqual(['s:c1 a:a1,a2,a3 b:b1']);
  });
});

describe('windows and timeouts', () => {
  const spec = pattern(
    [stage('a', 'begin', isA), stage('b', 'followedBy', isB)],
    { kind: 'NO_SKIP' },
    { within: { ms: 5, type: 'FIRST_AND_LAST' } },
  );

  it('within is exclusive at the top and times out with the partial match and its deadline', () => {
    const nfa = compile(spec);
    expect(
      run(nfa, [
        { name: 'a1', ts: 1 },
        { name: 'b1', ts: 5 },
      ]).matches,
    ).toEqual(['a:a1 b:b1']);
    const late = run(nfa, [
      { name: 'a1', ts: 1 },
      { name: 'b1', ts: 6 },
    ]);
    expect(late.matches).toEqual([]);
    expect(late.timeouts).toEqual(['a:a1@6']);
  });

  it('PREVIOUS_AND_CURRENT limits the wait in the last stage only', () => {
    const nfa = compile({ ...spec, within: { ms: 3, type: 'PREVIOUS_AND_CURRENT' } });
    expect(
      run(nfa, [
        { name: 'a1', ts: 1 },
        { name: 'b1', ts: 3 },
      ]).matches,
    ).toEqual(['a:a1 b:b1']);
    expect(
      run(nfa, [
        { name: 'a1', ts: 1 },
        { name: 'b1', ts: 4 },
      ]).timeouts,
    ).toEqual(['a:a1@4']);
  });

  it('a trailing notFollowedBy completes only when time passes the window', () => {
    const nfa = compile(
      pattern(
        [stage('a', 'begin', isA), stage('n', 'notFollowedBy', isB)],
        { kind: 'NO_SKIP' },
        { within: { ms: 3, type: 'FIRST_AND_LAST' } },
      ),
    );
    expect(
      run(nfa, [
        { name: 'a1', ts: 1 },
        { name: 'x', ts: 2 },
        { name: 'x', ts: 4 },
      ]).matches,
    ).toEqual(['a:a1']);
    expect(
      run(nfa, [
        { name: 'a1', ts: 1 },
        { name: 'b1', ts: 2 },
        { name: 'x', ts: 4 },
      ]).matches,
    ).toEqual([]);
  });
});

describe('after-match skip strategies', () => {
  const stages = [stage('a', 'begin', isA, { kind: 'oneOrMore', from: 1 }), stage('b', 'followedBy', isB)];
  const events = ['a1', 'a2', 'a3', 'b1'];

  it('NO_SKIP emits every match', () => {
    expect(run(compile(pattern(stages)), events).matches).toHaveLength(6);
  });

  it('SKIP_TO_NEXT keeps one match per start event', () => {
    expect(run(compile(pattern(stages, { kind: 'SKIP_TO_NEXT' })), events).matches).toEqual([
      'a:a1,a2,a3 b:b1',
      'a:a2,a3 b:b1',
      'a:a3 b:b1',
    ]);
  });

  it('SKIP_PAST_LAST_EVENT drops everything overlapping the match', () => {
    expect(run(compile(pattern(stages, { kind: 'SKIP_PAST_LAST_EVENT' })), events).matches).toEqual([
      'a:a1,a2,a3 b:b1',
    ]);
  });

  it('SKIP_TO_LAST prunes runs that start strictly before the target', () => {
    expect(run(compile(pattern(stages, { kind: 'SKIP_TO_LAST', stage: 'a' })), events).matches).toEqual([
      'a:a1,a2,a3 b:b1',
      'a:a3 b:b1',
    ]);
  });

  it('SKIP_TO_FIRST holds later-started matches while an earlier-started run is alive', () => {
    const nfa = compile(pattern(stages, { kind: 'SKIP_TO_FIRST', stage: 'a' }));
    const st = createNfaState(nfa);
    const emitted: string[] = [];
    events.forEach((name, i) => {
      advanceTime(nfa, st, i + 1);
      emitted.push(...processEvent(nfa, st, { name }, i + 1, i).matches.map(show));
    });
    expect(emitted).toEqual(['a:a1,a2,a3 b:b1', 'a:a1,a2 b:b1', 'a:a1 b:b1']);
    expect(listPartialMatches(nfa, st).filter((p) => p.held)).toHaveLength(3);
  });

  it('throwExceptionOnMiss reports a runtime error instead of throwing', () => {
    const nfa = compile(
      pattern([stage('a', 'begin', isA)], { kind: 'SKIP_TO_FIRST', stage: 'a', throwExceptionOnMiss: true }),
    );
    const r = run(nfa, ['a1']);
    expect(r.errors).toEqual(['Could not skip to first element of a match.']);
    expect(r.matches).toEqual([]);
  });
});

describe('partial-match cap', () => {
  it('drops new runs beyond the cap with a warning', () => {
    const nfa = compile(pattern([stage('a', 'begin', isA), stage('b', 'followedByAny', isB)]));
    const st = createNfaState(nfa, { maxPartialMatches: 3 });
    const warnings: string[] = [];
    for (let i = 0; i < 5; i++) {
      advanceTime(nfa, st, i);
      warnings.push(...(processEvent(nfa, st, { name: `a${i}` }, i, i).warnings ?? []));
    }
    expect(listPartialMatches(nfa, st)).toHaveLength(3);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings[0]).toMatch(/partial-match limit of 3 reached/);
    const matches = processEvent(nfa, st, { name: 'b' }, 9, 9).matches;
    expect(matches.map(show)).toEqual(['a:a0 b:b', 'a:a1 b:b', 'a:a2 b:b']);
  });
});

describe('introspection', () => {
  it('lists live partial matches with their stage, events and window deadline', () => {
    const nfa = compile(
      pattern(
        [stage('a', 'begin', isA), stage('b', 'followedBy', isB)],
        { kind: 'NO_SKIP' },
        { within: { ms: 10, type: 'FIRST_AND_LAST' } },
      ),
    );
    const st = createNfaState(nfa);
    advanceTime(nfa, st, 2);
    processEvent(nfa, st, { name: 'a1' }, 2, 0);
    const [pm] = listPartialMatches(nfa, st);
    expect(pm).toMatchObject({
      stage: 'b',
      startTimestamp: 2,
      lastTimestamp: 2,
      windowDeadline: 12,
      held: false,
    });
    expect(pm?.match.stages.map((s) => s.stage)).toEqual(['a']);
  });

  it('tells an observer which edges were evaluated and why runs ended', () => {
    const nfa = compile(pattern([stage('a', 'begin', isA), stage('b', 'next', isB)]));
    const st = createNfaState(nfa);
    const edges: EdgeEvaluation[] = [];
    const discarded: RunDiscarded[] = [];
    const observer = {
      edge: (e: EdgeEvaluation) => edges.push(e),
      discarded: (d: RunDiscarded) => discarded.push(d),
    };
    processEvent(nfa, st, { name: 'a1' }, 1, 0, observer);
    processEvent(nfa, st, { name: 'x' }, 2, 1, observer);
    expect(edges.some((e) => e.stage === 'a' && e.action === 'take' && e.result)).toBe(true);
    expect(edges.some((e) => e.stage === 'b' && e.action === 'take' && !e.result && e.seq === 1)).toBe(true);
    expect(discarded).toEqual([expect.objectContaining({ reason: 'no-transition', state: 'b' })]);
  });
});

describe('shared buffer', () => {
  it('frees nodes when runs end', () => {
    const nfa = compile(
      pattern(
        [stage('a', 'begin', isA), stage('b', 'followedByAny', isB, { kind: 'oneOrMore', from: 1 })],
        { kind: 'NO_SKIP' },
        { within: { ms: 5, type: 'FIRST_AND_LAST' } },
      ),
    );
    const st = createNfaState(nfa);
    const names = ['a1', 'b1', 'b2', 'a2', 'b3'];
    names.forEach((name, i) => {
      advanceTime(nfa, st, i);
      processEvent(nfa, st, { name }, i, i);
    });
    expect(st.liveNodes).toBeGreaterThan(0);
    advanceTime(nfa, st, 100);
    expect(listPartialMatches(nfa, st)).toEqual([]);
    expect(st.liveNodes).toBe(0);
  });
});
