/**
 * A machine-speed reading taken in every workload process, so figures from a busy machine can be
 * told apart from engine regressions: Map<int, state> get + set over 100k keys, whose cost on the
 * idle development machine was ~50 ns (shared/research/perf-anchors.md, section 3).
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { mulberry32 } from './rng';

export const QUIET_MAP_GET_NS = 50;

export interface Calibration {
  mapGetNs: number;
  /** mapGetNs ÷ the quiet-machine figure: 1 is an idle machine, 3 means everything runs ~3× slower. */
  slowdown: number;
  loadAverage1m: number;
}

export function calibrate(): Calibration {
  const keys = 100_000;
  const n = 1_000_000;
  const r = mulberry32(9);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = Math.floor(r() * keys);
  const map = new Map<number, number>();
  for (let k = 0; k < keys; k++) map.set(k, 0);
  const times: number[] = [];
  let sink = 0;
  for (let rep = 0; rep < 5; rep++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const k = order[i];
      const v = (map.get(k) ?? 0) + 1;
      map.set(k, v);
      sink += v;
    }
    times.push(((performance.now() - t0) * 1e6) / n);
  }
  if (sink < 0) throw new Error('unreachable');
  times.sort((a, b) => a - b);
  const mapGetNs = Math.round(times[2] * 10) / 10;
  return {
    mapGetNs,
    slowdown: Math.round((mapGetNs / QUIET_MAP_GET_NS) * 10) / 10,
    loadAverage1m: Math.round(loadavg()[0] * 10) / 10,
  };
}
