/**
 * Auto watermarks against explicit ones: driven with the same watermarks (each computed as the
 * auto matcher computes it, punctuated or periodic), the two must give the same outputs call by
 * call and the same snapshots, also across a snapshot and restore, over out-of-order streams with
 * equal timestamps, bursts and gaps wider than the periodic interval (the reorder buffer holds
 * events across them).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createMatcher,
  restoreMatcher,
  type CepMatcher,
  type MatcherOptions,
  type MatcherSnapshot,
  type MatcherOutput,
} from '../../../engine/nfa/index';
import { compile, pattern, stage } from './helpers';

const nfa = compile(
  pattern(
    [
      stage('a', 'begin', "name == 'a'"),
      stage('b', 'followedBy', "name == 'b'"),
      stage('c', 'followedBy', "name == 'c'"),
    ],
    { kind: 'NO_SKIP' },
    { within: { ms: 400, type: 'FIRST_AND_LAST' } },
  ),
);

const show = (outs: readonly MatcherOutput[]): string[] =>
  outs.map((o) =>
    o.kind === 'match' || o.kind === 'timeout'
      ? `${o.kind} ${o.key} @${o.timestamp}: ${o.match.stages.map((s) => s.events.map((e) => e.seq).join(',')).join(' ')}`
      : `${o.kind} ${o.key} @${o.timestamp}`,
  );

const event = fc.record({
  key: fc.constantFrom('k1', 'k2', 'k3'),
  name: fc.constantFrom('a', 'b', 'c', 'd'),
  gap: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1_000, max: 30_000 })),
  late: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 80 })),
  snapshot: fc.boolean(),
});

describe('auto watermarks', () => {
  it('release as explicit ones fed the same watermarks, call by call, across restores', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0, 5, 60),
        fc.constantFrom(0, 25, 200),
        fc.array(event, { maxLength: 120 }),
        (outOfOrdernessMs, watermarkIntervalMs, stream) => {
          const base: MatcherOptions = {
            time: 'event',
            keyOf: (e) => String(e.key),
            timestampOf: (e) => e.ts as number,
            outOfOrdernessMs,
            watermarkIntervalMs,
            timeouts: true,
          };
          const explicitOptions: MatcherOptions = { ...base, watermarks: 'explicit' };
          let auto: CepMatcher = createMatcher(nfa, base);
          const explicit = createMatcher(nfa, explicitOptions);
          let clock = 10_000;
          let max = Number.NEGATIVE_INFINITY;
          let watermark = Number.NEGATIVE_INFINITY;
          for (const e of stream) {
            clock += e.gap;
            const ts = clock - e.late;
            const ev = { key: e.key, name: e.name, ts };
            // The auto matcher's watermark (matcher.ts push, matcher-release.ts periodicWatermark).
            if (ts > watermark && ts > max) {
              const before = max;
              max = ts;
              const i = watermarkIntervalMs;
              const next =
                i === 0
                  ? max - outOfOrdernessMs - 1
                  : Math.floor(max / i) === Math.floor(before / i)
                    ? watermark
                    : before - outOfOrdernessMs - 1;
              if (next > watermark) watermark = next;
            }
            const got = show(auto.push(ev));
            const want = show([...explicit.advanceWatermark(watermark), ...explicit.push(ev)]);
            expect(got).toEqual(want);
            expect(auto.bufferedCount()).toBe(explicit.bufferedCount());
            if (e.snapshot) {
              const snap = auto.snapshot();
              expect(snap).toEqual(explicit.snapshot());
              const restored = restoreMatcher(nfa, JSON.parse(JSON.stringify(snap)) as MatcherSnapshot, base);
              if (!restored.ok) throw new Error(restored.error);
              auto = restored.matcher;
            }
          }
          expect(show(auto.flush())).toEqual(show(explicit.flush()));
          expect(auto.snapshot()).toEqual(explicit.snapshot());
        },
      ),
      { numRuns: 150, seed: 20261207 },
    );
  }, 120_000);
});
