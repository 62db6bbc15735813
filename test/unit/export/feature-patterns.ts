/**
 * Builder-made patterns, one per exporter feature (and per refusal), shared by the golden and the
 * round-trip tests. Event-time documents over events {ts, account, name, price, kind}.
 */
import { Pattern, type PatternDocument } from '../../../engine/format';

const eventTime = {
  partitionKey: 'account',
  time: {
    mode: 'event' as const,
    field: 'ts',
    format: 'epochMillis' as const,
    outOfOrdernessMs: 0,
    watermarkIntervalMs: 200,
  },
};
const schema = {
  fields: [
    { name: 'ts', type: 'timestamp' as const },
    { name: 'account', type: 'string' as const },
    { name: 'name', type: 'string' as const },
    { name: 'price', type: 'number' as const },
    { name: 'kind', type: 'string' as const },
  ],
};

function doc(name: string, p: Pattern): PatternDocument {
  return p.toDocument({ name, settings: eventTime, eventSchema: schema });
}

export const FEATURE_PATTERNS: Record<string, () => PatternDocument> = {
  'strict-times-within': () =>
    doc(
      'Strict times within',
      Pattern.begin('start', 'SKIP_PAST_LAST_EVENT')
        .where("name == 'a' && price > 5")
        .next('middle')
        .where("kind == 'w'")
        .times(3)
        .consecutive()
        .within(3_600_000),
    ),
  'followed-by-one-or-more': () =>
    doc(
      'Followed by one or more',
      Pattern.begin('start')
        .where("name == 'a'")
        .followedBy('middle')
        .where('price > 3')
        .oneOrMore()
        .next('end')
        .where("name == 'c'"),
    ),
  'greedy-loop': () =>
    doc(
      'Greedy loop',
      Pattern.begin('start', 'SKIP_TO_NEXT')
        .where("name == 'a'")
        .next('middle')
        .where("name == 'b'")
        .oneOrMore()
        .consecutive()
        .greedy()
        .next('end')
        .where("name == 'c'"),
    ),
  'reluctant-last-loop': () =>
    doc(
      'Reluctant last loop',
      Pattern.begin('start', 'SKIP_PAST_LAST_EVENT')
        .where("name == 'a'")
        .next('rest')
        .where('price >= 2')
        .timesOrMore(2)
        .consecutive()
        .within(250),
    ),
  'followed-by-any': () =>
    doc(
      'Followed by any',
      Pattern.begin('start').where("name == 'a'").followedByAny('end').where("name == 'b'"),
    ),
  'not-next': () =>
    doc(
      'Not next',
      Pattern.begin('start')
        .where("name == 'a'")
        .notNext('blocker')
        .where("name == 'x'")
        .followedBy('end')
        .where("name == 'b'"),
    ),
  'not-followed-by-last': () =>
    doc(
      'Not followed by at the end',
      Pattern.begin('start').where("name == 'a'").notFollowedBy('cancel').where("name == 'x'").within(10_000),
    ),
  'optional-stage': () =>
    doc(
      'Optional stage',
      Pattern.begin('start', 'SKIP_PAST_LAST_EVENT')
        .where("name == 'a'")
        .next('maybe')
        .where("name == 'b'")
        .optional()
        .next('end')
        .where("name == 'c'"),
    ),
  'times-range-from-zero': () =>
    doc(
      'Times from zero',
      Pattern.begin('start', 'SKIP_PAST_LAST_EVENT')
        .where("name == 'a'")
        .next('middle')
        .where("name == 'b'")
        .times(0, 3)
        .consecutive()
        .next('end')
        .where("name == 'c'"),
    ),
  'loop-window': () =>
    doc(
      'Loop window',
      Pattern.begin('start')
        .where("name == 'a'")
        .followedBy('burst')
        .where("name == 'b'")
        .oneOrMore(1_000)
        .within(60_000),
    ),
  until: () =>
    doc(
      'Until',
      Pattern.begin('start')
        .where("name == 'a'")
        .followedBy('middle')
        .where('price > 1')
        .oneOrMore()
        .until("name == 'stop'")
        .followedBy('end')
        .where("name == 'c'"),
    ),
  group: () =>
    doc(
      'Group',
      Pattern.begin('start')
        .where("name == 'a'")
        .followedBy(Pattern.begin('g1').where("name == 'b'").next('g2').where("name == 'c'"), 'pair')
        .oneOrMore()
        .followedBy('end')
        .where("name == 'd'"),
    ),
  'group-single': () =>
    doc(
      'Group single',
      Pattern.begin('start')
        .where("name == 'a'")
        .followedBy(Pattern.begin('g1').where("name == 'b'").next('g2').where("name == 'c'"), 'pair'),
    ),
  'group-first': () =>
    doc(
      'Group first',
      Pattern.begin(
        Pattern.begin('g1').where("name == 'b'").next('g2').where("name == 'c'"),
        'SKIP_PAST_LAST_EVENT',
        'pair',
      )
        .times(2)
        .consecutive()
        .followedBy('end')
        .where("name == 'd'"),
    ),
  'skip-to-first-throw': () =>
    doc(
      'Skip to first',
      Pattern.begin('start', { kind: 'SKIP_TO_FIRST', stage: 'middle', throwExceptionOnMiss: true })
        .where("name == 'a'")
        .next('middle')
        .where("name == 'b'")
        .next('end')
        .where("name == 'c'"),
    ),
  'skip-to-last': () =>
    doc(
      'Skip to last',
      Pattern.begin('start', { kind: 'SKIP_TO_LAST', stage: 'middle' })
        .where("name == 'a'")
        .next('middle')
        .where("name == 'b'")
        .times(1, 2)
        .consecutive()
        .next('end')
        .where("name == 'c'"),
    ),
  'iterative-condition': () =>
    doc(
      'Iterative condition',
      Pattern.begin('start', 'SKIP_PAST_LAST_EVENT')
        .where("name == 'a'")
        .next('middle')
        .where('sum(middle.price) + price < 10')
        .oneOrMore()
        .consecutive()
        .next('end')
        .where('price > first(start).price'),
    ),
  'or-conditions': () =>
    doc(
      'Or conditions',
      Pattern.begin('start', 'SKIP_TO_NEXT')
        .where("name == 'a'")
        .or("kind == 'z'")
        .or('price > 9')
        .next('end')
        .where("name == 'b'"),
    ),
  'allow-combinations': () =>
    doc(
      'Allow combinations',
      Pattern.begin('start')
        .where("name == 'a'")
        .followedBy('middle')
        .where("name == 'b'")
        .times(2)
        .allowCombinations(),
    ),
  'within-previous-and-current': () =>
    doc(
      'Within previous and current',
      Pattern.begin('start')
        .where("name == 'a'")
        .followedBy('end')
        .where("name == 'b'")
        .within(500, 'PREVIOUS_AND_CURRENT'),
    ),
  'string-functions': () =>
    doc(
      'String functions',
      Pattern.begin('start', 'SKIP_PAST_LAST_EVENT')
        .where("name.startsWith('a') && kind in ['w', 'x']")
        .next('end')
        .where("matches(kind, 'z[0-9]+') || lower(name) == 'b'"),
    ),
  'processing-time': () =>
    Pattern.begin('start', 'SKIP_PAST_LAST_EVENT')
      .where("name == 'a'")
      .next('end')
      .where("name == 'b'")
      .toDocument({ name: 'Processing time', eventSchema: schema }),
};
