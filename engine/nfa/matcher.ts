/**
 * The high-level matcher, Flink's CepOperator: keyed NFA states, event-time buffering released by
 * watermarks, late-event reporting, window timers, and outputs stamped the way Flink stamps them.
 * Apps, the CLI, servers and replay all drive patterns through this.
 *
 * Event time: Flink buffers each event per key with a timer at its timestamp; when the watermark
 * passes, the key processes its due events in timestamp order, then advances to the watermark.
 * Here one reorder buffer for all keys holds the waiting events, released in (timestamp, arrival)
 * order; each released event is processed on its key at once (advanceTime(ts), then the event),
 * and every key touched in a watermark move is advanced to the new watermark at its end. Each key
 * sees exactly Flink's sequence of steps; only how different keys' outputs interleave within one
 * watermark move differs (Flink leaves that to its key-group timer queues too).
 */
import type { EventGuard } from '../expr/guard';
import type { EventRecord } from '../pattern/spec';
import { isIdle, type KeyState } from './key-state';
import type { MatcherOptions, MatcherOutput } from './matcher-types';
import type { NfaObserver } from './observer';
import { startsNothing } from './runtime';
import { chainStartsNothing, type ChainShape } from './strict-chain';
import { livePartialMatches } from './runtime-state';
import type { CompiledNfa } from './types';
import { listPartialMatches, type PartialMatchInfo } from './introspect';
import { snapshotMatcher } from './matcher-snapshot';
import type { MatcherSnapshot } from './matcher-types';
import { DEFAULT_KEY, NO_OUTPUT } from './matcher-core';
import { MatcherRelease } from './matcher-release';

export type { BufferedEvent, KeyState } from './key-state';

/** Feeds events and watermarks (the state and per-key step are in matcher-core.ts, the release in matcher-release.ts). */
export class CepMatcher extends MatcherRelease {
  /** Feeds one event. Returns the outputs this caused (event time: possibly none until the watermark moves). */
  push(event: EventRecord, observer?: NfaObserver): MatcherOutput[] {
    if (this.stopped !== null) throw this.stopped;
    this.out = NO_OUTPUT;
    const seq = this.nextSeq++;
    this.counters.events++;
    let key = DEFAULT_KEY;
    let ts: number;
    try {
      key = this.options.keyOf ? String(this.options.keyOf(event)) : DEFAULT_KEY;
      ts = this.options.timestampOf(event);
    } catch (e) {
      this.error(
        key,
        'IllegalArgumentException',
        `event #${seq + 1}: cannot read its key or timestamp (${e instanceof Error ? e.message : String(e)})`,
        Number.NaN,
      );
      return this.out;
    }
    if (typeof ts !== 'number' || !Number.isFinite(ts)) {
      this.error(
        key,
        'IllegalArgumentException',
        `event #${seq + 1} has no valid timestamp (got ${String(ts)})`,
        Number.NaN,
      );
      return this.out;
    }
    if (this.options.time === 'processing') {
      // Timers due by this arrival fire first, as the processing-time clock passed them.
      this.fireProcessingTimers(ts, observer);
      const ks = this.keyState(key);
      this.advance(ks, ts, observer);
      this.process(ks, event, ts, seq, observer);
      ks.newStartPartialMatch = false;
      this.release(ks);
      return this.out;
    }
    if (ts <= this.watermark) {
      this.counters.late++;
      this.output({
        kind: 'late',
        key,
        event: { seq, timestamp: ts, event },
        timestamp: ts,
        watermark: this.watermark,
      });
      return this.out;
    }
    if (this.inOrder && observer === undefined && ts > this.maxTimestamp)
      return this.pushInOrder(event, ts, seq);
    const before = this.maxTimestamp;
    if (ts > before) this.maxTimestamp = ts;
    const auto = this.autoWatermarks;
    const watermark = !auto
      ? this.watermark
      : this.watermarkInterval === 0
        ? this.maxTimestamp - this.outOfOrderness - 1
        : this.periodicWatermark(before);
    // Move the watermark first: what it releases is at or below it, never this event, and the
    // buffer stays smaller. The key is looked at after it: an in-order stream's previous event of
    // this key (still buffered until now) has been processed, so the key may have gone idle.
    if (auto) this.moveWatermark(watermark, observer);
    // Out of order, an event the start state's guards turn down starts nothing whatever its key
    // holds: it waits keyless without looking its key up, and release1 looks it up once (before,
    // such an event on a key with nothing live was looked up twice: the light rules' usual event).
    // In order, the lookup below may spare it the buffer.
    if (this.waitsKeyless(event, ts, watermark)) {
      this.pending.push(ts, seq, key, event, null);
      return this.out;
    }
    const known = this.keys.get(key);
    // An event that starts nothing, on a key with nothing live, waits without a key state: when it
    // is released, the key either still holds nothing (the event is a no-op) or was started by an
    // earlier event released before it, and is processed then. (Whatever the observer: the state
    // must not depend on it, so replay's checkpoints equal its straight runs.)
    if ((known === undefined || isIdle(known)) && startsNothing(this.nfa, event, ts)) {
      // In order (no comparator, ts ≤ watermark + 1): no earlier event of its key can still come,
      // so it would be a no-op when released: it is not buffered at all.
      if (observer !== undefined || !this.fastPath || ts > watermark + 1)
        this.pending.push(ts, seq, key, event, null);
      return this.out;
    }
    const ks = known ?? this.addKey(key);
    ks.pendingEvents++;
    this.pending.push(ts, seq, key, event, ks);
    return this.out;
  }

  /**
   * push for an unkeyed chain pattern (see inOrder) and an event later than every earlier one, with
   * no observer: the general path's steps without its lookups. The watermark moves to ts −
   * outOfOrderness − 1; with nothing buffered and no timer ever registered (every timer's order,
   * restored ones too, is below timerOrder) it passes nothing. The Map holds at most the one key:
   * while it holds it, it is `single`, as addKey notes every state it adds and a restore builds a
   * new matcher. The start test is the chain's first condition (strict-chain.ts).
   */
  private pushInOrder(event: EventRecord, ts: number, seq: number): MatcherOutput[] {
    this.maxTimestamp = ts;
    const watermark = ts - this.outOfOrderness - 1;
    if (this.pending.size !== 0 || this.timerOrder !== 0) this.moveWatermark(watermark, undefined);
    else if (watermark > this.watermark) {
      this.watermark = watermark;
      this.moves++;
    }
    // As push decides (the two paths leave the same state: snapshots are compared).
    if (this.waitsKeyless(event, ts, watermark)) {
      this.pending.push(ts, seq, DEFAULT_KEY, event, null);
      return this.out;
    }
    let known: KeyState | undefined;
    if (this.keys.size !== 0) known = this.single ??= this.keys.get(DEFAULT_KEY);
    if (
      (known === undefined || isIdle(known)) &&
      chainStartsNothing(this.nfa.chain as ChainShape, event, ts)
    ) {
      if (ts > watermark + 1) this.pending.push(ts, seq, DEFAULT_KEY, event, null);
      return this.out;
    }
    const ks = known ?? this.addKey(DEFAULT_KEY);
    ks.pendingEvents++;
    this.pending.push(ts, seq, DEFAULT_KEY, event, ks);
    return this.out;
  }

  /** Out of order (above watermark + 1), whether the start state's guards all turn the event down. */
  private waitsKeyless(event: EventRecord, ts: number, watermark: number): boolean {
    return (
      ts > watermark + 1 &&
      this.startRejects !== null &&
      rejectedByAll(this.startGuards, this.startRejects, event)
    );
  }

  /**
   * Moves the watermark (event time) or the processing-time clock; earlier values are ignored.
   * In processing time only the keys with a due window timer advance, as in Flink.
   */
  advanceWatermark(watermark: number, observer?: NfaObserver): MatcherOutput[] {
    if (this.stopped !== null) throw this.stopped;
    this.out = NO_OUTPUT;
    if (this.options.time === 'processing') this.fireProcessingTimers(watermark, observer);
    else this.moveWatermark(watermark, observer);
    return this.out;
  }

  /**
   * End of input. Event time: watermark +∞ releases every buffered event and every window (Flink's
   * sources end with Long.MAX_VALUE). Processing time: nothing; Flink quiesces the processing-time
   * service before finishing an operator (StreamOperatorWrapper.quiesceTimeServiceAndFinishOperator),
   * so pending timers never fire and what is still open stays open (see pendingAtEnd).
   */
  flush(observer?: NfaObserver): MatcherOutput[] {
    if (this.options.time === 'processing') return NO_OUTPUT;
    return this.advanceWatermark(Number.POSITIVE_INFINITY, observer);
  }

  /** Plain JSON-serializable state: NFA states and shared buffers, event buffers, timers, watermark, counters. */
  snapshot(): MatcherSnapshot {
    return snapshotMatcher(this);
  }

  /** Keys with live state, in first-seen order (a key that went idle and came back counts as new). */
  keyNames(): string[] {
    return [...this.keys.keys()];
  }

  partialMatches(key: string): PartialMatchInfo[] {
    const ks = this.keys.get(key);
    return ks ? listPartialMatches(this.nfa, ks) : [];
  }

  /**
   * Live partial matches over all keys (started runs in either representation, plus completed runs
   * held by the skip strategy). The first call counts them; from then on every step keeps the total
   * by the change on the key it touched, so a caller sampling it per step (the replay timeline)
   * does not walk every key each time.
   */
  liveTotal(): number {
    if (this.live < 0) {
      let n = 0;
      for (const ks of this.keys.values()) n += livePartialMatches(ks);
      this.live = n;
    }
    return this.live;
  }

  /** Events waiting for the watermark, over all keys. */
  bufferedCount(): number {
    return this.pending.size;
  }

  /** True while the event `seq` of `key` waits for the watermark. */
  isBuffered(key: string, seq: number): boolean {
    return this.pending.has(key, seq);
  }
}

/** True when every guard `which` (indexes into `guards`) rejects the event. */
function rejectedByAll(guards: readonly EventGuard[], which: readonly number[], event: EventRecord): boolean {
  for (let k = 0; k < which.length; k++) if (guards[which[k]].test(event)) return false;
  return true;
}

export function createMatcher(nfa: CompiledNfa, options: MatcherOptions): CepMatcher {
  return new CepMatcher(nfa, options);
}
