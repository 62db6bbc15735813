/**
 * The pattern shapes Cepheus refuses because Flink crashes or hangs on them, each with events chosen
 * to reach the broken part, and their nearest neighbours that Flink runs fine. Run through Flink's NFA
 * beside the random differential cases: a refusal counts only when Flink really fails on it (so no
 * refusal is a guess), and a neighbour must give the same outputs on both sides (so no refusal is
 * wider than the bug). The Flink source behind each shape is cited in the rule's file.
 */
import type { PatternSpec, Quantifier, StageSpec } from '../../engine/pattern/spec';
import { stage as st } from '../unit/nfa/helpers';
import { makeCase, type DifferentialCase, type GeneratedEvent } from './differential-cases';

export interface CrashShapeCase extends DifferentialCase {
  /** The refusal code and the failure Flink must show, or null for a neighbour both sides run. */
  expect: { code: string; flink: 'NullPointerException' | 'hang' } | null;
}

const named = (x: string): string => `name == '${x}'`;
const group = (name: string, inner: StageSpec[], q: Partial<Quantifier> = {}): StageSpec =>
  st(name, 'followedBy', undefined, q, { group: { stages: inner } });
const allOptional = (): StageSpec[] => [
  st('x', 'begin', named('a'), { optional: true }),
  st('y', 'followedBy', named('b'), { optional: true }),
];
/** An optional greedy timesOrMore(2) loop on 'c' until 'b', then 'd'. */
const untilLoopThenD = (): StageSpec[] => [
  st(
    'c',
    'followedBy',
    named('c'),
    { kind: 'timesOrMore', from: 2, optional: true, greedy: true },
    { until: named('b') },
  ),
  st('d', 'followedBy', named('d')),
];
const spec = (stages: StageSpec[], extra: Partial<PatternSpec> = {}): PatternSpec => ({
  stages,
  skip: { kind: 'NO_SKIP' },
  ...extra,
});
/** Events named by letters, price 1, one ms apart. */
const events = (names: string): GeneratedEvent[] =>
  [...names].map((name, i) => ({
    record: { name, price: 1, kind: 'x', flag: false, eid: i },
    ts: i + 1,
  }));

const NPE = 'NullPointerException' as const;
const EMPTY_PREFIX = { code: 'pattern.not-after-empty-prefix', flink: NPE };
const GREEDY_UNTIL = { code: 'pattern.greedy-until-after-not-follow', flink: NPE };
const CYCLE = { code: 'pattern.proceed-cycle', flink: 'hang' as const };

const shapes: [string, PatternSpec, string, CrashShapeCase['expect']][] = [
  // A group that can match nothing, then a NOT: the start state reaches the NOT's Stop state.
  [
    'empty-group-then-notNext',
    spec([
      { ...group('g', allOptional()), contiguity: 'begin' },
      st('n', 'notNext', named('c')),
      st('d', 'followedBy', named('d')),
    ]),
    'acd',
    EMPTY_PREFIX,
  ],
  [
    'optional-then-empty-group-then-notNext',
    spec([
      st('s', 'begin', named('s'), { optional: true }),
      group('g', allOptional()),
      st('n', 'notNext', named('c')),
    ]),
    'ac',
    EMPTY_PREFIX,
  ],
  [
    'empty-group-then-notFollowedBy',
    spec([
      { ...group('g', allOptional()), contiguity: 'begin' },
      st('n', 'notFollowedBy', named('c')),
      st('d', 'followedBy', named('d')),
    ]),
    'cd',
    EMPTY_PREFIX,
  ],
  [
    'empty-group-then-trailing-notFollowedBy',
    spec([{ ...group('g', allOptional()), contiguity: 'begin' }, st('n', 'notFollowedBy', named('c'))], {
      within: { ms: 5, type: 'FIRST_AND_LAST' },
    }),
    'ac',
    EMPTY_PREFIX,
  ],
  // Neighbours: a required stage first, or a required stage in the group.
  [
    'required-then-empty-group-then-notNext',
    spec([st('s', 'begin', named('s')), group('g', allOptional()), st('n', 'notNext', named('c'))]),
    'sacsbd',
    null,
  ],
  [
    'group-with-required-stage-then-notNext',
    spec([
      {
        ...group('g', [st('x', 'begin', named('a')), st('y', 'followedBy', named('b'), { optional: true })]),
        contiguity: 'begin',
      },
      st('n', 'notNext', named('c')),
      st('d', 'followedBy', named('d')),
    ]),
    'acabdd',
    null,
  ],
  // An optional greedy until-loop after a notFollowedBy (issue 17 point 6).
  [
    'greedy-until-loop-after-notFollowedBy',
    spec([st('a', 'begin', named('a')), st('n', 'notFollowedBy', named('x')), ...untilLoopThenD()]),
    'abccd',
    GREEDY_UNTIL,
  ],
  [
    'greedy-until-loop-after-notFollowedBy-behind-optional',
    spec([
      st('a', 'begin', named('a')),
      st('n', 'notFollowedBy', named('x')),
      st('o', 'followedBy', named('o'), { optional: true }),
      ...untilLoopThenD(),
    ]),
    'abccd',
    GREEDY_UNTIL,
  ],
  [
    'greedy-until-loop-after-notNext',
    spec([st('a', 'begin', named('a')), st('n', 'notNext', named('x')), ...untilLoopThenD()]),
    'abccdacbccd',
    null,
  ],
  // A looping group that can match nothing: a PROCEED cycle.
  [
    'looping-empty-group',
    spec([
      st('a', 'begin', named('a')),
      group('g', allOptional(), { kind: 'oneOrMore' }),
      st('d', 'followedBy', named('d')),
    ]),
    'ad',
    CYCLE,
  ],
  [
    'bounded-empty-group',
    spec([
      st('a', 'begin', named('a')),
      group('g', allOptional(), { kind: 'times', from: 2, to: 3 }),
      st('d', 'followedBy', named('d')),
    ]),
    'ad',
    null,
  ],
];

export function crashShapeCases(): CrashShapeCase[] {
  return shapes.map(([id, s, names, expect]) => ({ ...makeCase(`shape-${id}`, s, events(names)), expect }));
}
