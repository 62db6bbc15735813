/**
 * oneormore-sum-skip: begin(A).followedBy(B).oneOrMore() with the iterative condition
 * `sum(b.value) + value <= L`, then followedBy(C), skip past last event, within ≈1,000 events.
 * L sets the run length k (mean value 50: k ≈ L / 50). Peer: a hand-written matcher keeping a
 * running sum per live run.
 */
import type { EventRecord, PatternSpec } from '../../engine/pattern/spec';
import { matcherRun, stage } from '../engine-run';
import { generateStream } from '../rng';
import type { Peer, Workload } from '../workload';

const WINDOW_MS = 5_500;

export interface SumVariant {
  limit: number;
  weights: { A: number; B: number; C: number };
  windowMs: number;
}

export const SUM_VARIANTS: Record<string, SumVariant> = {
  k10: { limit: 500, weights: { A: 0.02, B: 0.5, C: 0.02 }, windowMs: WINDOW_MS },
  k100: { limit: 5_000, weights: { A: 0.002, B: 0.5, C: 0.002 }, windowMs: WINDOW_MS },
  k1000: { limit: 50_000, weights: { A: 0.0002, B: 0.5, C: 0.0002 }, windowMs: 10 * WINDOW_MS },
};

export function sumSpec(v: SumVariant): PatternSpec {
  return {
    stages: [
      stage('a', 'begin', "type == 'A'"),
      stage('b', 'followedBy', `type == 'B' && sum(b.value) + value <= ${v.limit}`, {
        kind: 'oneOrMore',
        optional: false,
        greedy: false,
        inner: 'relaxed',
      }),
      stage('c', 'followedBy', "type == 'C'"),
    ],
    within: { ms: v.windowMs, type: 'FIRST_AND_LAST' },
    skip: { kind: 'SKIP_PAST_LAST_EVENT' },
  };
}

/**
 * Live runs (one per A since the last match) keep their B sum. A C completes the earliest run
 * still inside the window if it took a B; skip-past-last-event then prunes every run.
 */
export function handwrittenSum(v: SumVariant): Peer['run'] {
  return (events) => {
    const start: number[] = [];
    const sum: number[] = [];
    const took: boolean[] = [];
    let head = 0;
    let matches = 0;
    for (let i = 0; i < events.length; i++) {
      const e = events[i];
      const t = e.type;
      if (t === 'A') {
        start.push(e.ts as number);
        sum.push(0);
        took.push(false);
      } else if (t === 'B') {
        const val = e.value as number;
        for (let r = head; r < start.length; r++) {
          if (sum[r] + val <= v.limit) {
            sum[r] += val;
            took[r] = true;
          }
        }
      } else if (t === 'C') {
        const ts = e.ts as number;
        while (head < start.length && ts - start[head] >= v.windowMs) head++;
        if (head < start.length && took[head]) {
          matches++;
          start.length = sum.length = took.length = head = 0;
        }
      }
      if (head > 1024) {
        start.splice(0, head);
        sum.splice(0, head);
        took.splice(0, head);
        head = 0;
      }
    }
    return matches;
  };
}

export const oneOrMoreSum: Workload = {
  slug: 'oneormore-sum-skip',
  title: 'begin(A).followedBy(B).oneOrMore() sum(B.value) ≤ L, followedBy(C), skip past last event',
  fullSize: 1_000_000,
  prepare(n) {
    const v = SUM_VARIANTS.k10;
    const events = generateStream({ events: n, seed: 3, weights: v.weights }) as unknown as EventRecord[];
    return {
      events,
      engine: matcherRun(sumSpec(v), {}),
      peers: [{ name: 'handwritten', handwritten: true, run: handwrittenSum(v) }],
      info: {
        pattern: `begin(A).followedBy(B: sum(b.value) + value <= ${v.limit}).oneOrMore().followedBy(C).within(${v.windowMs} ms), SKIP_PAST_LAST_EVENT; P(A)=P(C)=0.02, P(B)=0.5`,
        k: 10,
      },
    };
  },
};
