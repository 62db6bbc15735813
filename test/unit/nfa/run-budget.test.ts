/** The run budget: an explosive pattern stops the run with one message naming limit, stage, key and event. */
import { describe, expect, it } from 'vitest';
import { Pattern } from '../../../engine/format/builder';
import {
  compilePattern,
  createMatcher,
  restoreMatcher,
  RunBudgetExceeded,
  type CompiledNfa,
  type MatcherOptions,
  type MatcherSnapshot,
} from '../../../engine/nfa/index';
import type { CepMatcher } from '../../../engine/nfa/matcher';
import type { EventRecord } from '../../../engine/pattern/spec';
import { explosivePattern } from '../../support/explosive-pattern';

const nfaOf = (p: Pattern): CompiledNfa => {
  const c = compilePattern(p.toSpec());
  if (!c.ok) throw new Error(c.diagnostics.map((d) => d.message).join('; '));
  return c.nfa;
};

const options = (extra: Partial<MatcherOptions> = {}): MatcherOptions => ({
  time: 'event',
  timestampOf: (e) => e.ts as number,
  keyOf: (e) => String(e.user),
  ...extra,
});

/** A deterministic stream of a/b/c events (mostly b) over `keys` users. */
function stream(n: number, keys: number): EventRecord[] {
  let seed = 7;
  const names = ['a', 'b', 'b', 'c', 'b'];
  const out: EventRecord[] = [];
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    out.push({ ts: i, name: names[Math.floor((seed / 2147483648) * 5)], user: `u${i % keys}` });
  }
  return out;
}

function pushAll(m: CepMatcher, events: readonly EventRecord[]): RunBudgetExceeded | null {
  try {
    for (const e of events) m.push(e);
    m.flush();
    return null;
  } catch (e) {
    if (e instanceof RunBudgetExceeded) return e;
    throw e;
  }
}

/** What the budget should hold: every key's runs but its start run, and its live nodes. */
function actual(m: CepMatcher): { live: number; nodes: number } {
  let live = 0;
  let nodes = 0;
  for (const ks of m.keys.values()) {
    live += ks.partial.length - 1 + ks.completed.length;
    nodes += ks.liveNodes;
  }
  return { live, nodes };
}

describe('run budget', () => {
  it('one key: the matches-per-event bound stops the issue pattern at once, naming stage, key and event', () => {
    const m = createMatcher(nfaOf(explosivePattern()), options());
    const stop = pushAll(m, stream(200_000, 1));
    expect(stop).not.toBeNull();
    const e = stop as RunBudgetExceeded;
    expect(e.limit).toBe('matches-per-event');
    expect(e.stage).toBe('c');
    expect(e.key).toBe('u0');
    expect(e.seq).toBeLessThan(1000);
    expect(e.message).toMatch(/more than 1,000 matches/);
    expect(e.message).toMatch(/at event #\d+ \(timestamp \d+, key "u0"\)/);
    expect(e.message).toMatch(/stage "c"/);
    expect(e.message).toMatch(/add a window/);
    // The matcher stays stopped: every later call throws the same error.
    expect(() => m.push({ ts: 10 ** 9, name: 'a', user: 'u0' })).toThrow(e);
    expect(() => m.flush()).toThrow(e);
  });

  it('many keys: the budget counts partial matches across all keys, not per key', () => {
    const m = createMatcher(
      nfaOf(explosivePattern()),
      options({ budget: { maxPartialMatches: 20_000, maxMatchesPerEvent: 1_000_000 } }),
    );
    const stop = pushAll(m, stream(200_000, 200)) as RunBudgetExceeded;
    expect(stop.limit).toBe('partial-matches');
    expect(stop.message).toMatch(/more than 20,000 partial matches across all keys/);
    // No single key holds anywhere near the budget: it is the sum that went over.
    const perKey = [...m.keys.values()].map((ks) => ks.partial.length);
    expect(Math.max(...perKey)).toBeLessThan(2_000);
    expect(['b', 'c']).toContain(stop.stage);
  });

  it('bytes: the estimate of the runs and bound events stops long partial matches', () => {
    // One run per "a" that takes every later "b": few runs, many nodes.
    const loop = Pattern.begin('a').where("name == 'a'").followedBy('b').where("name == 'b'").oneOrMore();
    const m = createMatcher(
      nfaOf(loop),
      options({ budget: { maxBytes: 4 * 1024 * 1024, maxMatchesPerEvent: 1_000_000 } }),
    );
    const stop = pushAll(m, stream(100_000, 1)) as RunBudgetExceeded;
    expect(stop.limit).toBe('bytes');
    expect(stop.message).toMatch(/more than 4 MiB \(estimated/);
    expect(stop.stage).toBe('b');
    expect(stop.outputs.some((o) => o.kind === 'match')).toBe(true);
  });

  it('the totals follow the keys exactly, through windows, skips, idle keys and a restore', () => {
    const windowed = explosivePattern().within(25);
    const m = createMatcher(nfaOf(windowed), options());
    const events = stream(5_000, 37);
    for (const [i, e] of events.entries()) {
      m.push(e);
      if (i % 997 === 0) expect({ live: m.budget?.live, nodes: m.budget?.nodes }).toEqual(actual(m));
    }
    expect({ live: m.budget?.live, nodes: m.budget?.nodes }).toEqual(actual(m));
    const restored = restoreMatcher(
      m.nfa,
      JSON.parse(JSON.stringify(m.snapshot())) as MatcherSnapshot,
      options(),
    );
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    expect({ live: restored.matcher.budget?.live, nodes: restored.matcher.budget?.nodes }).toEqual(actual(m));
    m.flush();
    expect({ live: m.budget?.live, nodes: m.budget?.nodes }).toEqual({ live: 0, nodes: 0 });
  });

  it('a windowed pattern runs to the end under the default budget', () => {
    const m = createMatcher(nfaOf(explosivePattern().within(100)), options());
    expect(pushAll(m, stream(50_000, 10))).toBeNull();
    expect(m.counters.matches).toBeGreaterThan(1000);
  });

  it('budget false: no budget (as in Flink); the old per-key cap drops with a warning instead', () => {
    const m = createMatcher(
      nfaOf(explosivePattern()),
      options({ budget: false, maxPartialMatchesPerKey: 500 }),
    );
    let warnings = 0;
    for (const e of stream(400, 1)) warnings += m.push(e).filter((o) => o.kind === 'warning').length;
    expect(warnings).toBeGreaterThan(0);
    expect(m.budget).toBeNull();
  });
});
