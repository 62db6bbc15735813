/**
 * strict-seq-3: begin(A).next(B).next(C), each stage also `value > 10`, unkeyed, over events of
 * 9 uniform types. Peers: a hand-written loop for exactly this pattern, a RegExp over the stream
 * encoded as one character per event (encoding timed), and an RxJS scan pipeline.
 */
import { from, scan, filter, count } from 'rxjs';
import type { EventRecord, PatternSpec } from '../../engine/pattern/spec';
import { matcherRun, nfaRun, stage } from '../engine-run';
import { generateStream } from '../rng';
import type { Workload } from '../workload';

const SPEC: PatternSpec = {
  stages: [
    stage('a', 'begin', "type == 'A' && value > 10"),
    stage('b', 'next', "type == 'B' && value > 10"),
    stage('c', 'next', "type == 'C' && value > 10"),
  ],
  skip: { kind: 'NO_SKIP' },
};

/** 1 = A, 2 = B, 3 = C when the value condition holds, else 0. */
function symbol(e: EventRecord): number {
  if ((e.value as number) <= 10) return 0;
  const t = e.type;
  return t === 'A' ? 1 : t === 'B' ? 2 : t === 'C' ? 3 : 0;
}

/** State after seeing one more event: 1 after an A, 2 after A B, 0 otherwise; 3 marks a match. */
function stepState(st: number, s: number): number {
  if (s === 1) return 1;
  if (s === 2 && st === 1) return 2;
  if (s === 3 && st === 2) return 3;
  return 0;
}

function handwritten(events: readonly EventRecord[]): number {
  let st = 0;
  let matches = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const v = e.value as number;
    const t = e.type;
    if (t === 'A' && v > 10) st = 1;
    else if (st === 1 && t === 'B' && v > 10) st = 2;
    else if (st === 2 && t === 'C' && v > 10) {
      matches++;
      st = 0;
    } else st = 0;
  }
  return matches;
}

function regexp(events: readonly EventRecord[]): number {
  const codes = 'xabc';
  let text = '';
  for (let i = 0; i < events.length; i++) text += codes[symbol(events[i])];
  let n = 0;
  const re = /abc/g;
  while (re.exec(text) !== null) n++;
  return n;
}

function rxjs(events: readonly EventRecord[]): number {
  let result = 0;
  from(events)
    .pipe(
      scan((st, e) => stepState(st === 3 ? 0 : st, symbol(e)), 0),
      filter((st) => st === 3),
      count(),
    )
    .subscribe((n) => (result = n));
  return result;
}

export const strictSeq3: Workload = {
  slug: 'strict-seq-3',
  title: 'begin(A).next(B).next(C), value > 10, unkeyed',
  fullSize: 1_000_000,
  prepare(n) {
    const events = generateStream({ events: n, seed: 1 }) as unknown as EventRecord[];
    return {
      events,
      engine: matcherRun(SPEC, {}),
      nfa: nfaRun(SPEC),
      peers: [
        { name: 'handwritten', handwritten: true, run: handwritten },
        { name: 'regexp', run: regexp },
        { name: 'rxjs', run: rxjs },
      ],
      info: { pattern: 'begin(A).next(B).next(C), each `value > 10`; 9 uniform types; NO_SKIP' },
    };
  },
};
