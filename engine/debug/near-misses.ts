/**
 * The near-miss finder: partial matches that died, ranked by how far they got (stages completed,
 * then events bound), each with the step and event where it died and why — to jump there.
 */
import type { RunDiscarded } from '../nfa/observer';
import type { Match, NfaStateDef } from '../nfa/types';
import type { EventRecord } from '../pattern/spec';
import type { ReplayPattern } from './replay-pattern';
import type { BoundStage, DiscardKind, ReplayEvent } from './types';
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
  /** It was still open when the recording ended: the end of input closed it. */
  endOfInput: boolean;
  /** Time-based losses (window): the event whose arrival moved time past the deadline. */
  movedBy?: { seq: number; ts: number };
  /** Window losses: the length of the window that ran out and when it closed. */
  windowMs?: number;
  deadline?: number;
  /**
   * Window losses: the first later event of the key that would have advanced it where it waited,
   * had it come in time; `afterMs` is how long after the window's start it came.
   */
  lateArrival?: { seq: number; ts: number; afterMs: number };
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
    readonly limit = DEFAULT_NEAR_MISS_LIMIT,
  ) {}

  /** Window losses being watched for a late arrival, per key. */
  private readonly watches = new Map<string, Watch[]>();
  private watchCount = 0;

  /**
   * Records a dead partial match. `pushed` is the event read by the step (null at end of input),
   * `endOfInput` whether the step was the end of input, `waiting` the events read earlier that the
   * watermark still holds back (event time), in which a late arrival may already sit.
   */
  add(
    d: RunDiscarded,
    kind: DiscardKind,
    position: number,
    pushed: ReplayEvent | null = null,
    endOfInput = false,
    waiting?: () => Iterable<WaitingEvent>,
  ): void {
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
      // From the bound event itself: reading it back by seq re-read (and re-decoded) a chunk of the
      // recording per loss when the start lay behind the reader's cache (an hour back, for a 1 h window).
      key: this.pattern.keyOf(first.event),
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
      endOfInput,
    };
    if (kind === 'window') {
      if (d.seq === undefined && pushed)
        miss.movedBy = { seq: pushed.seq, ts: this.pattern.eventTimeOf(pushed) };
      const def = this.pattern.stateByName.get(d.state);
      const W = this.pattern.nfa.windowTime;
      const limit = W > 0 && d.timestamp - miss.startTimestamp >= W ? W : def?.window;
      if (limit !== undefined) {
        const from = limit === W ? miss.startTimestamp : lastTimestampOf(match);
        miss.windowMs = limit;
        miss.deadline = from + limit;
      }
    }
    if (this.best.length >= this.limit && !better(miss, this.best[this.best.length - 1])) return;
    let i = this.best.length;
    while (i > 0 && better(miss, this.best[i - 1])) i--;
    this.best.splice(i, 0, miss);
    if (this.best.length > this.limit) this.best.pop();
    const state = this.pattern.stateByName.get(d.state);
    if (kind !== 'window' || endOfInput || !state || miss.deadline === undefined) return;
    const windowStart = miss.deadline - (miss.windowMs ?? 0);
    // An event read before the loss but held back by the watermark (out of order allowed, or a
    // periodic watermark that lags) may be the one that came too late: the earliest such wins.
    let held: { seq: number; ts: number } | undefined;
    for (const w of waiting?.() ?? []) {
      if (w.key !== miss.key || w.ts < miss.deadline) continue;
      if (held && (w.ts > held.ts || (w.ts === held.ts && w.seq > held.seq))) continue;
      const event: ReplayEvent = { seq: w.seq, ts: w.ts, key: w.key, payload: w.event };
      if (wouldTake(this.pattern, state, event, w.ts, match)) held = { seq: w.seq, ts: w.ts };
    }
    if (held) {
      miss.lateArrival = { ...held, afterMs: held.ts - windowStart };
      return;
    }
    // The event that moved time past the window may itself be the one that came too late.
    if (pushed && this.pattern.keyOf(pushed.payload) === miss.key) {
      const ts = this.pattern.eventTimeOf(pushed);
      if (ts >= miss.deadline && wouldTake(this.pattern, state, pushed, ts, match)) {
        miss.lateArrival = { seq: pushed.seq, ts, afterMs: ts - windowStart };
        return;
      }
    }
    if (this.watchCount < MAX_WATCHES) {
      const list = this.watches.get(miss.key) ?? [];
      list.push({ miss, state, match, until: miss.deadline + (miss.windowMs ?? 0) });
      this.watches.set(miss.key, list);
      this.watchCount++;
    }
  }

  /** Whether anything waits for a late arrival (the caller then passes each event read). */
  get watching(): boolean {
    return this.watchCount > 0;
  }

  /** An event read after the losses: a watched loss of its key that it would have advanced gets it as its late arrival. */
  read(event: ReplayEvent, key: string): void {
    const list = this.watches.get(key);
    if (!list) return;
    const ts = this.pattern.eventTimeOf(event);
    const keep: Watch[] = [];
    for (const w of list) {
      if (ts > w.until) continue;
      if (ts >= (w.miss.deadline ?? ts) && wouldTake(this.pattern, w.state, event, ts, w.match))
        w.miss.lateArrival = {
          seq: event.seq,
          ts,
          afterMs: ts - (w.miss.deadline! - (w.miss.windowMs ?? 0)),
        };
      else keep.push(w);
    }
    this.watchCount -= list.length - keep.length;
    if (keep.length > 0) this.watches.set(key, keep);
    else this.watches.delete(key);
  }

  list(): NearMiss[] {
    return this.best.map((m) => ({ ...m }));
  }
}

/** An event the matcher holds until the watermark passes it (its key and event time). */
export interface WaitingEvent {
  seq: number;
  ts: number;
  key: string;
  event: EventRecord;
}

/** Window losses watched at once (the near-miss list is small; so is what it can show). */
const MAX_WATCHES = 1000;

interface Watch {
  miss: NearMiss;
  state: NfaStateDef;
  match: Match;
  /** Event time after which a later event no longer counts as a late arrival (one more window). */
  until: number;
}

function lastTimestampOf(match: Match): number {
  let last = Number.NEGATIVE_INFINITY;
  for (const s of match.stages) for (const e of s.events) last = Math.max(last, e.timestamp);
  return last;
}

/** Whether `state` (or a state it proceeds to) would take the event, with the lost match's events bound. */
function wouldTake(
  pattern: ReplayPattern,
  state: NfaStateDef,
  event: ReplayEvent,
  ts: number,
  match: Match,
): boolean {
  const ctx = {
    timestamp: ts,
    eventsOf: (stage: string) =>
      match.stages.find((s) => s.stage === stage)?.events.map((e) => e.event) ?? [],
  };
  const seen = new Set<number>();
  const visit = (def: NfaStateDef | undefined): boolean => {
    if (def === undefined || seen.has(def.id)) return false;
    seen.add(def.id);
    for (const t of def.transitions) {
      try {
        if (t.action === 'take' && t.condition.test(event.payload, ctx)) return true;
        if (t.action === 'proceed' && visit(pattern.nfa.states[t.target])) return true;
      } catch {
        // A condition that cannot be evaluated on this event does not take it.
      }
    }
    return false;
  };
  return visit(state);
}
