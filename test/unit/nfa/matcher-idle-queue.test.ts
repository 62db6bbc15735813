/**
 * The idle sweep removes a queued key state without checking that its key still maps to it: that
 * holds because a state is queued at most once. A snapshot can only be restored when its idle
 * queue keeps that (no key named twice); otherwise one state object would go to the pool twice and
 * serve two keys at once.
 */
import { describe, expect, it } from 'vitest';
import {
  createMatcher,
  restoreMatcher,
  type MatcherOptions,
  type MatcherSnapshot,
} from '../../../engine/nfa/index';
import { compile, pattern, stage } from './helpers';

const nfa = compile(
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
  keyOf: (e) => String(e.user),
  timestampOf: (e) => e.ts as number,
  watermarks: 'explicit',
};

/** A matcher whose keys u1 and u2 went idle (their runs timed out) and wait in the idle queue. */
function idleKeys() {
  const m = createMatcher(nfa, options);
  m.push({ user: 'u1', name: 'a', ts: 1 });
  m.push({ user: 'u2', name: 'a', ts: 2 });
  m.advanceWatermark(30);
  return m;
}

describe('the idle queue', () => {
  it('is written in snapshots and restored', () => {
    const snap = JSON.parse(JSON.stringify(idleKeys().snapshot())) as MatcherSnapshot;
    expect(snap.idleQueue).toEqual(['u1', 'u2']);
    const r = restoreMatcher(nfa, snap, options);
    if (!r.ok) throw new Error(r.error);
    r.matcher.sweepIdle();
    expect(r.matcher.keyNames()).toEqual([]);
    // The swept states serve new keys, each its own.
    r.matcher.push({ user: 'u3', name: 'a', ts: 31 });
    r.matcher.push({ user: 'u4', name: 'a', ts: 32 });
    r.matcher.push({ user: 'u3', name: 'b', ts: 33 });
    const out = r.matcher.advanceWatermark(35);
    expect(out.map((o) => (o.kind === 'match' ? o.key : o.kind))).toEqual(['u3']);
    expect(r.matcher.keyNames()).toEqual(['u3', 'u4']);
    expect(r.matcher.keys.get('u3')).not.toBe(r.matcher.keys.get('u4'));
    expect(r.matcher.partialMatches('u3')).toHaveLength(0);
    expect(r.matcher.partialMatches('u4')).toHaveLength(1);
  });

  it('refuses a snapshot whose idle queue names a key twice', () => {
    const snap = JSON.parse(JSON.stringify(idleKeys().snapshot())) as MatcherSnapshot;
    const r = restoreMatcher(nfa, { ...snap, idleQueue: ['u1', 'u2', 'u1'] }, options);
    expect(r).toEqual({ ok: false, error: "the snapshot's idle queue names key u1 twice" });
  });
});
