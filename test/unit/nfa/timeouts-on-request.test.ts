/**
 * Timed-out partial matches are built only when the consumer asks (MatcherOptions.timeouts, as Flink
 * builds them only for a TimedOutPartialMatchHandler). Not asking must change nothing else: the same
 * other outputs in the same order, and the same count of timeouts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePattern, createMatcher, type MatcherOutput } from '../../../engine/nfa/index';
import type { EventRecord, PatternSpec } from '../../../engine/pattern/spec';
import { patternArb } from '../differential/arbitraries';

const streamArb = fc
  .array(
    fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.constantFrom('k1', 'k2'), fc.integer({ min: 0, max: 3 })),
    { maxLength: 40 },
  )
  .map((items) => {
    let ts = 1;
    return items.map(([name, key, gap]): EventRecord => ({ name, key, ts: (ts += gap) }));
  });

function run(spec: PatternSpec, events: readonly EventRecord[], timeouts: boolean) {
  const compiled = compilePattern(spec);
  if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('; '));
  const m = createMatcher(compiled.nfa, {
    time: 'event',
    keyOf: (e) => e.key as string,
    timestampOf: (e) => e.ts as number,
    outOfOrdernessMs: 1,
    timeouts,
  });
  const out: MatcherOutput[] = [];
  for (const e of events) out.push(...m.push(e));
  out.push(...m.flush());
  const describe = (o: MatcherOutput): string =>
    o.kind === 'match' || o.kind === 'timeout'
      ? `${o.kind} ${o.key}@${o.timestamp} ${o.match.stages.map((s) => `${s.stage}:${s.events.map((e) => e.seq).join(',')}`).join(' ')}`
      : `${o.kind} ${o.key}`;
  return { outputs: out.map(describe), counters: m.counters };
}

describe('timeouts on request', () => {
  it('are output only when asked; counted either way; nothing else changes', () => {
    let timedOut = 0;
    fc.assert(
      fc.property(
        patternArb({ nots: true, skips: true }).map((s) => ({
          ...s,
          within: s.within ?? { ms: 4, type: 'FIRST_AND_LAST' as const },
        })),
        streamArb,
        (spec, events) => {
          const asked = run(spec, events, true);
          const not = run(spec, events, false);
          const built = asked.outputs.filter((o) => o.startsWith('timeout')).length;
          timedOut += built;
          expect(not.outputs).toEqual(asked.outputs.filter((o) => !o.startsWith('timeout')));
          expect(asked.counters.timeouts).toBe(built);
          expect(not.counters).toEqual(asked.counters);
        },
      ),
      { numRuns: 400, seed: 20261207 },
    );
    // The property saw timeouts at all.
    expect(timedOut).toBeGreaterThan(50);
  });
});
