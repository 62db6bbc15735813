/**
 * Play stops where Run-to-next-breakpoint (F5) stops. The loop drives a real engine ReplaySession
 * (the same one the replay service runs in its worker); F5's answer comes from the same session's
 * runUntilBreakpoint from the same start, so nothing here is hard-coded.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../engine/format';
import {
  prepareReplayPattern,
  ReplaySession,
  type Breakpoint,
  type BreakpointHit,
  type EventSource,
  type ReplayEvent,
} from '../../../engine/debug';
import type { ReplayRunResult } from '../../../electron/contract';
import { PlayLoop, type PlayView } from '../../../renderer/replay/play-loop';
import { nextTarget, planFromRun, stepsDue } from '../../../renderer/replay/play-plan';

const root = path.resolve(import.meta.dirname, '../../..');
const t0 = Date.parse('2026-03-02T09:00:00Z');

function tx(seq: number, type: string, amount: number, cardId: string): ReplayEvent {
  const ts = t0 + seq * 10_000;
  return {
    seq,
    ts,
    key: cardId,
    payload: {
      id: `t${seq}`,
      ts: new Date(ts).toISOString(),
      userId: 'u',
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
}

/** 80 events: purchases, with two probe → cashout pairs on different cards (two matches). */
function recording(): ReplayEvent[] {
  return Array.from({ length: 80 }, (_, i) => {
    if (i === 21) return tx(i, 'transfer', 0.5, 'c1');
    if (i === 30) return tx(i, 'transfer', 12_000, 'c1');
    if (i === 50) return tx(i, 'transfer', 0.2, 'c2');
    if (i === 55) return tx(i, 'transfer', 15_000, 'c2');
    return tx(i, 'purchase', 20 + i, `c${i % 3}`);
  });
}

function session(): ReplaySession {
  const loaded = loadDocument(
    JSON.parse(readFileSync(path.join(root, 'samples/patterns/risk/card-testing.cep.json'), 'utf8')),
  );
  if (!loaded.ok) throw new Error('sample pattern does not load');
  const prepared = prepareReplayPattern(loaded.document);
  if (!prepared.ok) throw new Error('sample pattern does not compile');
  const events = recording();
  const source: EventSource = { count: events.length, read: (from, to) => events.slice(from, to) };
  return new ReplaySession(prepared.pattern, source);
}

/** Where F5 stops from `from` (the session is put back afterwards). */
function f5(s: ReplaySession, from: number): { position: number; hit: BreakpointHit | null } {
  s.seek(from);
  const r = s.runUntilBreakpoint();
  s.seek(from);
  return { position: r.report.position, hit: r.hit };
}

/**
 * Plays `s` from `from` until the loop finishes; `lookAheadSteps` bounds each look-ahead as the
 * service's time budget does (a cut run reports how far it checked).
 */
function play(s: ReplaySession, from: number, breakpoints: Breakpoint[], lookAheadSteps = Infinity) {
  s.seek(from);
  const state = {
    position: from,
    playing: true,
    hit: null as BreakpointHit | null,
    note: null as string | null,
    moves: [] as number[],
    lookAheads: 0,
  };
  return new Promise<typeof state>((resolve) => {
    const loop = new PlayLoop({
      read: (): PlayView => ({
        sessionId: 's1',
        position: state.position,
        total: s.total,
        playing: state.playing,
        speed: 1000,
        breakpoints,
      }),
      lookAhead: (_id, at) => {
        state.lookAheads += 1;
        const r = s.runUntilBreakpoint(lookAheadSteps);
        const result: ReplayRunResult = { ...r, cancelled: !r.hit && !r.done };
        s.seek(at);
        return Promise.resolve(result);
      },
      cutLookAhead: () => undefined,
      moveTo: (position, hit) => {
        state.position = s.seek(position).position;
        state.moves.push(state.position);
        state.hit = hit;
        return Promise.resolve();
      },
      finish: (note) => {
        state.playing = false;
        state.note = note;
        resolve(state);
      },
    });
    loop.start();
  });
}

describe('Play with breakpoints', () => {
  it('stops on the event where F5 stops, showing the same hit, from several starts', async () => {
    const s = session();
    const breakpoints: Breakpoint[] = [{ kind: 'match' }];
    expect(s.setBreakpoints(breakpoints)).toEqual([]);
    for (const from of [0, 10, 31]) {
      const expected = f5(s, from);
      expect(expected.hit).not.toBeNull();
      const played = await play(s, from, breakpoints);
      expect(played.position).toBe(expected.position);
      expect(played.hit).toEqual(expected.hit);
      expect(played.note).toBeNull();
      // It walked there: no move went past the stop.
      expect(Math.max(...played.moves)).toBe(expected.position);
    }
  });

  it('stops exactly there when each look-ahead checks only a few steps', async () => {
    const s = session();
    const breakpoints: Breakpoint[] = [{ kind: 'enter-stage', stage: 'cashout' }];
    expect(s.setBreakpoints(breakpoints)).toEqual([]);
    const expected = f5(s, 0);
    expect(expected.hit?.message).toContain('cashout');
    const played = await play(s, 0, breakpoints, 4);
    expect(played.position).toBe(expected.position);
    expect(played.hit).toEqual(expected.hit);
    expect(played.lookAheads).toBeGreaterThan(1);
  });

  it('plays to the end with a note when no breakpoint fires, and looks nothing up without breakpoints', async () => {
    const s = session();
    const never: Breakpoint[] = [{ kind: 'event', expression: "type == 'refund'" }];
    expect(s.setBreakpoints(never)).toEqual([]);
    const played = await play(s, 70, never);
    expect(played.position).toBe(s.total);
    expect(played.note).toBe('Reached the end of the recording.');
    expect(played.hit).toBeNull();

    const disabled: Breakpoint[] = [{ kind: 'match', enabled: false }];
    const free = await play(session(), 70, disabled);
    expect(free.lookAheads).toBe(0);
    expect(free.position).toBe(s.total);
  });
});

describe('play plan', () => {
  it('owes one step at once and then speed × seconds', () => {
    expect(stepsDue(0, 5, 0)).toBe(1);
    expect(stepsDue(199, 5, 1)).toBe(0);
    expect(stepsDue(1000, 5, 1)).toBe(5);
  });

  it('never moves past the planned stop and batches at most a second of steps', () => {
    const plan = { from: 0, until: 12, hit: null };
    expect(nextTarget(10, plan, 50, 100)).toBe(12);
    expect(nextTarget(0, { ...plan, until: 1000 }, 500, 100)).toBe(100);
    expect(nextTarget(0, plan, 0, 5)).toBe(1);
  });

  it('treats a look-ahead that got nowhere as no plan', () => {
    const report = session().seek(3);
    expect(planFromRun(3, 81, { report, hit: null, done: false, cancelled: true })).toBeNull();
  });
});
