/**
 * The replay and recordings UI's pure parts: the canvas overlay and condition values derived from a
 * real engine step report, the event filter and seek box parsers, and the Space shortcut.
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
import { formatShortcut, matchesShortcut, parseShortcut } from '../../../renderer/actions/shortcut';
import { fieldsNamedIn, parseFilter } from '../../../renderer/recordings/filter-parse';
import { deriveConditionValues, deriveNodeOverlay } from '../../../renderer/replay/overlay';
import { parseSeek } from '../../../renderer/replay/seek-parse';
import { eventLabel, parseEventNumber } from '../../../engine/debug/event-label';

const root = path.resolve(import.meta.dirname, '../../..');

function cardTestingSession(events: ReplayEvent[]): ReplaySession {
  const loaded = loadDocument(
    JSON.parse(readFileSync(path.join(root, 'samples/patterns/risk/card-testing.cep.json'), 'utf8')),
  );
  if (!loaded.ok) throw new Error('sample pattern does not load');
  const prepared = prepareReplayPattern(loaded.document);
  if (!prepared.ok) throw new Error('sample pattern does not compile');
  const source: EventSource = { count: events.length, read: (from, to) => events.slice(from, to) };
  return new ReplaySession(prepared.pattern, source);
}

const t0 = Date.parse('2026-03-02T09:00:00Z');
const tx = (seq: number, sec: number, type: string, amount: number, cardId = 'c1'): ReplayEvent => {
  const ts = new Date(t0 + sec * 1000).toISOString();
  return {
    seq,
    ts: t0 + sec * 1000,
    key: cardId,
    payload: {
      id: `t${seq}`,
      ts,
      userId: 'u1',
      cardId,
      type,
      amount,
      status: 'ok',
      merchant: 'm',
      device: 'd',
      knownDevice: true,
      country: 'DE',
    },
  };
};

describe('replay overlay slices', () => {
  it('marks the stage where the current key waits and counts per canvas node', () => {
    const events = [tx(0, 0, 'transfer', 0.5), tx(1, 60, 'purchase', 20), tx(2, 120, 'purchase', 30)];
    const session = cardTestingSession(events);
    // Event time with 5 s out-of-orderness: the probe is processed once a later event moves the watermark.
    let report = session.stepForward();
    for (let i = 0; i < 2 && report.partialMatches.length === 0; i++) report = session.stepForward();
    expect(report.partialMatches.map((p) => p.stage)).toEqual(['cashout']);
    const overlay = deriveNodeOverlay(report);
    const nodes = Object.values(overlay);
    expect(nodes.find((o) => o.stage === 'cashout')).toMatchObject({ occupied: true, active: 1, entered: 1 });
    expect(nodes.find((o) => o.stage === 'probe')).toMatchObject({ occupied: false, taken: 1 });
    // Every counter has a node id, so the canvas can find it.
    expect(Object.keys(overlay).sort()).toEqual(report.counters.map((c) => c.nodeId).sort());

    const values = deriveConditionValues(
      report,
      report.counters.map((c) => ({ stage: c.stage, nodeId: c.nodeId, contiguity: '' })),
    );
    const all = Object.values(values).flat();
    expect(all.length).toBeGreaterThan(0);
    for (const v of all) {
      expect(['where', 'or', 'until']).toContain(v.field);
      expect(typeof v.result).toBe('boolean');
    }
  });

  it('is empty for a step that processed nothing', () => {
    const session = cardTestingSession([tx(0, 0, 'purchase', 5)]);
    const report = session.seek(0);
    expect(Object.values(deriveNodeOverlay(report)).every((o) => !o.occupied && o.active === 0)).toBe(true);
    expect(deriveConditionValues(report, [])).toEqual({});
  });
});

describe('event filter box', () => {
  it('turns field=value terms into typed equality conditions and the rest into text search', () => {
    expect(parseFilter('type=transfer amount=0.5 knownDevice=false note=null "DE"')).toEqual({
      equals: [
        { field: 'type', value: 'transfer' },
        { field: 'amount', value: 0.5 },
        { field: 'knownDevice', value: false },
        { field: 'note', value: null },
      ],
      contains: 'DE',
    });
    expect(parseFilter('id="007"')).toEqual({ equals: [{ field: 'id', value: '007' }] });
    expect(parseFilter('user.id=u1')).toEqual({ equals: [{ field: 'user.id', value: 'u1' }] });
    expect(parseFilter('   ')).toEqual({});
  });

  it('names the fields a filter uses, in its order, not words inside quotes', () => {
    const fields = ['ts', 'cardId', 'type', 'amount', 'note'];
    expect(fieldsNamedIn("amount > 10000 && type == 'note'", fields)).toEqual(['amount', 'type']);
    expect(fieldsNamedIn('type=transfer cardId=c1 amount', fields)).toEqual(['type', 'cardId', 'amount']);
    expect(fieldsNamedIn('transfer', fields)).toEqual([]);
  });
});

describe('seek box', () => {
  it('reads event numbers (the first event is #1) and UTC times, and explains anything else', () => {
    expect(parseSeek('1200')).toEqual({ index: 1199 });
    expect(parseSeek('#7')).toEqual({ index: 6 });
    // Event numbers as the debugger writes them ("#112,501") paste back in.
    expect(parseSeek('#112,501')).toEqual({ index: 112500 });
    expect(parseSeek('1,000,000')).toEqual({ index: 999999 });
    expect(parseSeek('1,00')).toMatch(/neither an event number nor a time/);
    expect(parseSeek('1')).toEqual({ index: 0 });
    expect(parseSeek('0')).toMatch(/numbered from 1/);
    expect(parseSeek('2026-03-02T09:30')).toEqual({ ts: Date.parse('2026-03-02T09:30Z') });
    expect(parseSeek('2026-03-02T09:30:00+01:00')).toEqual({ ts: Date.parse('2026-03-02T08:30:00Z') });
    expect(parseSeek('soon')).toMatch(/neither an event number nor a time/);
    expect(parseSeek('')).toMatch(/Type an event number/);
  });
});

describe('event labels', () => {
  it('group thousands like the counts beside them, and read back what they write', () => {
    expect(eventLabel(0)).toBe('#1');
    expect(eventLabel(112500)).toBe('#112,501');
    for (const seq of [0, 998, 999, 12344, 999999]) expect(parseEventNumber(eventLabel(seq))).toBe(seq + 1);
    expect(parseEventNumber('12a')).toBeNaN();
  });
});

describe('Space shortcut', () => {
  it('matches the space bar and is shown as "Space"', () => {
    const chord = parseShortcut('Space');
    const key = { key: ' ', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false };
    expect(matchesShortcut(chord, key, false)).toBe(true);
    expect(matchesShortcut(chord, { ...key, key: 'a' }, false)).toBe(false);
    expect(matchesShortcut(chord, { ...key, ctrlKey: true }, false)).toBe(false);
    expect(formatShortcut('Space', false)).toBe('Space');
  });
});
