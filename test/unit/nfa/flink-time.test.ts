/**
 * Issue 17, points 4 and 5: time as Flink's CepOperator and watermark generator see it
 * (flink-cep and flink-streaming-java 1.20).
 */
import { describe, expect, it } from 'vitest';
import {
  createMatcher,
  describePending,
  pendingSummary,
  restoreMatcher,
  type MatcherOptions,
  type MatcherOutput,
  type MatcherSnapshot,
} from '../../../engine/nfa/index';
import { compile, pattern, show, stage } from './helpers';

function render(outputs: MatcherOutput[]): string[] {
  return outputs.map((o) => {
    if (o.kind === 'match' || o.kind === 'timeout')
      return `${o.kind} ${o.key} ${show(o.match)} @${o.timestamp}`;
    if (o.kind === 'late') return `late ${o.key} ${String(o.event.event.name)} @${o.timestamp}`;
    return `${o.kind} ${o.key} ${o.message}`;
  });
}

describe('4. processing time: only window timers advance an idle key, and they stop at end of input', () => {
  // CepOperator.processElement (processing time, no comparator): advanceTime(now), then
  // processEvent, which calls registerTimer(timestamp + windowTime) for a new partial match; in
  // processing time registerTimer sets the timer one millisecond later (timestamp + 1), and
  // onProcessingTime advances only that key. At end of input
  // StreamOperatorWrapper.quiesceTimeServiceAndFinishOperator quiesces the processing-time service
  // "to prevent the pending timers from firing".
  const nfa = compile(
    pattern([stage('a', 'begin', "name == 'a'"), stage('b', 'notFollowedBy', "name == 'b'")], undefined, {
      within: { ms: 10, type: 'FIRST_AND_LAST' },
    }),
  );
  const options: MatcherOptions = {
    time: 'processing',
    keyOf: (e) => String(e.user),
    timestampOf: (e) => e.ts as number,
  };

  it("fires a key's window timer when the clock passes it, at the timer's time", () => {
    const m = createMatcher(nfa, options);
    const out = [
      ...m.push({ user: 'u1', name: 'a', ts: 100 }),
      ...m.push({ user: 'u2', name: 'x', ts: 105 }),
      // The clock passes 100 + 10 + 1 = 111: u1's timer fires before this event is processed.
      ...m.push({ user: 'u2', name: 'x', ts: 200 }),
    ];
    expect(render(out)).toEqual(['match u1 a:a @111']);
  });

  it('advanceWatermark moves the processing clock: due timers fire, others wait', () => {
    const m = createMatcher(nfa, options);
    m.push({ user: 'u1', name: 'a', ts: 100 });
    m.push({ user: 'u2', name: 'a', ts: 105 });
    expect(render(m.advanceWatermark(112))).toEqual(['match u1 a:a @111']);
    expect(render(m.advanceWatermark(200))).toEqual(['match u2 a:a @116']);
  });

  it('emits nothing at end of input and says what stays open', () => {
    const m = createMatcher(nfa, options);
    m.push({ user: 'u1', name: 'a', ts: 100 });
    m.push({ user: 'u2', name: 'a', ts: 101 });
    expect(m.flush()).toEqual([]);
    const pending = pendingSummary(m);
    expect(pending).toEqual({
      time: 'processing',
      keys: 2,
      partialMatches: 2,
      heldMatches: 0,
      bufferedEvents: 0,
    });
    expect(describePending(pending)).toBe(
      'Still open at end of input: 2 partial matches on 2 keys. In processing time Flink fires no timer once the input ends, so they never time out, complete a trailing notFollowedBy or get released.',
    );
  });

  it('keeps its processing-time timers across a snapshot', () => {
    const m = createMatcher(nfa, options);
    m.push({ user: 'u1', name: 'a', ts: 100 });
    const r = restoreMatcher(nfa, JSON.parse(JSON.stringify(m.snapshot())) as MatcherSnapshot, options);
    expect(r.ok && render(r.matcher.advanceWatermark(120))).toEqual(['match u1 a:a @111']);
  });

  it('in event time, end of input still closes every window (the source ends with Long.MAX_VALUE)', () => {
    const m = createMatcher(nfa, { ...options, time: 'event' });
    m.push({ user: 'u1', name: 'a', ts: 100 });
    expect(render(m.flush())).toEqual(['match u1 a:a @Infinity']);
    expect(describePending(pendingSummary(m))).toBeNull();
  });
});

describe('5. periodic watermarks', () => {
  // TimestampsAndWatermarksOperator.open registers a processing-time timer every
  // ExecutionConfig.getAutoWatermarkInterval() (200 ms by default); onProcessingTime calls the
  // generator's onPeriodicEmit, and BoundedOutOfOrdernessWatermarks emits
  // maxTimestamp - outOfOrdernessMillis - 1 only then (onEvent just records the maximum).
  const nfa = compile(pattern([stage('a', 'begin', "name == 'a'"), stage('b', 'followedBy', "name == 'b'")]));
  const base: MatcherOptions = { time: 'event', timestampOf: (e) => e.ts as number, outOfOrdernessMs: 0 };
  const events = [
    { name: 'a', ts: 1000 },
    { name: 'x', ts: 1100 },
    { name: 'b', ts: 1050 }, // 50 ms behind the newest event, but no tick passed since 1000
    { name: 'x', ts: 1300 }, // passes the tick at 1200: watermark 1100 - 0 - 1
    { name: 'b', ts: 1060 }, // now behind the watermark: late
  ];
  const runWith = (options: MatcherOptions): string[] => {
    const m = createMatcher(nfa, options);
    return render([...events.flatMap((e) => m.push(e)), ...m.flush()]);
  };

  it('keeps an out-of-order event that arrives before the next tick, as Flink does', () => {
    expect(runWith({ ...base, watermarkIntervalMs: 200 })).toEqual(['match  a:a b:b @1050', 'late  b @1060']);
  });

  it('without an interval the watermark follows every event and drops it', () => {
    expect(runWith(base)).toEqual(['late  b @1050', 'late  b @1060']);
  });

  it('a 1 ms interval drops it too once the clock has moved on past the newer event', () => {
    const m = createMatcher(nfa, { ...base, watermarkIntervalMs: 1 });
    const out = [
      { name: 'a', ts: 1000 },
      { name: 'x', ts: 1100 },
      { name: 'x', ts: 1101 }, // the tick at 1101 emits 1100 - 1
      { name: 'b', ts: 1050 },
    ].flatMap((e) => m.push(e));
    expect(render(out)).toEqual(['late  b @1050']);
  });
});
