/**
 * The near-miss finder: partial matches that died, ranked by how far they got (stages completed,
 * then events bound), each with the step and event where it died and why — to jump there.
 */
import type { RunDiscarded } from '../nfa/observer';
import type { ReplayPattern } from './replay-pattern';
import type { BoundStage, DiscardKind } from './types';
import { boundOf } from './views';

export interface NearMiss {
  key: string;
  /** Stages with at least one bound event / stages in the pattern. */
  stagesCompleted: number;
  stagesTotal: number;
  /** The last stage it bound events to, and the stage it was waiting in. */
  furthestStage: string;
  waitingAt: string;
  eventsBound: number;
  bound: BoundStage[];
  startTimestamp: number;
  /** Step after which it was gone (seek here to see it die), the event being processed if any. */
  diedAtPosition: number;
  diedAtSeq?: number;
  reason: DiscardKind;
  timestamp: number;
}

export const DEFAULT_NEAR_MISS_LIMIT = 100;

function better(a: NearMiss, b: NearMiss): boolean {
  if (a.stagesCompleted !== b.stagesCompleted) return a.stagesCompleted > b.stagesCompleted;
  if (a.eventsBound !== b.eventsBound) return a.eventsBound > b.eventsBound;
  return a.diedAtPosition < b.diedAtPosition;
}

export class NearMissCollector {
  private readonly best: NearMiss[] = [];
  /** Discards seen in all (the list keeps the best `limit`). */
  seen = 0;

  constructor(
    private readonly pattern: ReplayPattern,
    private readonly keyOfSeq: (seq: number) => string,
    readonly limit = DEFAULT_NEAR_MISS_LIMIT,
  ) {}

  add(d: RunDiscarded, kind: DiscardKind, position: number): void {
    const match = d.match;
    if (!match || match.stages.length === 0) return;
    this.seen++;
    const order = this.pattern.nfa.stageNames;
    let furthest = -1;
    let eventsBound = 0;
    for (const s of match.stages) {
      furthest = Math.max(furthest, order.indexOf(s.stage));
      eventsBound += s.events.length;
    }
    const first = match.stages[0].events[0];
    const miss: NearMiss = {
      key: this.keyOfSeq(first.seq),
      stagesCompleted: match.stages.length,
      stagesTotal: order.length,
      furthestStage: order[furthest] ?? match.stages[match.stages.length - 1].stage,
      waitingAt: this.pattern.stateByName.get(d.state)?.stage ?? d.state,
      eventsBound,
      bound: boundOf(match),
      startTimestamp: d.startTimestamp ?? first.timestamp,
      diedAtPosition: position,
      ...(d.seq !== undefined ? { diedAtSeq: d.seq } : {}),
      reason: kind,
      timestamp: d.timestamp,
    };
    if (this.best.length >= this.limit && !better(miss, this.best[this.best.length - 1])) return;
    let i = this.best.length;
    while (i > 0 && better(miss, this.best[i - 1])) i--;
    this.best.splice(i, 0, miss);
    if (this.best.length > this.limit) this.best.pop();
  }

  list(): NearMiss[] {
    return [...this.best];
  }
}
