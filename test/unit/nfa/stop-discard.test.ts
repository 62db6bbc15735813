/** A run whose only way on hits a NOT stage dies there, and the observer hears of it with its path. */
import { describe, expect, it } from 'vitest';
import { createNfaState, processEvent, type RunDiscarded } from '../../../engine/nfa/index';
import { compile, pattern, stage } from './helpers';

function discards(where: { a: string; not: 'notNext' | 'notFollowedBy' }, names: string[]): RunDiscarded[] {
  const nfa = compile(
    pattern([
      stage('a', 'begin', "name == 'a'"),
      stage('n', where.not, "name == 'b'"),
      stage('c', 'followedBy', "name == 'c'"),
    ]),
  );
  const st = createNfaState(nfa);
  const out: RunDiscarded[] = [];
  names.forEach((name, i) => processEvent(nfa, st, { name }, i + 1, i, { discarded: (d) => out.push(d) }));
  return out;
}

describe('runs stopped by a NOT stage', () => {
  it('reports a run killed by notNext, with the events it had bound', () => {
    const d = discards({ a: 'a', not: 'notNext' }, ['a', 'b']);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ reason: 'stop', seq: 1, state: 'n' });
    expect(d[0].match?.stages.map((s) => s.stage)).toEqual(['a']);
  });

  it('reports nothing when the NOT event does not come', () => {
    expect(discards({ a: 'a', not: 'notNext' }, ['a', 'x', 'c'])).toEqual([]);
  });

  it('reports a run killed by notFollowedBy after skipping events', () => {
    const d = discards({ a: 'a', not: 'notFollowedBy' }, ['a', 'x', 'b']);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ reason: 'stop', seq: 2 });
  });
});
