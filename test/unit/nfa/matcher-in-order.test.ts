/**
 * The matcher's in-order path for unkeyed chain patterns (CepMatcher.pushInOrder) must be the
 * general path exactly. A matcher given `keyOf: () => ''` holds the same single key but takes the
 * general path, so the two are compared after every call: outputs (kind, key, timestamp, content),
 * the buffered count, the full snapshot and the observer's log. Streams go in and out of order,
 * with explicit watermark moves, idle sweeps, restores, windows, out-of-orderness, periodic and
 * explicit watermarks, comparators, tight run budgets and conditions that throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compilePattern,
  createMatcher,
  restoreMatcher,
  type CepMatcher,
  type CompiledNfa,
  type MatcherOptions,
  type MatcherOutput,
  type MatcherSnapshot,
  type NfaObserver,
} from '../../../engine/nfa/index';
import { chainShape } from '../../../engine/nfa/strict-chain';
import type { EventRecord, PatternSpec } from '../../../engine/pattern/spec';
import { chainSpecArb } from './chain-arb';

type Op =
  | { kind: 'event'; record: EventRecord; observe: boolean }
  | { kind: 'watermark'; back: number }
  | { kind: 'sweep' }
  | { kind: 'restore' };

/** Events mostly in order (`jitter` sends some back in time), with other calls between them. */
const opsArb = (jitter: number): fc.Arbitrary<Op[]> =>
  fc
    .array(
      fc.tuple(
        fc.constantFrom('a', 'a', 'b', 'b', 'c', 'd'),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: jitter }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 0, max: 29 }),
      ),
      { maxLength: 45 },
    )
    .map((items) => {
      let ts = 1;
      const ops: Op[] = [];
      items.forEach(([name, gap, back, rank, other], i) => {
        ts += gap;
        ops.push({
          kind: 'event',
          record: { name, rank, eid: i, t: Math.max(1, ts - back) },
          observe: other === 0,
        });
        if (other === 1) ops.push({ kind: 'watermark', back: rank % 3 });
        if (other === 2) ops.push({ kind: 'sweep' });
        if (other === 3) ops.push({ kind: 'restore' });
      });
      return ops;
    });

function describeOutput(o: MatcherOutput): string {
  if (o.kind === 'match' || o.kind === 'timeout')
    return `${o.kind} '${o.key}'@${o.timestamp} ${o.match.stages.map((s) => `${s.stage}:${s.events.map((e) => `${e.seq}/${e.timestamp}`).join(',')}`).join(' ')}`;
  if (o.kind === 'late') return `late '${o.key}' #${o.event.seq}@${o.timestamp} wm ${o.watermark}`;
  return `${o.kind} '${o.key}'@${o.timestamp} ${o.message}`;
}

function compiled(spec: PatternSpec): CompiledNfa {
  const r = compilePattern(spec);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.nfa;
}

/** The pattern with every condition throwing on rank 7 (ours never throw; a host function could). */
function throwingOn7(nfa: CompiledNfa): CompiledNfa {
  const states = nfa.states.map((s) => ({
    ...s,
    transitions: s.transitions.map((t) => ({
      ...t,
      condition: {
        ...t.condition,
        guarded: undefined,
        test: (e: EventRecord, c: Parameters<typeof t.condition.test>[1]) => {
          if (e.rank === 7) throw new Error('rank 7');
          return t.condition.test(e, c);
        },
      },
    })),
  }));
  return {
    ...nfa,
    states,
    skips: undefined,
    startSkip: null,
    inert: null,
    chain: chainShape(states, nfa.startState, nfa.skip, false),
  };
}

interface Variant {
  ooo: number;
  interval: number;
  explicit: boolean;
  comparator: boolean;
  budget: number;
  throwing: boolean;
}

const variantArb: fc.Arbitrary<Variant> = fc.record({
  ooo: fc.constantFrom(0, 0, 1, 2),
  interval: fc.constantFrom(0, 0, 0, 3),
  explicit: fc.constantFrom(false, false, false, false, false, true),
  comparator: fc.constantFrom(false, false, false, true),
  budget: fc.constantFrom(0, 0, 0, 2, 3),
  throwing: fc.constantFrom(false, false, true),
});

/** Runs the ops; `general` takes the general path (a key function that names the same single key). */
function run(nfa: CompiledNfa, ops: readonly Op[], v: Variant, general: boolean): string[] {
  const options: MatcherOptions = {
    time: 'event',
    timestampOf: (e) => e.t as number,
    timeouts: true,
    ...(general ? { keyOf: () => '' } : {}),
    ...(v.ooo > 0 ? { outOfOrdernessMs: v.ooo } : {}),
    ...(v.interval > 0 ? { watermarkIntervalMs: v.interval } : {}),
    ...(v.explicit ? { watermarks: 'explicit' as const } : {}),
    ...(v.comparator ? { comparator: (a, b) => (b.rank as number) - (a.rank as number) } : {}),
    ...(v.budget > 0 ? { budget: { maxPartialMatches: v.budget } } : {}),
  };
  let m: CepMatcher = createMatcher(nfa, options);
  const log: string[] = [];
  const observer: NfaObserver = {
    branched: (b) => log.push(`branched ${b.parentRunId}>${b.runId} ${b.via} ${b.state}`),
    discarded: (d) => log.push(`discarded ${d.runId} ${d.reason}`),
    edge: (e) => log.push(`edge ${JSON.stringify(e)}`),
  };
  const call = (f: () => MatcherOutput[]): void => {
    try {
      for (const o of f()) log.push(describeOutput(o));
    } catch (e) {
      log.push(`threw ${(e as Error).message}`);
    }
    log.push(`buffered ${m.bufferedCount()} ${JSON.stringify(m.snapshot())}`);
  };
  for (const op of ops) {
    if (op.kind === 'event') call(() => m.push(op.record, op.observe ? observer : undefined));
    else if (op.kind === 'watermark') call(() => m.advanceWatermark(m.maxTimestamp - op.back));
    else if (op.kind === 'sweep') m.sweepIdle();
    else {
      const r = restoreMatcher(nfa, JSON.parse(JSON.stringify(m.snapshot())) as MatcherSnapshot, options);
      if (!r.ok) throw new Error(r.error);
      m = r.matcher;
    }
  }
  call(() => m.flush());
  return log;
}

describe('the matcher in-order path for unkeyed chains', () => {
  it('is the general path, call by call, in and out of order', () => {
    let fast = 0;
    fc.assert(
      fc.property(chainSpecArb, opsArb(3), variantArb, (spec, ops, v) => {
        const base = compiled(spec);
        const nfa = v.throwing ? throwingOn7(base) : base;
        if (nfa.chain == null) return;
        fast++;
        expect(run(nfa, ops, v, false)).toEqual(run(nfa, ops, v, true));
      }),
      { numRuns: 700, seed: 20261207 },
    );
    expect(fast).toBeGreaterThan(600);
  });

  it('is the general path on in-order streams (the path taken for every event)', () => {
    fc.assert(
      fc.property(chainSpecArb, opsArb(0), variantArb, (spec, ops, v) => {
        const nfa = compiled(spec);
        expect(run(nfa, ops, v, false)).toEqual(run(nfa, ops, v, true));
      }),
      { numRuns: 500, seed: 20261208 },
    );
  });
});
