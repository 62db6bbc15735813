/**
 * The matcher's in-order fast path (an event that starts nothing on an idle key is never buffered)
 * and its idle-key sweep must not change any output. A matcher given an observer takes the plain
 * path (observers see every evaluation, so the fast path is off), so the two must agree: per key,
 * the same outputs in the same order with the same timestamps, for keyed streams in and out of
 * order, with windows. Only the interleaving of different keys' outputs from timers of the same
 * timestamp may differ (a skipped event registers no timer); Flink leaves that order to its
 * key-group timer queues too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compilePattern,
  createMatcher,
  restoreMatcher,
  type MatcherOptions,
  type MatcherOutput,
  type MatcherSnapshot,
} from '../../../engine/nfa/index';
import type { EventRecord, PatternSpec, StageSpec } from '../../../engine/pattern/spec';
import { patternArb } from '../differential/arbitraries';

interface KeyedEvent {
  record: EventRecord;
  ts: number;
}

/** Up to 40 events over 3 keys; `jitter` lets some arrive out of order. */
const streamArb = (jitter: number): fc.Arbitrary<KeyedEvent[]> =>
  fc
    .array(
      fc.tuple(
        fc.constantFrom('a', 'b', 'c'),
        fc.constantFrom('k1', 'k2', 'k3'),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: jitter }),
      ),
      { maxLength: 40 },
    )
    .map((items) => {
      let ts = 1;
      return items.map(([name, key, gap, back], i) => {
        ts += gap;
        return { record: { name, key, price: i, eid: i }, ts: Math.max(1, ts - back) };
      });
    });

function describeOutput(o: MatcherOutput): string {
  if (o.kind === 'match' || o.kind === 'timeout')
    return `${o.kind} ${o.key}@${o.timestamp} ${o.match.stages.map((s) => `${s.stage}:${s.events.map((e) => e.seq).join(',')}`).join(' ')}`;
  if (o.kind === 'late') return `late ${o.key} #${o.event.seq}`;
  return `${o.kind} ${o.key}@${o.timestamp} ${o.message}`;
}

/** Outputs grouped by key, each key's in emission order. */
function perKey(outputs: readonly MatcherOutput[]): Record<string, string[]> {
  const byKey: Record<string, string[]> = {};
  for (const o of outputs) (byKey[o.key] ??= []).push(describeOutput(o));
  return byKey;
}

function run(
  spec: PatternSpec,
  events: readonly KeyedEvent[],
  options: Partial<MatcherOptions>,
  observe: boolean,
  snapshotEvery = 0,
): Record<string, string[]> {
  const compiled = compilePattern(spec);
  if (!compiled.ok)
    throw new Error(`pattern does not compile: ${compiled.diagnostics.map((d) => d.message).join('; ')}`);
  const byRecord = new Map(events.map((e) => [e.record, e.ts]));
  const opts: MatcherOptions = {
    time: 'event',
    keyOf: (e) => e.key as string,
    timestampOf: (e) => byRecord.get(e) as number,
    timeouts: true,
    ...options,
  };
  let m = createMatcher(compiled.nfa, opts);
  const observer = observe ? {} : undefined;
  const out: MatcherOutput[] = [];
  events.forEach((e, i) => {
    out.push(...m.push(e.record, observer));
    if (snapshotEvery > 0 && i % snapshotEvery === 0) {
      const restored = restoreMatcher(
        compiled.nfa,
        JSON.parse(JSON.stringify(m.snapshot())) as MatcherSnapshot,
        opts,
      );
      if (!restored.ok) throw new Error(restored.error);
      m = restored.matcher;
    }
  });
  out.push(...m.flush(observer));
  return perKey(out);
}

/** A singleton stage taking events named `name`. */
const oneOf = (name: string, contiguity: StageSpec['contiguity']): StageSpec => ({
  name,
  contiguity,
  where: `name == '${name}'`,
  quantifier: { kind: 'one', optional: false, greedy: false, inner: 'relaxed' },
});

const windowed =
  (ms: number) =>
  (spec: PatternSpec): PatternSpec => ({ ...spec, within: spec.within ?? { ms, type: 'FIRST_AND_LAST' } });

describe('matcher fast path and idle-key release', () => {
  it('gives the same outputs as the plain path on in-order keyed streams', () => {
    fc.assert(
      fc.property(patternArb({ nots: true, skips: true }).map(windowed(4)), streamArb(0), (spec, events) => {
        expect(run(spec, events, {}, false)).toEqual(run(spec, events, {}, true));
      }),
      { numRuns: 600, seed: 20261126 },
    );
  });

  it('gives the same outputs with out-of-order events and bounded out-of-orderness', () => {
    fc.assert(
      fc.property(
        patternArb({ nots: true, skips: false }),
        streamArb(3),
        fc.integer({ min: 0, max: 2 }),
        (spec, events, ooo) => {
          expect(run(spec, events, { outOfOrdernessMs: ooo }, false)).toEqual(
            run(spec, events, { outOfOrdernessMs: ooo }, true),
          );
        },
      ),
      { numRuns: 600, seed: 20261127 },
    );
  });

  it('resumes from snapshots taken anywhere with the same outputs', () => {
    fc.assert(
      fc.property(
        patternArb({ nots: true, skips: true }).map(windowed(5)),
        streamArb(1),
        fc.integer({ min: 1, max: 5 }),
        (spec, events, every) => {
          expect(run(spec, events, {}, false, every)).toEqual(run(spec, events, {}, true));
        },
      ),
      { numRuns: 400, seed: 20261128 },
    );
  });

  it('forgets idle keys, so state follows the live keys, and keeps run ids unique per key', () => {
    const compiled = compilePattern({
      stages: [oneOf('a', 'begin'), oneOf('b', 'followedBy')],
      skip: { kind: 'NO_SKIP' },
      within: { ms: 10, type: 'FIRST_AND_LAST' },
    });
    if (!compiled.ok) throw new Error('pattern does not compile');
    const m = createMatcher(compiled.nfa, {
      time: 'event',
      keyOf: (e) => e.key as string,
      timestampOf: (e) => e.ts as number,
      timeouts: true,
    });
    for (let i = 0; i < 2000; i++) m.push({ name: i % 2 === 0 ? 'c' : 'x', key: `k${i}`, ts: i + 1 });
    m.push({ name: 'a', key: 'live', ts: 3000 });
    m.push({ name: 'c', key: 'other', ts: 3001 });
    const snap = m.snapshot();
    expect(snap.keys.map((k) => k.key)).toEqual(['live']);
    const firstIds = m.partialMatches('live').map((p) => p.runId);
    const outs = [
      ...m.push({ name: 'b', key: 'live', ts: 3002 }),
      ...m.push({ name: 'a', key: 'live', ts: 3003 }),
      ...m.push({ name: 'c', key: 'other', ts: 3004 }),
    ];
    expect(outs.filter((o) => o.kind === 'match')).toHaveLength(1);
    // The second run of 'live' times out at 3013; the key is then idle and forgotten.
    const later = m.push({ name: 'c', key: 'other', ts: 3100 });
    expect(later.filter((o) => o.kind === 'timeout')).toHaveLength(1);
    m.sweepIdle();
    expect(m.keyNames()).toEqual([]);
    m.push({ name: 'a', key: 'live', ts: 4000 });
    m.push({ name: 'c', key: 'z', ts: 4001 });
    const laterIds = m.partialMatches('live').map((p) => p.runId);
    expect(laterIds.length).toBeGreaterThan(0);
    for (const id of laterIds) expect(firstIds).not.toContain(id);
  });

  it('looks at the key after the watermark move: an in-order event after a key went idle is not buffered', () => {
    // begin(a).next(b), unkeyed, in order, no out-of-orderness: each event is released by the next.
    const compiled = compilePattern({
      stages: [oneOf('a', 'begin'), oneOf('b', 'next')],
      skip: { kind: 'NO_SKIP' },
    });
    if (!compiled.ok) throw new Error('pattern does not compile');
    const options: MatcherOptions = { time: 'event', timestampOf: (e) => e.ts as number };
    const fast = createMatcher(compiled.nfa, options);
    const plain = createMatcher(compiled.nfa, options);
    const names = ['a', 'x', 'y', 'z', 'a', 'b', 'y', 'a', 'b', 'z'];
    const outputs: [string[], string[]] = [[], []];
    const buffered: number[] = [];
    names.forEach((name, i) => {
      const e = { name, ts: i + 1 };
      for (const o of fast.push(e)) outputs[0].push(describeOutput(o));
      for (const o of plain.push(e, {})) outputs[1].push(describeOutput(o));
      buffered.push(fast.bufferedCount());
    });
    for (const o of fast.flush()) outputs[0].push(describeOutput(o));
    for (const o of plain.flush({})) outputs[1].push(describeOutput(o));
    // 'a' (live) and 'x' (released by 'y', whose move kills the run) wait; 'y' and 'z' come to an
    // idle key and start nothing. Looking at the key before the move would see 'x' still waiting.
    expect(buffered).toEqual([1, 1, 0, 0, 1, 1, 0, 1, 1, 0]);
    expect(outputs[0]).toEqual(outputs[1]);
    expect(outputs[0].filter((o) => o.startsWith('match'))).toHaveLength(2);
  });
});
