/**
 * followedby-within-100k-keys: keyed begin(A).followedBy(B).within(10 min) over 100k keys
 * (mean gap 5.5 ms, so a window spans ≈109k events, ≈1.1 per key). Peers: a hand-written keyed
 * matcher (pending A timestamps per key) and RxJS groupBy + scan.
 */
import { from, groupBy, mergeMap, scan, map, reduce } from 'rxjs';
import type { EventRecord, PatternSpec } from '../../engine/pattern/spec';
import { matcherRun, stage } from '../engine-run';
import { generateStream } from '../rng';
import type { Workload } from '../workload';

const WINDOW_MS = 10 * 60 * 1000;
const SPEC: PatternSpec = {
  stages: [stage('a', 'begin', "type == 'A'"), stage('b', 'followedBy', "type == 'B'")],
  within: { ms: WINDOW_MS, type: 'FIRST_AND_LAST' },
  skip: { kind: 'NO_SKIP' },
};

/** Each pending A matches the first B of its key that comes less than the window after it. */
function handwritten(events: readonly EventRecord[]): number {
  const pending = new Map<number, number[]>();
  let matches = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const t = e.type;
    if (t === 'A') {
      const list = pending.get(e.key as number);
      if (list) list.push(e.ts as number);
      else pending.set(e.key as number, [e.ts as number]);
    } else if (t === 'B') {
      const list = pending.get(e.key as number);
      if (!list) continue;
      const ts = e.ts as number;
      for (const a of list) if (ts - a < WINDOW_MS) matches++;
      pending.delete(e.key as number);
    }
  }
  return matches;
}

interface KeyAcc {
  pending: number[];
  matched: number;
}

function rxjs(events: readonly EventRecord[]): number {
  let result = 0;
  from(events)
    .pipe(
      groupBy((e) => e.key as number),
      mergeMap((g) =>
        g.pipe(
          scan<EventRecord, KeyAcc>(
            (acc, e) => {
              acc.matched = 0;
              if (e.type === 'A') acc.pending.push(e.ts as number);
              else if (e.type === 'B') {
                for (const a of acc.pending) if ((e.ts as number) - a < WINDOW_MS) acc.matched++;
                acc.pending = [];
              }
              return acc;
            },
            { pending: [], matched: 0 },
          ),
          map((acc) => acc.matched),
        ),
      ),
      reduce((sum, n) => sum + n, 0),
    )
    .subscribe((n) => (result = n));
  return result;
}

export const followedByWithin: Workload = {
  slug: 'followedby-within-100k-keys',
  title: 'keyed begin(A).followedBy(B).within(10 min), 100k keys',
  fullSize: 1_000_000,
  prepare(n) {
    const events = generateStream({ events: n, seed: 2, keys: 100_000 }) as unknown as EventRecord[];
    return {
      events,
      engine: matcherRun(SPEC, { keyOf: (e) => String(e.key) }),
      peers: [
        { name: 'handwritten', handwritten: true, run: handwritten },
        { name: 'rxjs-groupBy', run: rxjs },
      ],
      info: { pattern: 'begin(A).followedBy(B).within(10 min), keyed by `key` (100k keys), NO_SKIP' },
    };
  },
};
