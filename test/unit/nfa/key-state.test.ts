/**
 * A key state is its NFA state (engine/nfa/key-state.ts): newKeyState lists the NFA state's fields
 * in one literal, so a field added to createNfaState must be added there too, or the runtime would
 * add it to each key state later (another hidden class, a property array per key).
 */
import { describe, expect, it } from 'vitest';
import { newKeyState } from '../../../engine/nfa/key-state';
import { createNfaState } from '../../../engine/nfa/runtime-state';
import { compile, pattern, stage } from './helpers';

const patterns = [
  pattern([stage('a', 'begin', "name == 'a'"), stage('b', 'followedBy', "name == 'b'")]),
  pattern([stage('a', 'begin', "name == 'a'"), stage('b', 'next', "name == 'b'")]),
  pattern([
    stage('x', 'begin', "name == 'a'", {
      kind: 'times',
      from: 3,
      to: 3,
      optional: false,
      greedy: false,
      inner: 'relaxed',
    }),
  ]),
];

describe('a key state', () => {
  it('is its own NFA state, with every field of a fresh one declared from the start', () => {
    for (const p of patterns) {
      const nfa = compile(p);
      const ks = newKeyState(nfa, 'k', undefined, 5);
      // One object per key: the key state is its NFA state, with no pointer to itself.
      expect(Object.keys(ks)).not.toContain('nfa');
      const fresh = createNfaState(nfa, { counting: true });
      expect(Object.keys(ks).slice(0, Object.keys(fresh).length).sort()).toEqual(Object.keys(fresh).sort());
      for (const [field, value] of Object.entries(fresh))
        if (field === 'countStore')
          expect(ks.countStore?.constructor, field).toBe(fresh.countStore?.constructor);
        else if (field !== 'nextRunId') expect(ks[field as keyof typeof fresh], field).toBe(value);
      expect(ks.nextRunId).toBe(5);
    }
  });
});
