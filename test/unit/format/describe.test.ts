import { describe, expect, it } from 'vitest';
import { describePattern, Pattern } from '../../../engine/format';
import { cardTesting, withGroup } from './fixtures';

describe('describePattern', () => {
  it('reads a two-stage pattern with window and partition key as one sentence', () => {
    const doc = Pattern.begin('transfer')
      .where('amount < 1')
      .followedBy('big transfer')
      .where('amount > 10000')
      .within(600_000)
      .toDocument({ settings: { partitionKey: 'cardId' } });
    expect(describePattern(doc)).toBe(
      'A "transfer" event where amount < 1, then within 10 minutes a "big transfer" event where amount > 10000, by the same cardId.',
    );
    expect(describePattern(cardTesting())).toBe(
      '3 or more "small" events where amount < 1, then within 10 minutes a "large" event where amount > 10000, by the same cardId.',
    );
  });

  it('puts the window at the end when the second stage is strict', () => {
    const doc = Pattern.begin('fail')
      .where('bad')
      .times(3)
      .consecutive()
      .next('ok')
      .where('good')
      .within(600_000)
      .toDocument({ settings: { partitionKey: 'userId' } });
    expect(describePattern(doc)).toBe(
      '3 "fail" events where bad in a row, immediately followed by an "ok" event where good, all within 10 minutes, by the same userId.',
    );
  });

  it('covers groups, NOT stages and a longer window', () => {
    expect(describePattern(withGroup())).toBe(
      'A "start" event where name == \'c\', then 2 to 3 times the group "burst" (a "middle1" event where name == \'a\', immediately followed by a "middle2" event where name == \'b\'), with no "cancel" event where name == \'x\' before what follows, then an "end" event where name == \'d\', all within 1 minute.',
    );
  });

  it('describes quantifier details, alternatives and NOT endings', () => {
    const doc = Pattern.begin('a')
      .where('x > 1')
      .or('y')
      .oneOrMore()
      .consecutive()
      .greedy()
      .until('z')
      .next('b')
      .notFollowedBy('c')
      .where('bad')
      .within(5000, 'PREVIOUS_AND_CURRENT')
      .toDocument();
    expect(describePattern(doc)).toBe(
      'One or more "a" events where (x > 1) or (y) in a row, taking as many as possible, until z, immediately followed by a "b" event, with no "c" event where bad afterwards.',
    );
  });

  it('describes optional stages and optional looping', () => {
    const doc = Pattern.begin('a')
      .followedBy('b')
      .optional()
      .followedBy('c')
      .oneOrMore()
      .optional()
      .followedBy('d')
      .times(0, 2)
      .toDocument();
    expect(describePattern(doc)).toBe(
      'An "a" event, then optionally a "b" event, then zero or more "c" events, then up to 2 "d" events.',
    );
  });

  it('says what is missing when the graph is not a chain', () => {
    const doc = cardTesting();
    doc.edges = [];
    expect(describePattern(doc)).toBe(
      'This pattern is not complete yet: Stage "large" is not connected to the chain that starts at "small"; connect it to the chain or delete it.',
    );
  });
});
