/**
 * Timing and memory measurement shared by every workload. Latency is timed per 1,024-event batch
 * (a timer call costs ~50 ns, more than the per-event budget), throughput is the median of several
 * whole runs after warm-up, and heap per partial match is read with forced GCs at the run's peak.
 */
import { performance } from 'node:perf_hooks';

export const BATCH = 1024;

/** One engine instance over one stream. */
export interface EngineRun<E> {
  push(event: E): void;
  /** End of input (flush the watermark); timed with the last batch. */
  finish(): void;
  matches(): number;
  /** Live partial matches right now (not counting the idle start run of each key). */
  livePartialMatches(): number;
  /** Extra counters to report (timeouts, late, dropped by cap…). */
  counters?(): Record<string, number>;
}

export interface TimedRun {
  totalMs: number;
  batchMs: number[];
  matches: number;
  counters: Record<string, number>;
}

export function timeEngine<E>(events: readonly E[], create: () => EngineRun<E>): TimedRun {
  const engine = create();
  const n = events.length;
  const batchMs: number[] = [];
  const t0 = performance.now();
  let tb = t0;
  for (let i = 0; i < n; i += BATCH) {
    const end = Math.min(n, i + BATCH);
    for (let j = i; j < end; j++) engine.push(events[j]);
    if (end === n) engine.finish();
    const t = performance.now();
    if (end - i === BATCH) batchMs.push(t - tb);
    tb = t;
  }
  const totalMs = performance.now() - t0;
  return { totalMs, batchMs, matches: engine.matches(), counters: engine.counters?.() ?? {} };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function median(xs: readonly number[]): number {
  return percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );
}

export interface Repeats {
  warmups: number;
  runs: number;
}

/** Past this, a workload gets 1 warm-up and 3 measured runs, so a slow one cannot take an hour. */
const SLOW_RUN_MS = 10_000;

/** Runs `fn` warmups + runs times; returns the run with the median total time, and all totals. */
export function repeat<T extends { totalMs: number }>(r: Repeats, fn: () => T): { median: T; all: T[] } {
  let runs = r.runs;
  for (let i = 0; i < r.warmups; i++) {
    if (fn().totalMs > SLOW_RUN_MS) {
      runs = Math.min(runs, 3);
      break;
    }
  }
  const all: T[] = [];
  for (let i = 0; i < runs; i++) all.push(fn());
  const sorted = [...all].sort((a, b) => a.totalMs - b.totalMs);
  return { median: sorted[Math.floor((sorted.length - 1) / 2)], all };
}

export interface LatencyFigures {
  p50Us: number;
  p99Us: number;
  batchP99Ms: number;
}

/** Per-event latency from batch times (batch ÷ 1,024), pooled over the measured runs. */
export function latency(runs: readonly TimedRun[]): LatencyFigures {
  const batches = runs.flatMap((r) => r.batchMs).sort((a, b) => a - b);
  return {
    p50Us: (percentile(batches, 50) * 1000) / BATCH,
    p99Us: (percentile(batches, 99) * 1000) / BATCH,
    batchP99Ms: percentile(batches, 99),
  };
}

/** Walks the stream once, sampling live partial matches after every batch; returns the peak and where. */
export function findPeak<E>(events: readonly E[], create: () => EngineRun<E>): { peak: number; at: number } {
  const engine = create();
  let peak = 0;
  let at = 0;
  for (let i = 0; i < events.length; i++) {
    engine.push(events[i]);
    if ((i + 1) % BATCH === 0 || i === events.length - 1) {
      const live = engine.livePartialMatches();
      if (live > peak) {
        peak = live;
        at = i + 1;
      }
    }
  }
  return { peak, at };
}

function heapNow(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) return Number.NaN;
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

export function gcAvailable(): boolean {
  return typeof (globalThis as { gc?: unknown }).gc === 'function';
}

/**
 * Heap bytes per live partial match: (heap at the peak − heap with the engine built and the events
 * loaded) ÷ live partial matches there. Everything the engine holds counts: runs, shared-buffer
 * nodes, per-key state, buffered events and timers. Null when too few partial matches are live to
 * divide by, or without --expose-gc.
 */
export function bytesPerPartialMatch<E>(
  events: readonly E[],
  create: () => EngineRun<E>,
  upTo: number,
): { bytes: number | null; live: number; heapDelta: number } {
  const engine = create();
  const base = heapNow();
  for (let i = 0; i < upTo; i++) engine.push(events[i]);
  const live = engine.livePartialMatches();
  const peak = heapNow();
  const delta = peak - base;
  const bytes = live >= 1000 && Number.isFinite(delta) ? Math.max(0, delta) / live : null;
  return { bytes, live, heapDelta: delta };
}
