/**
 * Inline values in the condition editor, from real engine step reports of the card-testing sample:
 * the values shown are the engine's (fields read, clause values, the result), short-circuited parts
 * are not invented, and edited or unevaluable conditions say so instead of showing stale values.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../engine/format';
import {
  prepareReplayPattern,
  ReplaySession,
  type EventSource,
  type ReplayEvent,
} from '../../../engine/debug';
import { conditionKey } from '../../../renderer/designer/conditions/cursor-request';
import {
  conditionValueFor,
  formatInlineValue,
  inlineValuesFor,
} from '../../../renderer/designer/conditions/inline-values';
import { deriveConditionValues, type ConditionValue } from '../../../renderer/replay/overlay';

const root = path.resolve(import.meta.dirname, '../../..');
const t0 = Date.parse('2026-03-02T09:00:00Z');
const PROBE = "type == 'transfer' && amount < 1";

function tx(seq: number, type: string, amount: number): ReplayEvent {
  const ts = t0 + seq * 10_000;
  return {
    seq,
    ts,
    key: 'c1',
    payload: {
      id: `t${seq}`,
      ts: new Date(ts).toISOString(),
      userId: 'u',
      cardId: 'c1',
      type,
      amount,
      status: 'ok',
      merchant: 'm',
      device: 'd',
      knownDevice: true,
      country: 'DE',
    },
  };
}

/** The probe stage's `where` as evaluated on event `seq` (stepping until the watermark releases it). */
function probeValueOn(events: ReplayEvent[], seq: number): ConditionValue {
  const loaded = loadDocument(
    JSON.parse(readFileSync(path.join(root, 'samples/patterns/risk/card-testing.cep.json'), 'utf8')),
  );
  if (!loaded.ok) throw new Error('sample pattern does not load');
  const prepared = prepareReplayPattern(loaded.document);
  if (!prepared.ok) throw new Error('sample pattern does not compile');
  const source: EventSource = { count: events.length, read: (from, to) => events.slice(from, to) };
  const session = new ReplaySession(prepared.pattern, source);
  const stages = prepared.pattern.stages.map((s) => ({
    stage: s.stage,
    nodeId: s.nodeId,
    contiguity: s.contiguity,
  }));
  const probeNode = stages.find((s) => s.stage === 'probe')?.nodeId ?? '';
  for (let p = 1; p <= session.total; p++) {
    const found = conditionValueFor(
      deriveConditionValues(session.seek(p), stages),
      conditionKey(probeNode, 'where'),
    );
    if (found?.seq === seq) return found;
  }
  throw new Error(`event #${seq} was never tested against probe`);
}

describe('inline condition values', () => {
  const events = [
    tx(0, 'purchase', 30),
    tx(1, 'transfer', 0.5),
    tx(2, 'transfer', 812),
    tx(3, 'purchase', 5),
    // The periodic watermark trails: this one is what releases #2 before the end of input.
    tx(4, 'purchase', 7),
  ];

  it('shows the fields read, the inner clause and the result of a true condition', () => {
    const cv = probeValueOn(events, 1);
    expect(cv.source).toBe(PROBE);
    const shown = inlineValuesFor(PROBE, cv, 1);
    expect(shown).toEqual([
      { offset: "type == 'transfer'".length, text: 'true', kind: 'true' },
      { offset: PROBE.length, text: 'type = "transfer", amount = 0.5', kind: 'value' },
      { offset: PROBE.length, text: '→ true', kind: 'true' },
    ]);
  });

  it('shows only what was evaluated: a short-circuited clause has no value', () => {
    const cv = probeValueOn(events, 0);
    const shown = inlineValuesFor(PROBE, cv, 0);
    expect(shown.map((v) => v.text)).toEqual(['false', 'type = "purchase"', '→ false']);
    expect(shown.at(-1)?.kind).toBe('false');
  });

  it('says which event (numbered from 1) the values are of when the watermark released an earlier one', () => {
    const cv = probeValueOn(events, 2);
    const shown = inlineValuesFor(PROBE, cv, 3);
    expect(shown.find((v) => v.kind === 'value')?.text).toBe('on #3: type = "transfer", amount = 812');
  });

  it('follows surrounding whitespace, and refuses stale values after an edit', () => {
    const cv = probeValueOn(events, 1);
    const padded = inlineValuesFor(`  ${PROBE}\n`, cv, 1);
    expect(padded[0].offset).toBe(2 + "type == 'transfer'".length);
    expect(padded.at(-1)).toEqual({ offset: 2 + PROBE.length, text: '→ true', kind: 'true' });
    expect(inlineValuesFor(`${PROBE} && amount > 0`, cv, 1)).toEqual([
      {
        offset: PROBE.length + ' && amount > 0'.length,
        text: 'edited since the replay started',
        kind: 'note',
      },
    ]);
    expect(inlineValuesFor(PROBE, undefined, 1)).toEqual([
      { offset: PROBE.length, text: 'not tested in this step', kind: 'note' },
    ]);
    expect(inlineValuesFor(PROBE, { ...cv, values: [] }, 1)).toEqual([
      { offset: PROBE.length, text: 'cannot evaluate on this event', kind: 'error' },
    ]);
  });

  it('finds the editor’s condition among the node’s where, or[i] and until values', () => {
    const base = probeValueOn(events, 1);
    const byNode = {
      n1: [
        { ...base, label: 'probe.where', field: 'where' as const },
        { ...base, label: 'probe.or[0]', field: 'or' as const, source: 'a' },
        { ...base, label: 'probe.or[1]', field: 'or' as const, source: 'b' },
        { ...base, label: 'probe.until', field: 'until' as const, source: 'u' },
      ],
    };
    expect(conditionValueFor(byNode, conditionKey('n1', 'or', 1))?.source).toBe('b');
    expect(conditionValueFor(byNode, conditionKey('n1', 'until'))?.source).toBe('u');
    expect(conditionValueFor(byNode, conditionKey('n1', 'where'))?.label).toBe('probe.where');
    expect(conditionValueFor(byNode, conditionKey('n2', 'where'))).toBeUndefined();
  });

  it('writes values as the condition language does, short', () => {
    expect(formatInlineValue('x')).toBe('"x"');
    expect(formatInlineValue(undefined)).toBe('missing');
    expect(formatInlineValue(null)).toBe('null');
    expect(formatInlineValue({ a: 'b'.repeat(80) })).toHaveLength(40);
  });
});
