/**
 * One hand-made case per "why not?" reason: the smallest pattern and events that produce it, and a
 * check that the verdict's message names the decisive thing (values, event, window, key, …).
 */
import { describe, expect, it } from 'vitest';
import { Pattern } from '../../../engine/format';
import type { PatternSettings } from '../../../engine/format/schema';
import {
  prepareReplayPattern,
  ReplaySession,
  type ReplayPattern,
  type WhyNotVerdict,
} from '../../../engine/debug';
import { MAX_LOOKBACK_INTERVALS } from '../../../engine/debug/why-not';
import type { EventRecord } from '../../../engine/pattern/spec';
import { arraySource, eventsOf } from './fixtures';

function prep(p: Pattern, settings: Partial<PatternSettings> = {}): ReplayPattern {
  const r = prepareReplayPattern(p.toDocument({ settings }));
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.pattern;
}

function session(pattern: ReplayPattern, payloads: EventRecord[], interval = 1000): ReplaySession {
  return new ReplaySession(pattern, arraySource(eventsOf(payloads)), { checkpoints: { interval } });
}

function ask(pattern: ReplayPattern, payloads: EventRecord[], seq: number, stage: string): WhyNotVerdict {
  return session(pattern, payloads).whyNot(seq, stage);
}

const eventTime: Partial<PatternSettings> = {
  // A 1 ms periodic watermark: the watermark moves each time a later millisecond arrives.
  time: { mode: 'event', field: 't', format: 'epochMillis', outOfOrdernessMs: 0, watermarkIntervalMs: 1 },
};
const aThenB = (): Pattern => Pattern.begin('a').where("name == 'a'").followedBy('b').where("name == 'b'");

describe('why not: one case per reason', () => {
  it('advanced: the event was bound to the stage', () => {
    const v = ask(
      prep(aThenB()),
      [
        { name: 'a', t: 1 },
        { name: 'b', t: 2 },
      ],
      1,
      'b',
    );
    expect(v.reason).toBe('advanced');
    // Events are numbered from 1 in words (seq 1 is the second event).
    expect(v.message).toContain('Event #2');
    expect(v.message).toContain('"b"');
    // The partial match by its first event, not by an internal run id.
    expect(v.message).toContain('the partial match that started with event #1 at "a"');
    expect(v.message).not.toMatch(/partial match \d/);
  });

  it('condition-false: names the values that decided the condition', () => {
    const p = prep(Pattern.begin('a').where("name == 'a'").followedBy('b').where('amount > 10'));
    const v = ask(
      p,
      [
        { name: 'a', t: 1 },
        { name: 'b', amount: 7, t: 2 },
      ],
      1,
      'b',
    );
    expect(v.reason).toBe('condition-false');
    expect(v.message).toContain('amount > 10');
    expect(v.message).toContain('amount=7');
    expect(v.conditions?.[0]).toMatchObject({ label: 'b.where', result: false });
    expect(v.message).toContain('amount > 10 is false (amount=7)');
    expect(v.message).not.toContain('b.where');
  });

  it('condition-false: names an or-alternative in words, not by its internal path', () => {
    const p = prep(
      Pattern.begin('a').where("name == 'a'").followedBy('b').where('amount > 10').or("name == 'vip'"),
    );
    const v = ask(
      p,
      [
        { name: 'a', t: 1 },
        { name: 'b', amount: 7, t: 2 },
      ],
      1,
      'b',
    );
    expect(v.reason).toBe('condition-false');
    expect(v.message).toContain('amount > 10 is false (amount=7)');
    expect(v.message).toContain(`its alternative 1 (or): name == 'vip' is false (name="b")`);
    expect(v.message).not.toMatch(/b\.(where|or\[)/);
  });

  it('contiguity: names the event that broke next()', () => {
    const p = prep(Pattern.begin('a').where("name == 'a'").next('b').where("name == 'b'"));
    const v = ask(
      p,
      [
        { name: 'a', t: 1 },
        { name: 'x', t: 2 },
        { name: 'b', t: 3 },
      ],
      2,
      'b',
    );
    expect(v.reason).toBe('contiguity');
    expect(v.relatedSeq).toBe(1);
    expect(v.message).toContain('event #2');
    expect(v.message).toMatch(/contiguity/);
  });

  it('condition-false: a run whose skip was guarded (greedy stage) is not called a contiguity break', () => {
    const p = prep(
      Pattern.begin('a')
        .where("name == 'a'")
        .followedBy('b')
        .where("name == 'b'")
        .oneOrMore()
        .consecutive()
        .greedy()
        .followedBy('c')
        .where("name == 'c'"),
    );
    const v = ask(
      p,
      [
        { name: 'a', t: 1 },
        { name: 'b', t: 2 },
        { name: 'y', t: 3 },
        { name: 'b', t: 4 },
        { name: 'z', t: 5 },
      ],
      4,
      'c',
    );
    expect(v.reason).toBe('condition-false');
    expect(v.message).not.toMatch(/contiguity/);
  });

  it('window: names the within() length, the start and the deadline', () => {
    const v = ask(
      prep(aThenB().within(10)),
      [
        { name: 'a', t: 1 },
        { name: 'b', t: 20 },
      ],
      1,
      'b',
    );
    expect(v.reason).toBe('window');
    expect(v.message).toContain('within(10 ms)');
    expect(v.message).toContain('started with event #1 ("a")');
    // Processing time reads the recorded time, shown as ISO text.
    expect(v.message).toContain('complete by 1970-01-01T00:00:00.011Z');
    expect(v.message).toContain(
      'event #2 at 1970-01-01T00:00:00.020Z came 19 ms after a, and the window is 10 ms',
    );
    expect(v.relatedSeq).toBe(1);
  });

  it('window: in event time, times read as the recording writes them and the event that moved time is named', () => {
    const v = ask(
      prep(aThenB().within(600_000), {
        time: { mode: 'event', field: 'at', format: 'iso8601', outOfOrdernessMs: 0, watermarkIntervalMs: 0 },
      }),
      [
        { name: 'a', at: '2026-03-02T09:00:05Z' },
        { name: 'z', at: '2026-03-02T09:04:00Z' },
        { name: 'b', at: '2026-03-02T09:11:07Z' },
      ],
      2,
      'b',
    );
    expect(v.reason).toBe('window');
    expect(v.message).toContain('within(10 min)');
    expect(v.message).toContain('at 2026-03-02T09:00:05Z');
    expect(v.message).toContain('complete by 2026-03-02T09:10:05Z');
    expect(v.message).toContain(
      'event #3 at 2026-03-02T09:11:07Z came 11 min 2 s after a, and the window is 10 min',
    );
    expect(v.message).not.toMatch(/17724/);
    expect(v.relatedSeq).toBe(2);
  });

  it('window: names a PREVIOUS_AND_CURRENT window between events', () => {
    const v = ask(
      prep(aThenB().within(10, 'PREVIOUS_AND_CURRENT')),
      [
        { name: 'a', t: 1 },
        { name: 'b', t: 20 },
      ],
      1,
      'b',
    );
    expect(v.reason).toBe('window');
    expect(v.message).toContain('10 ms between its events');
    expect(v.message).toContain(
      'its last event was at 1970-01-01T00:00:00.001Z, so it had to complete by 1970-01-01T00:00:00.011Z',
    );
  });

  it('other-key: names the event key and the keys that had partial matches', () => {
    const p = prep(aThenB(), { partitionKey: 'user' });
    const v = ask(
      p,
      [
        { name: 'a', user: 'u1', t: 1 },
        { name: 'b', user: 'u2', t: 2 },
      ],
      1,
      'b',
    );
    expect(v.reason).toBe('other-key');
    expect(v.key).toBe('u2');
    expect(v.message).toContain('"u2"');
    expect(v.message).toContain('"u1"');
  });

  it('late: names the event time and the watermark (an event equal to the watermark is late too)', () => {
    const p = prep(aThenB(), eventTime);
    const v = ask(
      p,
      [
        { name: 'a', t: 10 },
        { name: 'z', t: 20 },
        { name: 'z', t: 21 },
        { name: 'b', t: 5 },
      ],
      3,
      'b',
    );
    expect(v.reason).toBe('late');
    expect(v.message).toContain('Event #4 at 5 is late');
    expect(v.message).toContain('the watermark was already at 19, 14 ms past its time');
    // The watermark moves on its interval: event #2 (t 20) moved it past 5; it is named, and linked.
    expect(v.message).toContain('event #2 at 20 had moved it past 5');
    expect(v.relatedSeq).toBe(1);
    const equal = ask(
      p,
      [
        { name: 'a', t: 10 },
        { name: 'z', t: 20 },
        { name: 'z', t: 21 },
        { name: 'b', t: 19 },
      ],
      3,
      'b',
    );
    expect(equal.reason).toBe('late');
  });

  it('skip: names the after-match skip strategy that pruned the waiting partial match', () => {
    const p = prep(
      Pattern.begin('a', 'SKIP_PAST_LAST_EVENT')
        .where("name == 'a'")
        .followedBy('b')
        .where("name == 'b'")
        .followedBy('c')
        .where("name == 'c'"),
    );
    // a0 b1 c3 is a match; SKIP_PAST_LAST_EVENT then prunes the run started by a2 that waited at "b".
    const events = [
      { name: 'a', t: 1 },
      { name: 'b', t: 2 },
      { name: 'a', t: 3 },
      { name: 'c', t: 4 },
      { name: 'b', t: 5 },
      { name: 'c', t: 6 },
    ];
    const v = ask(p, events, 4, 'b');
    expect(v.reason).toBe('skip');
    expect(v.message).toContain('SKIP_PAST_LAST_EVENT');
    // Without the skip strategy the same event advances that partial match.
    expect(
      ask(
        prep(
          Pattern.begin('a')
            .where("name == 'a'")
            .followedBy('b')
            .where("name == 'b'")
            .followedBy('c')
            .where("name == 'c'"),
        ),
        events,
        4,
        'b',
      ).reason,
    ).toBe('advanced');
  });

  it('skip: a partial match advanced by the event and pruned in the same step', () => {
    const p = prep(
      Pattern.begin('a', 'SKIP_PAST_LAST_EVENT')
        .where("name == 'a'")
        .followedBy('b')
        .where("name == 'b' || both")
        .followedBy('c')
        .where("name == 'c' || both"),
    );
    // Event #3 completes a0 b1 as "c" and moves the run started by a2 past "b"; the match prunes that run.
    const v = ask(
      p,
      [
        { name: 'a', t: 1 },
        { name: 'b', t: 2 },
        { name: 'a', t: 3 },
        { name: 'z', both: true, t: 4 },
      ],
      3,
      'b',
    );
    expect(v.reason).toBe('skip');
    expect(v.message).toContain('was taken at "b"');
    expect(v.message).toContain('SKIP_PAST_LAST_EVENT');
  });

  it('until: names the until condition and its values', () => {
    const p = prep(
      Pattern.begin('a')
        .where("name == 'a'")
        .followedBy('b')
        .where("name == 'b'")
        .oneOrMore()
        .until('stop == true')
        .next('c')
        .where("name == 'c'"),
    );
    const v = ask(
      p,
      [
        { name: 'a', t: 1 },
        { name: 'b', t: 2 },
        { name: 'b', stop: true, t: 3 },
      ],
      2,
      'b',
    );
    expect(v.reason).toBe('until');
    expect(v.message).toContain('stop == true');
    expect(v.message).toContain('stop=true');
    expect(v.message).not.toContain('b.until');
    expect(v.conditions?.[0].label).toBe('b.until');
  });

  it('not-stage: names the notFollowedBy stage, both at the blocking event and later', () => {
    const p = prep(
      Pattern.begin('a')
        .where("name == 'a'")
        .notFollowedBy('n')
        .where("name == 'x'")
        .followedBy('b')
        .where("name == 'b'"),
    );
    const events = [
      { name: 'a', t: 1 },
      { name: 'x', t: 2 },
      { name: 'b', t: 3 },
    ];
    const later = ask(p, events, 2, 'b');
    expect(later.reason).toBe('not-stage');
    expect(later.relatedSeq).toBe(1);
    expect(later.message).toContain('notFollowedBy stage "n"');
    expect(later.message).toContain('event #2');
    const at = ask(p, events, 1, 'b');
    expect(at.reason).toBe('not-stage');
    expect(at.message).toContain('notFollowedBy stage "n"');
    expect(at.message).toContain('name="x"');
  });

  it('not-stage: names a notNext stage, whose match leaves no discarded run behind', () => {
    const p = prep(
      Pattern.begin('a')
        .where("name == 'a'")
        .notNext('n')
        .where("name == 'x'")
        .followedBy('b')
        .where("name == 'b'"),
    );
    const events = [
      { name: 'a', t: 1 },
      { name: 'x', t: 2 },
      { name: 'b', t: 3 },
    ];
    const later = ask(p, events, 2, 'b');
    expect(later.reason).toBe('not-stage');
    expect(later.message).toContain('notNext stage "n"');
    expect(later.relatedSeq).toBe(1);
    expect(ask(p, events, 1, 'b').reason).toBe('not-stage');
  });

  it('cap: names the partial-match limit that dropped the new partial match', () => {
    const base = prep(aThenB());
    const capped: ReplayPattern = {
      ...base,
      matcherOptions: (clock) => ({ ...base.matcherOptions(clock), maxPartialMatchesPerKey: 1 }),
    };
    const events = [
      { name: 'a', t: 1 },
      { name: 'a', t: 2 },
      { name: 'b', t: 3 },
    ];
    const v = ask(capped, events, 1, 'a');
    expect(v.reason).toBe('cap');
    expect(v.message).toContain('limit of 1 per key');
    expect(ask(base, events, 1, 'a').reason).toBe('advanced');
  });

  it('no-partial-match: names the key and that nothing waited', () => {
    const v = ask(prep(aThenB()), [{ name: 'b', t: 1 }], 0, 'b');
    expect(v.reason).toBe('no-partial-match');
    expect(v.message).toContain('had no partial match');
  });
});

describe('why not: limits', () => {
  const strict = (): ReplayPattern =>
    prep(Pattern.begin('a').where("name == 'a'").next('b').where("name == 'b'"));
  const events = [
    { name: 'a', t: 1 },
    { name: 'x', t: 2 },
    { name: 'y', t: 3 },
    { name: 'b', t: 4 },
  ];

  it('finds a loss from before the nearest checkpoint, the same as before any checkpoint existed', () => {
    const fresh = session(strict(), events, 2);
    expect(fresh.checkpoints.count).toBe(0);
    expect(fresh.whyNot(3, 'b').reason).toBe('contiguity');
    // After a full run a checkpoint sits at step 2, after the breaking event #1: the look-back still reaches it.
    const s = session(strict(), events, 2);
    s.runToEnd();
    expect(s.checkpoints.positions()).toContain(2);
    const v = s.whyNot(3, 'b');
    expect(v.reason).toBe('contiguity');
    expect(v.relatedSeq).toBe(1);
  });

  it(`looks back at most ${MAX_LOOKBACK_INTERVALS} checkpoint intervals before the nearest one, and says how far`, () => {
    const gap = Array.from({ length: 20 }, (_, i) => ({ name: 'y', t: 3 + i }));
    const long = [{ name: 'a', t: 1 }, { name: 'x', t: 2 }, ...gap, { name: 'b', t: 30 }];
    const seq = long.length - 1;
    expect(session(strict(), long, 2).whyNot(seq, 'b').reason).toBe('contiguity');
    const s = session(strict(), long, 2);
    s.runToEnd();
    const v = s.whyNot(seq, 'b');
    // Nearest checkpoint: step 22; 8 intervals of 2 further back is step 6, after the break at #1.
    expect(v.reason).toBe('no-partial-match');
    expect(v.message).toContain(`back to step ${seq - 2 * MAX_LOOKBACK_INTERVALS} only`);
  });

  it('rejects an unknown stage and an event outside the recording', () => {
    const s = session(strict(), events);
    expect(() => s.whyNot(1, 'nope')).toThrow(/no stage "nope"/);
    expect(() => s.whyNot(9, 'b')).toThrow(/event #10 /);
  });

  it('does not move the session', () => {
    const s = session(strict(), events);
    s.seek(2);
    s.whyNot(3, 'b');
    expect(s.position).toBe(2);
  });
});
