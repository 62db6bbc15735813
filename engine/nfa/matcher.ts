/**
 * The high-level matcher, Flink's CepOperator: keyed NFA states, event-time buffering released by
 * watermarks through per-key timers, late-event reporting, window timers, and outputs stamped the
 * way Flink stamps them. Apps, the CLI, servers and replay all drive patterns through this.
 */
import type { EventRecord } from '../pattern/spec';
import { heapOffer, heapPoll } from './java-heap';
import type { MatcherCounters, MatcherOptions, MatcherOutput } from './matcher-types';
import type { NfaObserver } from './observer';
import { advanceTime, processEvent } from './runtime';
import { createNfaState, type NfaState } from './runtime-state';
import type { CompiledNfa, NfaStepResult } from './types';
import { listPartialMatches, type PartialMatchInfo } from './introspect';
import { snapshotMatcher } from './matcher-snapshot';
import { TimerSet } from './timer-set';
import type { MatcherSnapshot } from './matcher-types';

export interface BufferedEvent {
  seq: number;
  event: EventRecord;
}

export interface KeyState {
  key: string;
  nfa: NfaState;
  /** Events waiting for the watermark, by timestamp, in arrival order. */
  buffer: Map<number, BufferedEvent[]>;
  /** Timestamps of this key's registered timers. */
  timers: TimerSet;
}

export interface Timer {
  ts: number;
  key: string;
  order: number;
}

const compareTimers = (a: Timer, b: Timer): number => (a.ts !== b.ts ? (a.ts < b.ts ? -1 : 1) : a.order - b.order);
const DEFAULT_KEY = '';
/** onEventTime's list of due timestamps; reused (no step re-enters it). */
const dueScratch: number[] = [];

export class CepMatcher {
  readonly keys = new Map<string, KeyState>();
  timerHeap: Timer[] = [];
  timerOrder = 0;
  watermark = Number.NEGATIVE_INFINITY;
  maxTimestamp = Number.NEGATIVE_INFINITY;
  nextSeq = 0;
  counters: MatcherCounters = { events: 0, matches: 0, timeouts: 0, late: 0, warnings: 0, errors: 0 };
  private out: MatcherOutput[] = [];

  constructor(
    readonly nfa: CompiledNfa,
    readonly options: MatcherOptions,
  ) {}

  keyState(key: string): KeyState {
    let ks = this.keys.get(key);
    if (!ks) {
      ks = { key, nfa: createNfaState(this.nfa, { maxPartialMatches: this.options.maxPartialMatchesPerKey }), buffer: new Map(), timers: new TimerSet() };
      this.keys.set(key, ks);
    }
    return ks;
  }

  /** Feeds one event. Returns the outputs this caused (event time: possibly none until the watermark moves). */
  push(event: EventRecord, observer?: NfaObserver): MatcherOutput[] {
    this.out = [];
    const seq = this.nextSeq++;
    this.counters.events++;
    let key = DEFAULT_KEY;
    let ts: number;
    try {
      key = this.options.keyOf ? String(this.options.keyOf(event)) : DEFAULT_KEY;
      ts = this.options.timestampOf(event);
    } catch (e) {
      this.error(key, 'IllegalArgumentException', `event #${seq}: cannot read its key or timestamp (${e instanceof Error ? e.message : String(e)})`, Number.NaN);
      return this.out;
    }
    if (typeof ts !== 'number' || !Number.isFinite(ts)) {
      this.error(key, 'IllegalArgumentException', `event #${seq} has no valid timestamp (got ${String(ts)})`, Number.NaN);
      return this.out;
    }
    const ks = this.keyState(key);
    if (this.options.time === 'processing') {
      this.advance(ks, ts, observer);
      this.process(ks, event, ts, seq, observer);
      ks.nfa.newStartPartialMatch = false;
      return this.out;
    }
    if (ts <= this.watermark) {
      this.counters.late++;
      this.out.push({ kind: 'late', key, event: { seq, timestamp: ts, event }, timestamp: ts, watermark: this.watermark });
      return this.out;
    }
    let list = ks.buffer.get(ts);
    if (!list) {
      list = [];
      ks.buffer.set(ts, list);
      this.registerTimer(ks, ts);
    }
    list.push({ seq, event });
    if (ts > this.maxTimestamp) this.maxTimestamp = ts;
    if ((this.options.watermarks ?? 'auto') === 'auto') this.moveWatermark(this.maxTimestamp - (this.options.outOfOrdernessMs ?? 0) - 1, observer);
    return this.out;
  }

  /** Moves the watermark (event time) or the processing-time clock; earlier values are ignored. */
  advanceWatermark(watermark: number, observer?: NfaObserver): MatcherOutput[] {
    this.out = [];
    if (this.options.time === 'processing') {
      for (const ks of this.keys.values()) this.advance(ks, watermark, observer);
      return this.out;
    }
    this.moveWatermark(watermark, observer);
    return this.out;
  }

  /** End of input: watermark +∞ releases every buffered event and every window. */
  flush(observer?: NfaObserver): MatcherOutput[] {
    return this.advanceWatermark(Number.POSITIVE_INFINITY, observer);
  }

  /** Plain JSON-serializable state: NFA states and shared buffers, event buffers, timers, watermark, counters. */
  snapshot(): MatcherSnapshot {
    return snapshotMatcher(this);
  }

  /** Keys seen so far, in first-seen order. */
  keyNames(): string[] {
    return [...this.keys.keys()];
  }

  partialMatches(key: string): PartialMatchInfo[] {
    const ks = this.keys.get(key);
    return ks ? listPartialMatches(this.nfa, ks.nfa) : [];
  }

  private moveWatermark(watermark: number, observer: NfaObserver | undefined): void {
    if (!(watermark > this.watermark)) return;
    this.watermark = watermark;
    for (;;) {
      const timer = this.timerHeap[0];
      if (timer === undefined || timer.ts > watermark) break;
      heapPoll(this.timerHeap, compareTimers);
      const ks = this.keys.get(timer.key);
      if (!ks) continue;
      ks.timers.delete(timer.ts);
      this.onEventTime(ks, observer);
    }
  }

  private registerTimer(ks: KeyState, ts: number): void {
    if (ks.timers.has(ts)) return;
    ks.timers.add(ts);
    heapOffer(this.timerHeap, { ts, key: ks.key, order: this.timerOrder++ }, compareTimers);
  }

  /** Flink's onEventTime: process buffered timestamps ≤ watermark in order, then advance to the watermark. */
  private onEventTime(ks: KeyState, observer: NfaObserver | undefined): void {
    // Usually one buffered timestamp is due: skip the copy-filter-sort then.
    const due = dueScratch;
    if (due.length !== 0) due.length = 0;
    for (const t of ks.buffer.keys()) if (t <= this.watermark) due.push(t);
    if (due.length > 1) due.sort((a, b) => a - b);
    for (let i = 0, n = due.length; i < n; i++) {
      const ts = due[i];
      this.advance(ks, ts, observer);
      const events = ks.buffer.get(ts) ?? [];
      const ordered = this.options.comparator ? [...events].sort((a, b) => (this.options.comparator as (x: EventRecord, y: EventRecord) => number)(a.event, b.event)) : events;
      for (const e of ordered) this.process(ks, e.event, ts, e.seq, observer);
      ks.buffer.delete(ts);
    }
    this.advance(ks, this.watermark, observer);
    ks.nfa.newStartPartialMatch = false;
  }

  private process(ks: KeyState, event: EventRecord, ts: number, seq: number, observer: NfaObserver | undefined): void {
    const r = processEvent(this.nfa, ks.nfa, event, ts, seq, observer);
    if (this.nfa.windowTime > 0 && ks.nfa.newStartPartialMatch && this.options.time === 'event') this.registerTimer(ks, ts + this.nfa.windowTime);
    this.emit(ks.key, r, ts);
  }

  private advance(ks: KeyState, ts: number, observer: NfaObserver | undefined): void {
    this.emit(ks.key, advanceTime(this.nfa, ks.nfa, ts, observer), ts);
  }

  private emit(key: string, r: NfaStepResult, ts: number): void {
    if (r.matches.length === 0 && r.timeouts.length === 0 && r.warnings === undefined && r.error === undefined) return;
    for (const m of r.matches) this.out.push({ kind: 'match', key, match: m, timestamp: ts });
    for (const t of r.timeouts) this.out.push({ kind: 'timeout', key, match: t.match, timestamp: t.timestamp });
    this.counters.matches += r.matches.length;
    this.counters.timeouts += r.timeouts.length;
    if (r.warnings !== undefined) for (const message of r.warnings) {
      this.counters.warnings++;
      this.out.push({ kind: 'warning', key, message: key === DEFAULT_KEY ? message : `key ${key}: ${message}`, timestamp: ts });
    }
    if (r.error) this.error(key, r.error.flinkError, r.error.message, ts);
  }

  private error(key: string, flinkError: string, message: string, timestamp: number): void {
    this.counters.errors++;
    this.out.push({ kind: 'error', key, message, flinkError, timestamp });
  }
}

export function createMatcher(nfa: CompiledNfa, options: MatcherOptions): CepMatcher {
  return new CepMatcher(nfa, options);
}
