/**
 * Bounded fuzzing in CI, a longer run on demand: a fixed seed and a few thousand cases by default;
 * `npm run fuzz` (FUZZ_RUNS=…, FUZZ_SEED=…) runs more. A failure prints fast-check's seed and
 * path, so it replays exactly.
 */
import type fc from 'fast-check';

const runs = Number(process.env.FUZZ_RUNS ?? '');
const seed = Number(process.env.FUZZ_SEED ?? '');

/** fast-check parameters for a property worth `defaultRuns` cases in CI. */
export function fuzzParams(defaultRuns: number): fc.Parameters<unknown> {
  return {
    seed: Number.isInteger(seed) && process.env.FUZZ_SEED ? seed : 20_261_206,
    numRuns: Number.isInteger(runs) && runs > 0 ? runs : defaultRuns,
  };
}

/** A test timeout that grows with a longer run. */
export function fuzzTimeout(defaultMs: number): number {
  return Number.isInteger(runs) && runs > 0 ? Math.max(defaultMs, runs * 20) : defaultMs;
}
