/**
 * notfollowedby-timeouts: keyed begin(A).notFollowedBy(B).followedBy(C).within(2 min), event time
 * with a 2 s bounded-out-of-orderness watermark; 10 % of events arrive up to 2 s late (still in
 * time), 0.1 % more than 2 s late (dropped as late). Most A's never see a C in time, so the window
 * timers emit timed-out partial matches. No peer: this measures the operator's timer path.
 */
import type { EventRecord, PatternSpec } from '../../engine/pattern/spec';
import { matcherRun, stage } from '../engine-run';
import { generateStream, mulberry32 } from '../rng';
import type { Workload } from '../workload';

const SPEC: PatternSpec = {
  stages: [
    stage('a', 'begin', "type == 'A'"),
    stage('b', 'notFollowedBy', "type == 'B'"),
    stage('c', 'followedBy', "type == 'C'"),
  ],
  within: { ms: 120_000, type: 'FIRST_AND_LAST' },
  skip: { kind: 'NO_SKIP' },
};

/** Arrival order: most events on time, 10 % delayed by up to 2 s, 0.1 % by 2–5 s. */
function shuffleArrivals(events: EventRecord[], seed: number): EventRecord[] {
  const r = mulberry32(seed);
  const arrival = events.map((e) => {
    const u = r();
    const ts = e.ts as number;
    const delay = u < 0.001 ? 2_100 + r() * 3_000 : u < 0.101 ? r() * 1_900 : 0;
    return { e, at: ts + delay };
  });
  arrival.sort((x, y) => x.at - y.at);
  return arrival.map((x) => x.e);
}

export const notFollowedBy: Workload = {
  slug: 'notfollowedby-timeouts',
  title: 'keyed begin(A).notFollowedBy(B).followedBy(C).within(2 min), out-of-order events, 10k keys',
  fullSize: 1_000_000,
  prepare(n) {
    const events = shuffleArrivals(
      generateStream({ events: n, seed: 5, keys: 10_000 }) as unknown as EventRecord[],
      6,
    );
    return {
      events,
      engine: matcherRun(SPEC, { keyOf: (e) => String(e.key), outOfOrdernessMs: 2_000, timeouts: true }),
      peers: [],
      info: {
        pattern:
          'begin(A).notFollowedBy(B).followedBy(C).within(2 min), keyed (10k keys); watermark = max ts − 2 s; 10 % late ≤ 2 s, 0.1 % late > 2 s',
      },
    };
  },
};
