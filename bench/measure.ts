/**
 * Measures one prepared workload: engine throughput and batch latency, each peer's throughput and
 * match count (a peer that disagrees is reported loudly), peak live partial matches and heap bytes
 * per live partial match.
 */
import { performance } from 'node:perf_hooks';
import { ENGINE_PATH, NFA_PATH } from './engine-run';
import { bytesPerPartialMatch, findPeak, latency, repeat, timeEngine, type Repeats } from './harness';
import type { PreparedWorkload, Workload } from './workload';

export interface PeerFigure {
  eventsPerSec: number;
  matches: number;
  agrees: boolean;
  /** engine events/s ÷ this peer's events/s */
  ratio: number;
}

export interface BenchResult {
  workload: string;
  engine: string;
  node: string;
  date: string;
  quick: boolean;
  events: number;
  eventsPerSec: number;
  nsPerEvent: number;
  p50Us: number;
  p99Us: number;
  batchP99Ms: number;
  matches: number;
  peakPartialMatches: number;
  bytesPerPartialMatch: number | null;
  droppedByCap: number;
  counters: Record<string, number>;
  handwrittenEventsPerSec?: number;
  ratio?: number;
  peers: Record<string, PeerFigure>;
  mismatches: string[];
  info: Record<string, string | number>;
  [extra: string]: unknown;
}

export interface MeasureOptions {
  quick: boolean;
  engineRepeats: Repeats;
  peerRepeats: Repeats;
}

function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function measureWorkload(w: Workload, prepared: PreparedWorkload, o: MeasureOptions): BenchResult {
  const { events, engine } = prepared;
  const n = events.length;
  const timed = repeat(o.engineRepeats, () => timeEngine(events, engine));
  const eps = n / (timed.median.totalMs / 1000);
  const lat = latency(timed.all);
  const mismatches: string[] = [];
  const engineMatches = timed.median.matches;
  for (const r of timed.all)
    if (r.matches !== engineMatches)
      mismatches.push(`engine runs disagree: ${r.matches} vs ${engineMatches} matches`);

  const peers: Record<string, PeerFigure> = {};
  let handwrittenEps: number | undefined;
  for (const p of prepared.peers) {
    let matches = 0;
    const t = repeat(o.peerRepeats, () => {
      const t0 = performance.now();
      matches = p.run(events);
      return { totalMs: performance.now() - t0 };
    });
    const peps = n / (t.median.totalMs / 1000);
    const agrees = matches === engineMatches;
    if (!agrees) mismatches.push(`peer ${p.name} found ${matches} matches, the engine ${engineMatches}`);
    peers[p.name] = { eventsPerSec: Math.round(peps), matches, agrees, ratio: round(eps / peps, 4) };
    if (p.handwritten) handwrittenEps = peps;
  }

  let nfa: Record<string, unknown> = {};
  if (prepared.nfa) {
    const t = repeat(o.engineRepeats, () =>
      timeEngine(events, prepared.nfa as NonNullable<typeof prepared.nfa>),
    );
    const neps = n / (t.median.totalMs / 1000);
    if (t.median.matches !== engineMatches)
      mismatches.push(`NFA direct found ${t.median.matches} matches, the matcher ${engineMatches}`);
    nfa = {
      nfaPath: NFA_PATH,
      nfaEventsPerSec: Math.round(neps),
      nfaP99Us: round(latency(t.all).p99Us),
      ...(handwrittenEps !== undefined ? { nfaRatio: round(neps / handwrittenEps, 4) } : {}),
    };
  }

  const peak = findPeak(events, engine);
  const mem = bytesPerPartialMatch(events, engine, peak.at);
  const counters = timed.median.counters;
  return {
    workload: w.slug,
    engine: ENGINE_PATH,
    node: process.version,
    date: new Date().toISOString(),
    quick: o.quick,
    events: n,
    eventsPerSec: Math.round(eps),
    nsPerEvent: round(1e9 / eps, 1),
    p50Us: round(lat.p50Us),
    p99Us: round(lat.p99Us),
    batchP99Ms: round(lat.batchP99Ms),
    matches: engineMatches,
    peakPartialMatches: peak.peak,
    bytesPerPartialMatch: mem.bytes === null ? null : Math.round(mem.bytes),
    droppedByCap: counters.droppedByCap ?? 0,
    counters,
    ...(handwrittenEps !== undefined
      ? { handwrittenEventsPerSec: Math.round(handwrittenEps), ratio: round(eps / handwrittenEps, 4) }
      : {}),
    ...nfa,
    peers,
    mismatches,
    info: prepared.info,
  };
}
