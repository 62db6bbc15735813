/**
 * A plain CepOperator over the low-level NFA steps, written the way Flink's operator reads, with no
 * fast path: each event time event is buffered on its key with a timer at its timestamp; a fired
 * timer processes the key's due events in timestamp order (advanceTime(ts), then each event, stable
 * sorted by the comparator within a timestamp), then advances the key to the watermark; a new start
 * partial match registers a timer at ts + within. Keys are never dropped. The matcher's optimized
 * paths (one reorder buffer, events that start nothing, inert events, idle keys, snapshots) are
 * checked against it: each key must see the same outputs in the same order.
 */
import {
  advanceTime,
  createNfaState,
  processEvent,
  type CompiledNfa,
  type MatcherOptions,
  type MatcherOutput,
  type NfaObserver,
  type NfaState,
  type NfaStepResult,
} from '../../../engine/nfa/index';
import type { EventRecord } from '../../../engine/pattern/spec';

interface Buffered {
  seq: number;
  ts: number;
  event: EventRecord;
}

interface RefKey {
  nfa: NfaState;
  buffer: Buffered[];
}

interface Timer {
  ts: number;
  order: number;
  key: string;
  /** A buffered event's timer, or a window timer (start + within). */
  window: boolean;
}

export class ReferenceOperator {
  private readonly keys = new Map<string, RefKey>();
  private timers: Timer[] = [];
  private order = 0;
  private seq = 0;
  private watermark = Number.NEGATIVE_INFINITY;
  private maxTs = Number.NEGATIVE_INFINITY;
  /** Per key, what it output, in order. */
  readonly outputs = new Map<string, string[]>();
  timeouts = 0;

  constructor(
    private readonly nfa: CompiledNfa,
    private readonly options: MatcherOptions,
    private readonly observer?: NfaObserver,
  ) {}

  push(event: EventRecord): void {
    const seq = this.seq++;
    const key = this.options.keyOf ? String(this.options.keyOf(event)) : '';
    const ts = this.options.timestampOf(event);
    if (this.options.time === 'processing') {
      const k = this.key(key);
      this.advance(key, k, ts);
      this.process(key, k, event, ts, seq);
      k.nfa.newStartPartialMatch = false;
      return;
    }
    if (ts <= this.watermark) {
      this.out(key, `late #${seq}`);
      return;
    }
    if (ts > this.maxTs) this.maxTs = ts;
    const auto = (this.options.watermarks ?? 'auto') === 'auto';
    const wm = auto ? this.maxTs - (this.options.outOfOrdernessMs ?? 0) - 1 : this.watermark;
    if (auto) this.moveWatermark(wm);
    const k = this.key(key);
    k.buffer.push({ seq, ts, event });
    this.timer(ts, key, false);
  }

  advanceWatermark(wm: number): void {
    if (this.options.time === 'processing') {
      for (const [key, k] of this.keys) this.advance(key, k, wm);
      return;
    }
    this.moveWatermark(wm);
  }

  private moveWatermark(wm: number): void {
    if (!(wm > this.watermark)) return;
    this.watermark = wm;
    for (;;) {
      this.timers.sort((a, b) => a.ts - b.ts || a.order - b.order);
      const t = this.timers[0];
      if (t === undefined || t.ts > wm) return;
      this.timers.shift();
      this.onEventTime(t.key);
    }
  }

  private onEventTime(key: string): void {
    const k = this.key(key);
    const due = k.buffer.filter((b) => b.ts <= this.watermark).sort((a, b) => a.ts - b.ts);
    k.buffer = k.buffer.filter((b) => b.ts > this.watermark);
    for (let i = 0; i < due.length;) {
      let j = i;
      while (j < due.length && due[j].ts === due[i].ts) j++;
      const group = due.slice(i, j);
      const cmp = this.options.comparator;
      if (cmp) group.sort((a, b) => cmp(a.event, b.event));
      this.advance(key, k, due[i].ts);
      for (const b of group) this.process(key, k, b.event, b.ts, b.seq);
      i = j;
    }
    this.advance(key, k, this.watermark);
    k.nfa.newStartPartialMatch = false;
  }

  private process(key: string, k: RefKey, event: EventRecord, ts: number, seq: number): void {
    this.emit(key, processEvent(this.nfa, k.nfa, event, ts, seq, this.observer), ts);
    if (this.nfa.windowTime > 0 && k.nfa.newStartPartialMatch && this.options.time === 'event')
      this.timer(ts + this.nfa.windowTime, key, true);
  }

  private advance(key: string, k: RefKey, ts: number): void {
    this.emit(key, advanceTime(this.nfa, k.nfa, ts, this.observer, this.options.timeouts === true), ts);
  }

  private timer(ts: number, key: string, window: boolean): void {
    this.timers.push({ ts, order: this.order++, key, window });
  }

  /** Pending window timers per key (timestamps, sorted). */
  windowTimers(): Record<string, number[]> {
    const out: Record<string, number[]> = {};
    for (const t of this.timers) if (t.window) (out[t.key] ??= []).push(t.ts);
    for (const list of Object.values(out)) list.sort((a, b) => a - b);
    return out;
  }

  private key(key: string): RefKey {
    let k = this.keys.get(key);
    if (k === undefined) {
      k = {
        nfa: createNfaState(this.nfa, { maxPartialMatches: this.options.maxPartialMatchesPerKey }),
        buffer: [],
      };
      this.keys.set(key, k);
    }
    return k;
  }

  private emit(key: string, r: NfaStepResult, ts: number): void {
    this.timeouts += r.timedOut ?? 0;
    for (const m of r.matches) this.out(key, `match @${ts} ${describeMatch(m)}`);
    for (const t of r.timeouts) this.out(key, `timeout @${t.timestamp} ${describeMatch(t.match)}`);
    this.timeouts += r.timeouts.length;
    for (const w of r.warnings ?? []) this.out(key, `warning @${ts} ${w}`);
    if (r.error) this.out(key, `error @${ts} ${r.error.message}`);
  }

  private out(key: string, line: string): void {
    const list = this.outputs.get(key);
    if (list) list.push(line);
    else this.outputs.set(key, [line]);
  }
}

export function describeMatch(m: { stages: { stage: string; events: { seq: number }[] }[] }): string {
  return m.stages.map((s) => `${s.stage}:${s.events.map((e) => e.seq).join(',')}`).join(' ');
}

/** One matcher output as a line the reference's outputs are compared with. */
export function outputLine(o: MatcherOutput): string {
  switch (o.kind) {
    case 'match':
    case 'timeout':
      return `${o.kind} @${o.timestamp} ${describeMatch(o.match)}`;
    case 'late':
      return `late #${o.event.seq}`;
    case 'warning':
      return `warning @${o.timestamp} ${o.message.replace(/^key [^:]*: /, '')}`;
    case 'error':
      return `error @${o.timestamp} ${o.message}`;
  }
}
