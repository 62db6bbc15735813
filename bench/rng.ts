/** Seeded streams for the workloads: mulberry32, so every run of the suite sees the same events. */

export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One benchmark event: CORE's shape (type among 9 letters, value 0–100, key, event time). */
export interface BenchEvent {
  readonly type: string;
  readonly value: number;
  readonly key: number;
  readonly ts: number;
}

export const TYPES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'] as const;

export interface StreamOptions {
  events: number;
  seed: number;
  keys?: number;
  /** Cumulative type probabilities for A, B, C (the rest is noise spread over D–I); uniform when absent. */
  weights?: { A: number; B: number; C: number };
  /** Event-time gap: uniform integer in [1, maxGapMs] (mean ≈ 5.5 ms for 10). */
  maxGapMs?: number;
}

/** Events with strictly increasing timestamps, built before any timing starts. */
export function generateStream(o: StreamOptions): BenchEvent[] {
  const r = mulberry32(o.seed);
  const keys = o.keys ?? 1;
  const gap = o.maxGapMs ?? 10;
  const w = o.weights;
  const out: BenchEvent[] = new Array<BenchEvent>(o.events);
  let ts = 1_700_000_000_000;
  for (let i = 0; i < o.events; i++) {
    const u = r();
    let type: string;
    if (w === undefined) type = TYPES[Math.floor(u * 9)];
    else if (u < w.A) type = 'A';
    else if (u < w.A + w.B) type = 'B';
    else if (u < w.A + w.B + w.C) type = 'C';
    else type = TYPES[3 + Math.floor(r() * 6)];
    ts += 1 + Math.floor(r() * gap);
    out[i] = { type, value: Math.floor(r() * 101), key: keys === 1 ? 0 : Math.floor(r() * keys), ts };
  }
  return out;
}
