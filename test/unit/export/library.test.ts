/** The documented library flow through engine/index.ts: load, compile once, match, checkpoint, restore. */
import { describe, expect, it } from 'vitest';
import {
  compilePattern,
  createMatcher,
  documentToSpec,
  loadDocument,
  Pattern,
  restoreMatcher,
  serializeDocument,
  type EventRecord,
  type MatcherOptions,
  type MatcherOutput,
} from '../../../engine';

const text = serializeDocument(
  Pattern.begin('a', 'SKIP_PAST_LAST_EVENT')
    .where("name == 'a'")
    .followedBy('b')
    .where("name == 'b'")
    .within(100)
    .toDocument({ name: 'lib' }),
);
const options: MatcherOptions = {
  timeouts: true,
  time: 'event',
  timestampOf: (e) => Number(e.ts),
  keyOf: (e) => String(e.k),
};
const events: EventRecord[] = [
  { ts: 1, k: 'x', name: 'a' },
  { ts: 2, k: 'y', name: 'a' },
  { ts: 5, k: 'x', name: 'c' },
  { ts: 9, k: 'x', name: 'b' },
  { ts: 20, k: 'z', name: 'a' },
  { ts: 30, k: 'y', name: 'b' },
];
const summary = (outs: MatcherOutput[]) =>
  outs.map((o) =>
    o.kind === 'match' || o.kind === 'timeout'
      ? `${o.kind}:${o.key}@${o.timestamp}:${o.match.stages.map((s) => `${s.stage}=${s.events.map((e) => String(e.event.ts)).join('+')}`).join(',')}`
      : o.kind,
  );

function compiled() {
  const loaded = loadDocument(text);
  if (!loaded.ok) throw new Error('load');
  const lowered = documentToSpec(loaded.document);
  if (!lowered.ok) throw new Error('lower');
  const c = compilePattern(lowered.spec);
  if (!c.ok) throw new Error('compile');
  return c.nfa;
}

describe('engine library entry point', () => {
  it('matches per key, releases on watermarks and flushes timeouts', () => {
    const matcher = createMatcher(compiled(), options);
    const outs = [
      ...events.flatMap((e) => matcher.push(e)),
      ...matcher.advanceWatermark(1_000),
      ...matcher.flush(),
    ];
    expect(summary(outs)).toEqual(['match:x@9:a=1,b=9', 'match:y@30:a=2,b=30', 'timeout:z@120:a=20']);
  });

  it('a checkpoint taken mid-stream restores to the same results (through plain JSON)', () => {
    const nfa = compiled();
    const whole = createMatcher(nfa, options);
    const expected = summary([...events.flatMap((e) => whole.push(e)), ...whole.flush()]);
    for (let cut = 0; cut <= events.length; cut++) {
      const first = createMatcher(nfa, options);
      const before = events.slice(0, cut).flatMap((e) => first.push(e));
      const restored = restoreMatcher(
        nfa,
        JSON.parse(JSON.stringify(first.snapshot())) as ReturnType<typeof first.snapshot>,
        options,
      );
      if (!restored.ok) throw new Error(restored.error);
      const after = [
        ...events.slice(cut).flatMap((e) => restored.matcher.push(e)),
        ...restored.matcher.flush(),
      ];
      expect(summary([...before, ...after]), `cut at ${cut}`).toEqual(expected);
    }
  });
});
