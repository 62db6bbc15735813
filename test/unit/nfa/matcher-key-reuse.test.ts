/**
 * Key state reuse (engine/nfa/matcher-core.ts): a swept key's state object serves the next new key.
 * A new key in a reused state must see none of the old key's state, and a key that went idle, was
 * queued for the sweep and came back before it must keep its state (its timers and waiting events
 * hold it): the sweep's idle check. Checked against a plain CepOperator that never drops a key,
 * over streams where hundreds of keys go idle, are swept and come back, with snapshots restored
 * midway.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createMatcher,
  restoreMatcher,
  type CompiledNfa,
  type MatcherOptions,
  type MatcherOutput,
  type MatcherSnapshot,
} from '../../../engine/nfa/index';
import type { EventRecord } from '../../../engine/pattern/spec';
import { compile, pattern, stage } from './helpers';
import { outputLine, ReferenceOperator } from './operator-reference';

/** `a` then `b` within 20 ms: a key goes idle when its window timer has fired and its runs are gone. */
const nfa = compile(
  pattern(
    [stage('a', 'begin', "name == 'a'"), stage('b', 'followedBy', "name == 'b'")],
    { kind: 'NO_SKIP' },
    { within: { ms: 20, type: 'FIRST_AND_LAST' } },
  ),
);
/** `times(3)` of `a` within 20 ms: the counting representation, whose entries a swept key gives back. */
const counted = compile(
  pattern(
    [stage('a', 'begin', "name == 'a'", { kind: 'times', from: 3, to: 3 })],
    { kind: 'NO_SKIP' },
    { within: { ms: 20, type: 'FIRST_AND_LAST' } },
  ),
);
/** The same without a window: no timers, so a key goes idle as soon as its run matched. */
const plain = compile(
  pattern([stage('a', 'begin', "name == 'a'"), stage('b', 'followedBy', "name == 'b'")], { kind: 'NO_SKIP' }),
);

const optionsOf = (ooo: number): MatcherOptions => ({
  time: 'event',
  keyOf: (e) => e.key as string,
  timestampOf: (e) => e.ts as number,
  outOfOrdernessMs: ooo,
  watermarks: 'auto',
  timeouts: true,
});

/** Per key, what the matcher output; a snapshot is taken and restored before each event in `restoreAt`. */
function runMatcher(
  n: CompiledNfa,
  events: readonly EventRecord[],
  ooo: number,
  restoreAt: ReadonlySet<number>,
): Record<string, string[]> {
  let m = createMatcher(n, optionsOf(ooo));
  const outputs: Record<string, string[]> = {};
  const collect = (outs: readonly MatcherOutput[]): void => {
    for (const o of outs) (outputs[o.key] ??= []).push(outputLine(o));
  };
  events.forEach((e, i) => {
    if (restoreAt.has(i)) {
      const snap = JSON.parse(JSON.stringify(m.snapshot())) as MatcherSnapshot;
      const r = restoreMatcher(n, snap, optionsOf(ooo));
      if (!r.ok) throw new Error(r.error);
      m = r.matcher;
    }
    collect(m.push(e));
  });
  collect(m.flush());
  return outputs;
}

function runReference(n: CompiledNfa, events: readonly EventRecord[], ooo: number): Record<string, string[]> {
  const ref = new ReferenceOperator(n, optionsOf(ooo));
  for (const e of events) ref.push(e);
  ref.advanceWatermark(Number.POSITIVE_INFINITY);
  return Object.fromEntries(ref.outputs);
}

/**
 * Waves over a pool of keys: each wave some keys complete (a, b: idle at once), some start a run
 * that times out later, and some keys that went idle in an earlier wave come back while still
 * queued for the sweep, or after it (taking another key's old state object). Timestamps drift forward,
 * some events up to 3 ms late.
 */
const streamArb: fc.Arbitrary<EventRecord[]> = fc
  .array(
    fc.tuple(
      fc.integer({ min: 0, max: 1199 }), // first key of the wave
      fc.integer({ min: 20, max: 200 }), // keys in the wave
      fc.constantFrom('complete', 'complete', 'start', 'revive'),
      fc.integer({ min: 0, max: 25 }), // time gap before the wave
      fc.integer({ min: 0, max: 3 }), // lateness
    ),
    { minLength: 6, maxLength: 14 },
  )
  .map((waves) => {
    const events: EventRecord[] = [];
    let ts = 1;
    let id = 0;
    for (const [first, count, kind, gap, late] of waves) {
      ts += gap;
      for (let k = 0; k < count; k++) {
        const key = `k${(first + k * 7) % 1200}`;
        const at = Math.max(1, ts - (k % 4 === 0 ? late : 0));
        events.push({ name: 'a', key, ts: at, id: id++ });
        if (kind === 'complete') events.push({ name: 'b', key, ts: at + 1, id: id++ });
        if (kind === 'revive')
          events.push({ name: 'c', key, ts: at + 1, id: id++ }, { name: 'b', key, ts: at + 2, id: id++ });
        if (k % 16 === 15) ts++;
      }
    }
    return events;
  });

describe('swept key states', () => {
  it('keeps a key that came back while queued for the sweep', () => {
    // x matches and goes idle first (head of the idle queue), then starts a run again before the
    // sweep; 300 other keys then go idle and trigger the sweep, and new keys take the freed states.
    const events: EventRecord[] = [
      { name: 'a', key: 'x', ts: 1 },
      { name: 'b', key: 'x', ts: 2 },
      { name: 'a', key: 'x', ts: 3 },
    ];
    for (let k = 0; k < 300; k++)
      events.push({ name: 'a', key: `k${k}`, ts: 4 }, { name: 'b', key: `k${k}`, ts: 4 });
    for (let k = 0; k < 300; k++) events.push({ name: 'a', key: `n${k}`, ts: 5 });
    events.push({ name: 'b', key: 'x', ts: 6 });
    const expected = runReference(plain, events, 0);
    expect(expected.x).toHaveLength(2);
    expect(runMatcher(plain, events, 0, new Set())).toEqual(expected);
  });

  it('gives every key what a plain CepOperator gives it while states are swept and reused', () => {
    // The counting pattern takes the counting representation (engine/nfa/counting.ts).
    expect(counted.counting).toBeTruthy();
    let outputs = 0;
    fc.assert(
      fc.property(
        streamArb,
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 3 }),
        fc.constantFrom(nfa, plain, counted),
        (events, ooo, restores, n) => {
          const expected = runReference(n, events, ooo);
          expect(runMatcher(n, events, ooo, new Set(restores))).toEqual(expected);
          for (const l of Object.values(expected)) outputs += l.length;
        },
      ),
      { numRuns: 40, seed: 20261207 },
    );
    expect(outputs).toBeGreaterThan(10000);
  });
});
