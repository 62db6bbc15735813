/**
 * Cases of the matcher's reorder buffer and inert-event shortcut that random streams reach rarely:
 * a waiting event keeps its key state alive through a sweep; a new start partial match arms one
 * window timer per watermark move (Flink's flag is reset when the key's timer work ends); an event
 * waiting under an observer is reported as buffered; and which patterns have inert events at all.
 */
import { describe, expect, it } from 'vitest';
import { createMatcher, type MatcherOptions, type MatcherOutput } from '../../../engine/nfa/index';
import { stateSkips } from '../../../engine/nfa/guards';
import { notCondition } from '../../../engine/nfa/conditions';
import type { EdgeCondition, NfaStateDef } from '../../../engine/nfa/types';
import { compile, pattern, stage } from './helpers';

const aThenB = compile(
  pattern(
    [stage('a', 'begin', "name == 'a'"), stage('b', 'followedBy', "name == 'b'")],
    { kind: 'NO_SKIP' },
    {
      within: { ms: 10, type: 'FIRST_AND_LAST' },
    },
  ),
);

const options: MatcherOptions = {
  time: 'event',
  keyOf: (e) => String(e.key),
  timestampOf: (e) => e.ts as number,
  outOfOrdernessMs: 5,
};

const matches = (outs: readonly MatcherOutput[]): string[] =>
  outs.flatMap((o) =>
    o.kind === 'match'
      ? [`${o.key}: ${o.match.stages.map((s) => s.events.map((e) => e.event.id).join(',')).join(' ')}`]
      : [],
  );

describe('the reorder buffer', () => {
  it('keeps the state of a key whose first event still waits through a sweep of idle keys', () => {
    const m = createMatcher(aThenB, options);
    const outs = [...m.push({ key: 'k1', name: 'a', id: 'a1', ts: 10 })];
    // k1 has no partial match yet (its event waits for the watermark): it must not be swept,
    // else its state object would serve k2 next.
    m.sweepIdle();
    outs.push(...m.push({ key: 'k2', name: 'a', id: 'a2', ts: 11 }));
    outs.push(...m.push({ key: 'k1', name: 'b', id: 'b1', ts: 12 }));
    outs.push(...m.push({ key: 'k2', name: 'b', id: 'b2', ts: 13 }));
    outs.push(...m.flush());
    expect(matches(outs).sort()).toEqual(['k1: a1 b1', 'k2: a2 b2']);
  });

  it('arms a window timer for the events of one watermark move after a new start, not after it', () => {
    const m = createMatcher(aThenB, { ...options, watermarks: 'explicit' });
    m.push({ key: 'k', name: 'a', id: 'a1', ts: 1 });
    m.push({ key: 'k', name: 'c', id: 'c1', ts: 2 });
    m.advanceWatermark(2);
    // As Flink's operator: the new-start flag holds for the rest of the key's timer work, so both
    // events armed a timer (ts + 10); it is then cleared.
    const timers = (): number => m.snapshot().keys.find((k) => k.key === 'k')?.timers.length ?? 0;
    expect(timers()).toBe(2);
    m.push({ key: 'k', name: 'c', id: 'c2', ts: 3 });
    m.advanceWatermark(3);
    expect(timers()).toBe(2);
  });

  it('reports an event that starts nothing as waiting for the watermark under an observer', () => {
    // In order: without an observer it is not kept at all (it can only be a no-op when released).
    const m = createMatcher(aThenB, { ...options, outOfOrdernessMs: 0 });
    m.push({ key: 'k', name: 'c', id: 'c1', ts: 1 });
    expect(m.bufferedCount()).toBe(0);
    const observer = { branched: () => {} };
    m.push({ key: 'k', name: 'c', id: 'c2', ts: 2 }, observer);
    expect(m.isBuffered('k', 1)).toBe(true);
    expect(m.bufferedCount()).toBe(1);
  });
});

describe('inert events', () => {
  const guard = { text: 'name == "a"', test: (e: Record<string, unknown>) => e.name === 'a' };
  const a: EdgeCondition = { test: (e) => e.name === 'a', text: 'a', guarded: { guard, value: false } };
  const state = (id: number, kind: NfaStateDef['kind'], t: NfaStateDef['transitions']): NfaStateDef => ({
    id,
    name: `s${id}`,
    stage: `s${id}`,
    kind,
    transitions: t,
  });

  it('exist when every state keeps its runs for events all guards reject', () => {
    expect(aThenB.inert?.length).toBe(2);
  });

  it('do not exist when a state moves its runs on such an event, or the start state takes it', () => {
    const moves = [
      state(0, 'start', [{ action: 'take', source: 0, target: 1, condition: a }]),
      state(1, 'normal', [{ action: 'ignore', source: 1, target: 2, condition: notCondition(a) }]),
      state(2, 'normal', [{ action: 'ignore', source: 2, target: 2, condition: notCondition(a) }]),
    ];
    expect(stateSkips(moves, 0).inert).toBeNull();
    const startTakes = [
      state(0, 'start', [{ action: 'take', source: 0, target: 1, condition: notCondition(a) }]),
    ];
    expect(stateSkips(startTakes, 0).inert).toBeNull();
    const stays = [
      state(0, 'start', [{ action: 'take', source: 0, target: 1, condition: a }]),
      state(1, 'normal', [{ action: 'ignore', source: 1, target: 1, condition: notCondition(a) }]),
    ];
    expect(stateSkips(stays, 0).inert).toEqual([0]);
  });
});
