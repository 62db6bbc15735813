/**
 * followedbyany-blowup: begin(A).followedByAny(B).oneOrMore().allowCombinations().followedByAny(C)
 * within a short window (skip-till-any-match, SASE/CORE's hard case). Every non-empty subset of the
 * B events after an A is its own partial match, so live runs grow as 2^(B events in the window);
 * the per-key cap (100k) bounds them. Peer: a hand-written counter of those subsets.
 */
import type { EventRecord, PatternSpec } from '../../engine/pattern/spec';
import { DEFAULT_MAX_PARTIAL_MATCHES } from '../../engine/nfa/index';
import { matcherRun, stage } from '../engine-run';
import { generateStream } from '../rng';
import type { Workload } from '../workload';

const WINDOW_MS = 110; // ≈ 20 events at a mean gap of 5.5 ms
const WEIGHTS = { A: 0.05, B: 0.25, C: 0.05 };

const SPEC: PatternSpec = {
  stages: [
    stage('a', 'begin', "type == 'A'"),
    stage('b', 'followedByAny', "type == 'B'", {
      kind: 'oneOrMore',
      optional: false,
      greedy: false,
      inner: 'allowCombinations',
    }),
    stage('c', 'followedByAny', "type == 'C'"),
  ],
  within: { ms: WINDOW_MS, type: 'FIRST_AND_LAST' },
  skip: { kind: 'NO_SKIP' },
};

/** At each C: Σ over A's still inside the window of (2^(B's since that A) − 1). */
function handwritten(events: readonly EventRecord[]): number {
  const aTs: number[] = [];
  const bCount: number[] = [];
  let head = 0;
  let matches = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const t = e.type;
    const ts = e.ts as number;
    while (head < aTs.length && ts - aTs[head] >= WINDOW_MS) head++;
    if (t === 'A') {
      aTs.push(ts);
      bCount.push(0);
    } else if (t === 'B') {
      for (let r = head; r < aTs.length; r++) bCount[r]++;
    } else if (t === 'C') {
      for (let r = head; r < aTs.length; r++) matches += 2 ** bCount[r] - 1;
    }
    if (head > 1024) {
      aTs.splice(0, head);
      bCount.splice(0, head);
      head = 0;
    }
  }
  return matches;
}

export const followedByAny: Workload = {
  slug: 'followedbyany-blowup',
  title: 'begin(A).followedByAny(B).oneOrMore().allowCombinations().followedByAny(C), within ≈20 events',
  fullSize: 1_000_000,
  prepare(n) {
    const events = generateStream({ events: n, seed: 4, weights: WEIGHTS }) as unknown as EventRecord[];
    return {
      events,
      engine: matcherRun(SPEC, { maxPartialMatchesPerKey: DEFAULT_MAX_PARTIAL_MATCHES, budget: false }),
      peers: [{ name: 'handwritten', handwritten: true, run: handwritten }],
      info: {
        pattern: `begin(A).followedByAny(B).oneOrMore().allowCombinations().followedByAny(C).within(${WINDOW_MS} ms), NO_SKIP; P(A)=P(C)=0.05, P(B)=0.25; cap ${DEFAULT_MAX_PARTIAL_MATCHES} per key`,
      },
    };
  },
};
