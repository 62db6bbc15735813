import { describe, expect, it } from 'vitest';
import {
  createMatcher,
  restoreMatcher,
  type MatcherOptions,
  type MatcherOutput,
  type MatcherSnapshot,
} from '../../../engine/nfa/index';
import { compile, pattern, show, stage } from './helpers';

const nfa = compile(
  pattern(
    [
      stage('a', 'begin', "name == 'a'"),
      stage('b', 'followedByAny', "name == 'b'", { kind: 'oneOrMore', from: 1 }),
      stage('c', 'followedBy', "name == 'c'"),
    ],
    { kind: 'NO_SKIP' },
    { within: { ms: 10, type: 'FIRST_AND_LAST' } },
  ),
);

const options: MatcherOptions = {
  timeouts: true,
  time: 'event',
  keyOf: (e) => String(e.user),
  timestampOf: (e) => e.ts as number,
  watermarks: 'explicit',
};

function render(outputs: MatcherOutput[]): string[] {
  return outputs.map((o) => {
    if (o.kind === 'match' || o.kind === 'timeout')
      return `${o.kind} ${o.key} ${show(o.match)} @${o.timestamp}`;
    if (o.kind === 'late') return `late ${o.key} ${String(o.event.event.name)} @${o.timestamp}`;
    return `${o.kind} ${o.key} ${o.message}`;
  });
}

const stream = [
  { user: 'u1', name: 'a', ts: 1 },
  { user: 'u2', name: 'a', ts: 2 },
  { user: 'u1', name: 'b', ts: 4 },
  { user: 'u1', name: 'b', ts: 3 },
  { user: 'u2', name: 'b', ts: 5 },
  { user: 'u1', name: 'c', ts: 6 },
  { user: 'u2', name: 'x', ts: 7 },
  { user: 'u1', name: 'a', ts: 8 },
  { user: 'u2', name: 'c', ts: 20 },
  { user: 'u1', name: 'b', ts: 9 },
];

type Op = { event: Record<string, unknown> } | { watermark: number };

function ops(): Op[] {
  const list: Op[] = [];
  stream.forEach((event, i) => {
    list.push({ event });
    if (i % 3 === 2) list.push({ watermark: event.ts - 2 });
  });
  list.push({ event: { user: 'u1', name: 'c', ts: 2 } });
  list.push({ watermark: Number.POSITIVE_INFINITY });
  return list;
}

function drive(m: ReturnType<typeof createMatcher>, list: Op[]): MatcherOutput[] {
  const out: MatcherOutput[] = [];
  for (const op of list) out.push(...('event' in op ? m.push(op.event) : m.advanceWatermark(op.watermark)));
  return out;
}

describe('matcher (CepOperator)', () => {
  it('buffers by event time per key, sorts out-of-order events and reports late ones', () => {
    const out = render(drive(createMatcher(nfa, options), ops()));
    // u1's b@3 arrives after b@4 but is processed first; both belong to the match completed by c@6.
    expect(out.filter((l) => l.startsWith('match'))).toEqual([
      'match u1 a:a b:b,b c:c @6',
      'match u1 a:a b:b c:c @6',
      'match u1 a:a b:b c:c @6',
    ]);
    expect(out).toContain('timeout u2 a:a b:b @12');
    expect(out).toContain('timeout u1 a:a @18');
    // The watermark reached 18 before u1's b@9 and c@2 arrived.
    expect(out.filter((l) => l.startsWith('late'))).toEqual(['late u1 b @9', 'late u1 c @2']);
  });

  it('derives watermarks from timestamps in auto mode and flushes at the end', () => {
    const m = createMatcher(nfa, { ...options, watermarks: 'auto', outOfOrdernessMs: 0 });
    const first = [
      ...m.push({ user: 'u', name: 'a', ts: 1 }),
      ...m.push({ user: 'u', name: 'b', ts: 2 }),
      ...m.push({ user: 'u', name: 'c', ts: 3 }),
    ];
    expect(render(first)).toEqual([]);
    // Nothing is released until the watermark (max ts − 0 − 1) passes the events; flush releases all,
    // and the followedByAny branches still waiting time out at start + 10.
    expect(render(m.flush())).toEqual([
      'match u a:a b:b c:c @3',
      'timeout u a:a b:b @11',
      'timeout u a:a @11',
    ]);
  });

  it('restores a JSON round-tripped snapshot and continues exactly like an uninterrupted run', () => {
    const list = ops();
    const reference = render(drive(createMatcher(nfa, options), list));
    for (const cut of [1, 4, 7, 10, list.length - 1]) {
      const first = createMatcher(nfa, options);
      const before = render(drive(first, list.slice(0, cut)));
      const snap = JSON.parse(JSON.stringify(first.snapshot())) as MatcherSnapshot;
      const restored = restoreMatcher(nfa, snap, options);
      if (!restored.ok) throw new Error(restored.error);
      const after = render(drive(restored.matcher, list.slice(cut)));
      expect([...before, ...after]).toEqual(reference);
      expect(restored.matcher.counters).toEqual(createMatcherCounters(list, reference));
    }
  });

  it('refuses a snapshot from another pattern with a clear error', () => {
    const m = createMatcher(nfa, options);
    m.push({ user: 'u1', name: 'a', ts: 1 });
    m.advanceWatermark(1);
    const other = compile(pattern([stage('x', 'begin', 'true'), stage('y', 'next', 'true')]));
    const r = restoreMatcher(other, m.snapshot(), options);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/does not exist in this pattern/);
  });

  it('reports bad timestamps as errors instead of throwing', () => {
    const m = createMatcher(nfa, options);
    const out = m.push({ user: 'u1', name: 'a', ts: 'soon' });
    expect(out).toEqual([expect.objectContaining({ kind: 'error', flinkError: 'IllegalArgumentException' })]);
  });

  it('runs in processing time without buffering', () => {
    const m = createMatcher(nfa, { ...options, time: 'processing' });
    const out = [
      ...m.push({ user: 'u', name: 'a', ts: 1 }),
      ...m.push({ user: 'u', name: 'b', ts: 2 }),
      ...m.push({ user: 'u', name: 'c', ts: 3 }),
    ];
    expect(render(out)).toEqual(['match u a:a b:b c:c @3']);
  });
});

function createMatcherCounters(list: Op[], reference: string[]) {
  return {
    events: list.filter((o) => 'event' in o).length,
    matches: reference.filter((l) => l.startsWith('match')).length,
    timeouts: reference.filter((l) => l.startsWith('timeout')).length,
    late: reference.filter((l) => l.startsWith('late')).length,
    warnings: 0,
    errors: 0,
  };
}
