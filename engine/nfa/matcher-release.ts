/**
 * CepMatcher's event-time and processing-time release: the watermark, periodic watermarks, the
 * reorder buffer's due events processed in order, and the window timers that come due.
 */
import type { EventRecord } from '../pattern/spec';
import { isIdle, type KeyState } from './key-state';
import type { MatcherOptions } from './matcher-types';
import type { NfaObserver } from './observer';
import { eventIsInert, traceStart } from './runtime';
import { MatcherCore } from './matcher-core';

export class MatcherRelease extends MatcherCore {
  /**
   * Flink's periodic watermark (pipeline.auto-watermark-interval) without a wall clock: the input
   * is taken to arrive at the pace of its timestamps, so processing time is the largest timestamp
   * seen. Each multiple of the interval that this clock passes (a tick at the instant of an event
   * comes first) emits max timestamp before it − out-of-orderness − 1; between ticks it stays.
   */
  protected periodicWatermark(before: number): number {
    const i = this.watermarkInterval;
    if (!(this.maxTimestamp > before) || Math.floor(this.maxTimestamp / i) === Math.floor(before / i))
      return this.watermark;
    return before - this.outOfOrderness - 1;
  }

  /**
   * Processing time: fires the window timers due by `now` (Flink's onProcessingTime advances the key
   * to the current processing time, which for a clock that moves on is the timer's own time).
   */
  protected fireProcessingTimers(now: number, observer: NfaObserver | undefined): void {
    for (;;) {
      const ks = this.timers.pollDue(now);
      if (ks === null) break;
      ks.pendingTimers--;
      this.advance(ks, this.timers.polledTs, observer);
      ks.newStartPartialMatch = false;
      this.release(ks);
    }
  }

  protected moveWatermark(watermark: number, observer: NfaObserver | undefined): void {
    if (!(watermark > this.watermark)) return;
    this.watermark = watermark;
    const move = ++this.moves;
    const pending = this.pending;
    if (pending.hasDue(watermark)) {
      if (this.options.comparator === undefined)
        while (pending.hasDue(watermark)) {
          pending.pop();
          this.release1(
            pending.outTs,
            pending.outSeq,
            pending.outKey,
            pending.outEvent,
            pending.outOwner,
            move,
            observer,
          );
        }
      else this.releaseSorted(watermark, move, observer);
    }
    for (;;) {
      const ks = this.timers.pollDue(watermark);
      if (ks === null) break;
      ks.pendingTimers--;
      this.touch(ks, move);
    }
    const n = this.touchedCount;
    if (n === 0) return;
    const touched = this.touched;
    this.touchedCount = 0;
    for (let i = 0; i < n; i++) {
      const ks = touched[i] as KeyState;
      touched[i] = null;
      this.advance(ks, watermark, observer);
      ks.newStartPartialMatch = false;
      this.release(ks);
    }
  }

  /** With a comparator, events of one timestamp are processed in its order (a stable sort, as Flink's). */
  protected releaseSorted(watermark: number, move: number, observer: NfaObserver | undefined): void {
    const pending = this.pending;
    const comparator = this.options.comparator as NonNullable<MatcherOptions['comparator']>;
    while (pending.hasDue(watermark)) {
      const ts = pending.minTs();
      const group: { seq: number; key: string; event: EventRecord; owner: KeyState | null }[] = [];
      while (pending.size > 0 && pending.minTs() === ts) {
        pending.pop();
        group.push({
          seq: pending.outSeq,
          key: pending.outKey,
          event: pending.outEvent,
          owner: pending.outOwner,
        });
      }
      if (group.length > 1) group.sort((a, b) => comparator(a.event, b.event));
      for (const g of group) this.release1(ts, g.seq, g.key, g.event, g.owner, move, observer);
    }
  }

  /** Processes one released event on its key: advanceTime(ts), then the event (Flink's onEventTime step). */
  protected release1(
    ts: number,
    seq: number,
    key: string,
    event: EventRecord,
    owner: KeyState | null,
    move: number,
    observer: NfaObserver | undefined,
  ): void {
    let ks = owner;
    if (ks !== null) ks.pendingEvents--;
    else {
      // It started nothing when it came: a no-op unless an earlier event has started its key since.
      // With no key state at all (the light rules' usual case) there is nothing to look up.
      ks = this.keys.size === 0 ? null : (this.keys.get(key) ?? null);
      if (ks === null || isIdle(ks)) {
        // An observer of edges still sees the start state turn it down.
        if (observer?.edge !== undefined) traceStart(this.nfa, event, ts, seq, observer);
        return;
      }
    }
    this.touch(ks, move);
    this.advance(ks, ts, observer);
    // An event every state's guards reject leaves every run where it is (only run ids would move):
    // it is not processed, but it still arms a window timer if the key's timer work started a
    // partial match (Flink's flag holds until the key's state is written back).
    if (observer === undefined && eventIsInert(this.nfa, event)) this.armWindow(ks, ts);
    else this.process(ks, event, ts, seq, observer);
  }

  protected touch(ks: KeyState, move: number): void {
    if (ks.touched === move) return;
    ks.touched = move;
    const i = this.touchedCount++;
    if (i < this.touched.length) this.touched[i] = ks;
    else this.touched.push(ks);
  }
}
