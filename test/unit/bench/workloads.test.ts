/**
 * Keeps the benchmark suite from rotting: every workload runs at a tiny size, and the engine and
 * each of its peers must find the same number of matches. No timing is asserted.
 */
import { describe, expect, it } from 'vitest';
import { timeEngine } from '../../../bench/harness';
import { parseBenchArgs } from '../../../bench/run';
import { table } from '../../../bench/report';
import { WORKLOADS } from '../../../bench/workloads/index';

const TINY = 2_000;

describe('benchmark workloads at a tiny size', () => {
  for (const w of WORKLOADS.filter((x) => x.custom === undefined)) {
    it(`${w.slug}: the engine and every peer agree on the match count`, () => {
      const prepared = w.prepare(TINY);
      expect(prepared.events.length).toBeGreaterThan(TINY / 2);
      const engine = timeEngine(prepared.events, prepared.engine);
      expect(engine.counters.errors ?? 0).toBe(0);
      for (const peer of prepared.peers)
        expect({ peer: peer.name, matches: peer.run(prepared.events) }).toEqual({
          peer: peer.name,
          matches: engine.matches,
        });
      // Each stream workload must produce output, or a peer agreeing on zero proves nothing.
      expect(engine.matches + (engine.counters.timeouts ?? 0)).toBeGreaterThan(0);
    });
  }

  for (const w of WORKLOADS.filter((x) => x.custom !== undefined)) {
    it(`${w.slug}: measures itself on a tiny recording`, async () => {
      const r = await (w.custom as NonNullable<typeof w.custom>)(TINY, true);
      expect(r.workload).toBe(w.slug);
      if (w.slug === 'app-start') {
        expect(r.firstPaintMs).toEqual(expect.any(Number));
        expect(r.canvasInteractiveMs).toBeGreaterThan(0);
        expect(r.firstChunkBytes).toBeGreaterThan(0);
        // The CPU the load cost: Chromium's thread-time metrics and the web host's own CPU.
        const warm = r.warm as Record<string, unknown>;
        expect(warm.mainThreadCpuMs).toBeGreaterThan(0);
        expect(warm.rendererCpuMs).toBeGreaterThan(0);
        expect(warm.hostCpuMs).toBeGreaterThan(0);
        return;
      }
      if (w.slug === 'ui-typing') {
        // Keys that changed the text were measured, and the stored condition ends as typed.
        expect(r.keys).toBeGreaterThan(0);
        expect(r.keyPaintP95Ms).toEqual(expect.any(Number));
        expect(r.mainThreadCpuPerKeyMs).toBeGreaterThan(0);
        // The trace found each key's task and the frame after it.
        expect(r.keyFrameCpuP50Ms).toBeGreaterThan(0);
        // The second pass in the same page, reported beside the first.
        expect((r.warm as Record<string, number>).keys).toBeGreaterThan(0);
        expect(r.mismatches).toEqual([]);
        return;
      }
      if (w.slug === 'cli-start') {
        // Each Node measured (figures only: speed is judged from bench runs, not asserted here).
        const nodes = r.nodes as Record<string, number>[];
        expect(nodes.length).toBeGreaterThan(0);
        for (const n of nodes) {
          expect(n.bareNodeCpuMs).toEqual(expect.any(Number));
          expect(n.helpCpuMs).toBeGreaterThan(0);
          expect(n.validateCpuMs).toBeGreaterThan(0);
          expect(n.validateNoCacheCpuMs).toBeGreaterThan(0);
        }
        return;
      }
      expect(r.mismatches).toEqual([]);
      if (w.slug === 'replay-1m') {
        expect(r.stepP95Ms).toEqual(expect.any(Number));
        expect(r.seekP95Ms).toEqual(expect.any(Number));
      } else if (w.slug === 'diff-1m') {
        expect(r.ratio).toEqual(expect.any(Number));
        expect(r.progressUpdates).toBeGreaterThan(0);
      } else if (w.slug === 'ui-replay-1m') {
        for (const field of [
          'stepPaintP50Ms',
          'stepPaintP95Ms',
          'seekPaintP95Ms',
          'openToInteractiveMs',
          'openToTimelineMs',
          'holdFrameP95Ms',
          'holdDroppedFrames',
          'holdStepsShown',
        ])
          expect({ field, value: r[field] }).toEqual({ field, value: expect.any(Number) as number });
      } else expect(r.rowsPerSec).toEqual(expect.any(Number));
      // As the dialog sends it: every column but the time field with its inferred type enforced.
      if (w.slug === 'import-1m-ui') expect(r.enforcedColumnTypes).toBe(10);
      expect(r.events).toBe(TINY);
      // Generous: app-start, ui-replay-1m and ui-typing launch Chromium, and the suite shares the machine with
      // the e2e tests (ui-typing took over 240 s once at load 14).
    }, 480_000);
  }
});

describe('bench arguments and report', () => {
  it('parses --quick and --only, refuses unknown slugs', () => {
    expect(parseBenchArgs(['--quick', '--only', 'strict-seq-3'])).toEqual({
      quick: true,
      only: ['strict-seq-3'],
      save: true,
    });
    const bad = parseBenchArgs(['--only', 'nope']);
    expect(typeof bad === 'object' && 'error' in bad ? bad.error : '').toContain('unknown workload "nope"');
  });

  it('prints a peer mismatch in the table', () => {
    const text = table([
      { workload: 'x', eventsPerSec: 10, peers: { hw: { eventsPerSec: 20, ratio: 0.5, agrees: false } } },
    ]);
    expect(text).toContain('MISMATCH');
  });
});
