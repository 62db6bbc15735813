/**
 * One run of a pattern over one set of events, for every test case that uses those events: the
 * real engine (the replay's Runner), once, recording each match and timeout, and every partial
 * match that started at an event an expectation starts with (so a failure can say where the
 * expected match and the real run parted). Runs in chunks so a worker can report progress and
 * stop between them. Pure: events come from an EventSource, time from the events.
 */
import { CheckpointStore } from '../debug/checkpoints';
import type { ReplayPattern } from '../debug/replay-pattern';
import { createContext, Runner, type ReplayContext, type StepListener } from '../debug/runner';
import type { BoundStage, DiscardKind, EventSource } from '../debug/types';
import { boundOf } from '../debug/views';
import type { TestCase } from '../format/tests-schema';
import type { Match } from '../nfa/types';
import type { EventRecord } from '../pattern/spec';
import { evaluateCase } from './evaluate';
import { CaseRefs } from './refs';
import type { CaseResult, Outcome } from './types';

/** A run that began at an expected first event: where it ended up. */
export interface Candidate {
  how: 'match' | 'timeout' | 'discarded' | 'alive';
  key: string;
  bound: BoundStage[];
  /** Step that emitted it, or after which it was gone; alive ones: the end-of-input step. */
  position: number;
  reason?: DiscardKind;
}

/** Steps per chunk callers typically run between progress reports. */
export const TEST_CHUNK_STEPS = 5000;

export function outcomeOf(
  kind: 'match' | 'timeout',
  key: string,
  timestamp: number,
  match: Match,
  position: number,
): Outcome {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const s of match.stages)
    for (const e of s.events) {
      if (e.timestamp < first) first = e.timestamp;
      if (e.timestamp > last) last = e.timestamp;
    }
  return {
    kind,
    key,
    timestamp,
    position,
    bound: boundOf(match),
    firstTimestamp: first,
    lastTimestamp: last,
  };
}

export class TestRun {
  readonly ctx: ReplayContext;
  private readonly runner: Runner;
  readonly outcomes: Outcome[] = [];
  readonly candidates: Candidate[] = [];
  private readonly refs: CaseRefs[];
  /** Per case: the refs (as text) of events an expected match starts with. */
  private readonly startRefs: Set<string>[];
  /** Positions of expected first events seen so far, and their keys. */
  readonly startSeqs = new Set<number>();
  private readonly startKeys = new Set<string>();

  constructor(
    readonly pattern: ReplayPattern,
    readonly source: EventSource,
    readonly cases: readonly TestCase[],
  ) {
    this.ctx = createContext(pattern, source, new CheckpointStore(source.count + 1));
    this.runner = new Runner(this.ctx);
    this.refs = cases.map((c) => new CaseRefs(c, source.count));
    const order = pattern.nfa.stageNames;
    this.startRefs = cases.map((c) => {
      const starts = new Set<string>();
      for (const e of c.expect) {
        if ((e.kind !== 'match' && e.kind !== 'timeout') || e.stages === undefined) continue;
        const first = Object.keys(e.stages).sort((a, b) => order.indexOf(a) - order.indexOf(b))[0];
        const ref = first === undefined ? undefined : e.stages[first][0];
        if (ref !== undefined) starts.add(String(ref));
      }
      return starts;
    });
  }

  get position(): number {
    return this.runner.position;
  }

  get total(): number {
    return this.runner.total;
  }

  get done(): boolean {
    return this.runner.done;
  }

  /** Dead partial matches that began at an expected first event. */
  private readonly listener: StepListener = {
    discardedAs: (d, kind) => {
      const first = d.match?.stages[0]?.events[0];
      if (d.match === undefined || first === undefined || !this.startSeqs.has(first.seq)) return;
      this.candidates.push({
        how: 'discarded',
        key: this.pattern.keyOf(first.event),
        bound: boundOf(d.match),
        position: this.runner.position + 1,
        reason: kind,
      });
    },
  };

  /** Runs up to `maxSteps` more steps; true when every event and the end of input are done. */
  runChunk(maxSteps: number): boolean {
    const r = this.runner;
    const count = this.source.count;
    for (let i = 0; i < maxSteps && !r.done; i++) {
      if (r.position < count) {
        const e = r.reader.at(r.position);
        this.observe(e.seq, e.payload);
      } else this.keepAlive();
      for (const o of r.step(this.listener))
        if (o.kind === 'match' || o.kind === 'timeout')
          this.outcomes.push(outcomeOf(o.kind, o.key, o.timestamp, o.match, r.position));
    }
    return r.done;
  }

  private observe(seq: number, payload: EventRecord): void {
    this.refs.forEach((refs, i) => {
      refs.observe(seq, payload);
      const starts = this.startRefs[i];
      if (starts.size === 0) return;
      const ref = refs.idField === null ? String(seq) : refs.name(seq, payload);
      if (starts.has(ref)) {
        this.startSeqs.add(seq);
        this.startKeys.add(this.pattern.keyOf(payload));
      }
    });
  }

  /** Before end of input: partial matches still waiting (a flush without windows drops them silently). */
  private keepAlive(): void {
    for (const key of this.startKeys)
      for (const p of this.runner.matcher.partialMatches(key)) {
        const first = p.match.stages[0]?.events[0];
        if (first !== undefined && this.startSeqs.has(first.seq))
          this.candidates.push({ how: 'alive', key, bound: boundOf(p.match), position: this.runner.total });
      }
  }

  /** Every case's result; call when done. */
  results(): CaseResult[] {
    return this.cases.map((c, i) => evaluateCase(this, c, this.refs[i]));
  }
}
