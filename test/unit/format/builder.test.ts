import { describe, expect, it } from 'vitest';
import { documentToSpec, Pattern, PatternBuildError, type PatternDocument } from '../../../engine/format';
import { cardTesting, withGroup } from './fixtures';

describe('Pattern builder', () => {
  it('builds the same document as the hand-written card-testing pattern', () => {
    const fixture = cardTesting();
    const doc = Pattern.begin('small', 'SKIP_PAST_LAST_EVENT')
      .where('amount < 1')
      .timesOrMore(3)
      .followedBy('large')
      .where('amount > 10000')
      .within(600_000)
      .toDocument({
        name: fixture.name,
        description: fixture.description,
        settings: { partitionKey: 'cardId', time: fixture.settings.time },
        eventSchema: fixture.eventSchema,
      });
    expect(doc).toEqual(fixture);
  });

  it('builds groups and NOT stages like the hand-written group pattern', () => {
    const fixture = withGroup();
    const doc = Pattern.begin('start')
      .where("name == 'c'")
      .followedBy(Pattern.begin('middle1').where("name == 'a'").next('middle2').where("name == 'b'"), 'burst')
      .times(2, 3)
      .notFollowedBy('cancel')
      .where("name == 'x'")
      .followedBy('end')
      .where("name == 'd'")
      .within(60_000)
      .toDocument({ name: 'Group', description: fixture.description });
    // Same meaning; the builder numbers ids itself and lays nodes out on its own.
    const strip = (d: PatternDocument): unknown => {
      const r = documentToSpec(d);
      if (!r.ok) throw new Error('must lower');
      return JSON.parse(
        JSON.stringify(r.spec, (k, v: unknown) => (k === 'nodeId' || k === 'edgeId' ? undefined : v)),
      ) as unknown;
    };
    expect(strip(doc)).toEqual(strip(fixture));
    expect(doc.settings).toEqual(fixture.settings);
  });

  it('combines where and or strictly left to right, as Flink does', () => {
    const s = Pattern.begin('a').where('A').or('B').where('C').toSpec().stages[0];
    expect(s.where).toBe('(A || B) && C');
    expect(s.or).toBeUndefined();
    expect(Pattern.begin('a').or('x > 1').toSpec().stages[0].where).toBe('x > 1');
    expect(Pattern.begin('a').where('x > 1').where('y < 2').toSpec().stages[0].where).toBe(
      '(x > 1) && (y < 2)',
    );
    expect(Pattern.begin('a').where('p').or('q').or('r').toSpec().stages[0]).toMatchObject({
      where: 'p',
      or: ['q', 'r'],
    });
  });

  it('maps every quantifier call', () => {
    const spec = Pattern.begin('a')
      .oneOrMore()
      .greedy()
      .optional()
      .consecutive()
      .until('stop')
      .next('b')
      .times(0, 3)
      .allowCombinations()
      .followedByAny('c')
      .timesOrMore(2, 500)
      .notNext('d')
      .within(100, 'PREVIOUS_AND_CURRENT')
      .within(2000)
      .within(1000)
      .skip({ kind: 'SKIP_TO_LAST', stage: 'b', throwExceptionOnMiss: true })
      .toSpec();
    expect(spec.stages.map((s) => [s.name, s.contiguity, s.quantifier])).toEqual([
      ['a', 'begin', { kind: 'oneOrMore', from: 1, optional: true, greedy: true, inner: 'consecutive' }],
      [
        'b',
        'next',
        { kind: 'times', from: 0, to: 3, optional: false, greedy: false, inner: 'allowCombinations' },
      ],
      [
        'c',
        'followedByAny',
        { kind: 'timesOrMore', from: 2, window: 500, optional: false, greedy: false, inner: 'relaxed' },
      ],
      ['d', 'notNext', { kind: 'one', optional: false, greedy: false, inner: 'relaxed' }],
    ]);
    expect(spec.stages[0].until).toBe('stop');
    expect(spec.stages[3].withinPreviousAndCurrent).toBe(100);
    expect(spec.within).toEqual({ ms: 1000, type: 'FIRST_AND_LAST' });
    expect(spec.skip).toEqual({ kind: 'SKIP_TO_LAST', stage: 'b', throwExceptionOnMiss: true });
  });

  it("raises Flink's builder errors", () => {
    const cases: [() => unknown, string][] = [
      [
        () => Pattern.begin('a').oneOrMore().times(2),
        'Already applied quantifier to this Pattern. Current quantifier is: oneOrMore',
      ],
      [() => Pattern.begin('a').optional().optional(), 'Optional already applied!'],
      [() => Pattern.begin('a').times(0), 'You should give a positive number greater than 0.'],
      [() => Pattern.begin('a').times(3, 2), 'The to should be a number greater than or equal to from: 3.'],
      [() => Pattern.begin('a').timesOrMore(0), 'The from should be a positive number greater than 0.'],
      [() => Pattern.begin('a').until('x'), 'The until condition is only applicable to looping states.'],
      [
        () => Pattern.begin('a').oneOrMore().until('x').until('y'),
        'Only one until condition can be applied.',
      ],
      [
        () => Pattern.begin('a').oneOrMore().consecutive().allowCombinations(),
        'You can apply either combinations or consecutive, not both!',
      ],
      [() => Pattern.begin('a').consecutive(), 'Consecutive not applicable to one!'],
      [() => Pattern.begin('a').next('n').notNext('x').oneOrMore(), 'Option not applicable to NOT pattern'],
      [() => Pattern.begin(Pattern.begin('x')).where('y'), 'GroupPattern does not support where clause.'],
      [
        () => Pattern.begin('a').optional().notNext('b'),
        'Specifying a pattern with an optional path to NOT condition is not supported yet.',
      ],
    ];
    for (const [build, message] of cases) {
      expect(build).toThrow(PatternBuildError);
      expect(build).toThrow(message);
    }
  });

  it('snapshots: toSpec does not change when the builder goes on', () => {
    const p = Pattern.begin('a').where('x');
    const first = p.toSpec();
    p.where('y').next('b');
    expect(first.stages).toHaveLength(1);
    expect(first.stages[0].where).toBe('x');
  });
});
