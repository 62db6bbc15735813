/** Engine error texts name events as people count them: the first event is #1, as in the replay and the CLI. */
import { describe, expect, it } from 'vitest';
import { Pattern } from '../../../engine/format/builder';
import { compilePattern, createMatcher } from '../../../engine/nfa/index';

const compiled = compilePattern(Pattern.begin('a').where("name == 'a'").toSpec());
if (!compiled.ok) throw new Error('the pattern does not compile');
const nfa = compiled.nfa;

describe('event numbers in engine errors', () => {
  it('an event without a valid timestamp is named #n counting from 1', () => {
    const matcher = createMatcher(nfa, { time: 'event', timestampOf: (e) => e.ts as number });
    expect(matcher.push({ ts: 1, name: 'b' })).toEqual([]);
    const out = matcher.push({ ts: 'soon', name: 'a' });
    expect(out).toEqual([
      expect.objectContaining({ kind: 'error', message: 'event #2 has no valid timestamp (got soon)' }),
    ]);
  });

  it('an event whose key cannot be read is named #1 when it is the first', () => {
    const matcher = createMatcher(nfa, {
      time: 'event',
      timestampOf: (e) => e.ts as number,
      keyOf: () => {
        throw new Error('no key');
      },
    });
    const out = matcher.push({ ts: 1, name: 'a' });
    expect(out).toEqual([
      expect.objectContaining({
        kind: 'error',
        message: 'event #1: cannot read its key or timestamp (no key)',
      }),
    ]);
  });
});
