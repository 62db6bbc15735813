/**
 * The whole-recording run behind the timeline, the results table and the near-miss list. It runs
 * in chunks (the caller reports progress between them) and fills the shared checkpoints on the
 * way, so seeking anywhere is fast afterwards.
 */
import type { MatcherOutput } from '../nfa/matcher-types';
import { RunBudgetExceeded } from '../nfa/run-budget';
import type { CheckpointStore } from './checkpoints';
import { NearMissCollector, type NearMiss } from './near-misses';
import type { ReplayPattern } from './replay-pattern';
import { createContext, Runner, type StepListener } from './runner';
import { EventReader } from './event-reader';
import type { BoundStage, EventSource, ReplayEvent } from './types';
import { boundOf, finiteOrNull } from './views';

/** The stage column of a late event in results and exports. */
export const LATE_STAGE = '(late)';

/** Samples kept over the run; display buckets are made from these. */
export const MAX_SAMPLES = 4000;

export interface TimelineSample {
  position: number;
  /** Recorded time of the event at that step (null at end of input). */
  ts: number | null;
  watermark: number | null;
  live: number;
  matches: number;
  timeouts: number;
}

export interface ResultItem {
  index: number;
  /** A match, a timed-out partial match, or an event dropped as late (behind the watermark). */
  kind: 'match' | 'timeout' | 'late';
  key: string;
  timestamp: number;
  /** Step that emitted it. */
  position: number;
  /** Events bound per stage (a late event: none). */
  bound: BoundStage[];
  /** A late event: which one. */
  seq?: number;
}

export interface TimelineBucket {
  fromPosition: number;
  toPosition: number;
  ts: number | null;
  watermark: number | null;
  liveMax: number;
  liveLast: number;
  matches: number;
  timeouts: number;
}

export interface TimelineData {
  complete: boolean;
  /** The run budget stopped the analysis before the end: why (the timeline ends there). */
  stopped?: string;
  position: number;
  total: number;
  buckets: TimelineBucket[];
  /** "showing N of M": buckets shown, samples taken, steps covered, steps per sample. */
  shownPoints: number;
  totalSamples: number;
  stepsPerSample: number;
  markers: { position: number; seq: number | null; ts: number; key: string; kind: 'match' | 'timeout' }[];
  shownMarkers: number;
  totalMarkers: number;
}

export interface ResultsPage {
  complete: boolean;
  total: number;
  offset: number;
  items: (ResultItem & { events: { stage: string; events: ReplayEvent[] }[] })[];
}

/**
 * The events as the analysis runs them: only the fields the pattern reads when the source can
 * decode less (nothing of the run is shown as events: results and near misses keep seqs). Its
 * checkpoints, shared with the session, then hold such events too; the session reads what it
 * shows from its own reader, and the matcher reads only those fields.
 */
function runSource(source: EventSource, fields: readonly string[] | null): EventSource {
  if (fields === null || source.readFields === undefined) return source;
  return { count: source.count, read: (from, to) => source.readFields!(from, to, fields) };
}

export class ReplayAnalysis {
  private readonly runner: Runner;
  private readonly samples: TimelineSample[] = [];
  private readonly stride: number;
  readonly results: ResultItem[] = [];
  readonly nearMisses: NearMissCollector;

  /** Whole events, for the results shown (the run itself may read only the fields it needs). */
  private readonly events: EventReader;

  constructor(pattern: ReplayPattern, source: EventSource, checkpoints: CheckpointStore) {
    // Forward only: two chunks (the current one and the one before it, for discards of its events).
    // Every chunk kept outlives a young-generation collection, and copying it was most of the GC.
    this.runner = new Runner(createContext(pattern, runSource(source, pattern.fieldsRead), checkpoints), 2);
    this.events = new EventReader(source);
    this.stride = Math.max(1, Math.ceil(this.runner.total / MAX_SAMPLES));
    this.nearMisses = new NearMissCollector(pattern);
  }

  /** Only the near-miss list listens (no edge tracing): the analysis is the plain matcher plus counters. */
  private readonly listener: StepListener = {
    discardedAs: (d, kind) =>
      this.nearMisses.add(
        d,
        kind,
        this.runner.position + 1,
        this.runner.current,
        this.runner.position + 1 === this.runner.total,
        () => this.runner.matcher.pending.entries(),
      ),
  };

  get position(): number {
    return this.runner.position;
  }

  get total(): number {
    return this.runner.total;
  }

  /** The whole recording has been run, or the run budget stopped the run (see `stopped`). */
  get done(): boolean {
    return this.runner.done || this.stopped !== null;
  }

  /** Why the analysis stopped before the end: the run budget's message (null: it did not). */
  stopped: string | null = null;

  /** Runs up to `maxSteps` more steps; returns true when the analysis is over (see `done`). */
  runChunk(maxSteps: number): boolean {
    const r = this.runner;
    const listener = this.listener;
    const misses = this.nearMisses;
    const { pattern } = r.ctx;
    for (let i = 0; i < maxSteps && !this.done; i++) {
      // Losses watched for a late arrival see the events read after them (before this step's own losses).
      if (misses.watching && r.position < r.ctx.source.count) {
        const next = r.reader.at(r.position);
        misses.read(next, pattern.keyOf(next.payload));
      }
      let outputs: MatcherOutput[];
      try {
        outputs = r.step(listener);
      } catch (e) {
        if (!(e instanceof RunBudgetExceeded)) throw e;
        this.stopped = e.message;
        break;
      }
      for (const o of outputs) {
        if (o.kind === 'late')
          this.results.push({
            index: this.results.length,
            kind: 'late',
            key: o.key,
            timestamp: o.timestamp,
            position: r.position,
            bound: [],
            seq: o.event.seq,
          });
        if (o.kind !== 'match' && o.kind !== 'timeout') continue;
        this.results.push({
          index: this.results.length,
          kind: o.kind,
          key: o.key,
          timestamp: o.timestamp,
          position: r.position,
          bound: boundOf(o.match),
        });
      }
      if (r.position % this.stride === 0 || r.done) this.sample();
    }
    return this.done;
  }

  private sample(): void {
    const r = this.runner;
    // Kept by the matcher step by step: walking every key per sample cost most of the analysis
    // of a rule with many live keys (high-frequency: ~100k keys × 4,000 samples).
    const live = r.matcher.liveTotal();
    this.samples.push({
      position: r.position,
      ts: r.current?.ts ?? null,
      watermark: finiteOrNull(r.matcher.watermark),
      live,
      matches: r.counters.matches,
      timeouts: r.counters.timeouts,
    });
  }

  timeline(maxPoints: number, maxMarkers: number): TimelineData {
    const n = Math.max(1, Math.floor(maxPoints));
    const per = Math.max(1, Math.ceil(this.samples.length / n));
    const buckets: TimelineBucket[] = [];
    let prev: TimelineSample | undefined;
    for (let i = 0; i < this.samples.length; i += per) {
      const group = this.samples.slice(i, i + per);
      const lastS = group[group.length - 1];
      buckets.push({
        fromPosition: (prev?.position ?? 0) + 1,
        toPosition: lastS.position,
        ts: lastS.ts,
        watermark: lastS.watermark,
        liveMax: Math.max(...group.map((s) => s.live)),
        liveLast: lastS.live,
        matches: lastS.matches - (prev?.matches ?? 0),
        timeouts: lastS.timeouts - (prev?.timeouts ?? 0),
      });
      prev = lastS;
    }
    const m = Math.max(0, Math.floor(maxMarkers));
    const marked = this.markable();
    const step = marked.length > m && m > 0 ? marked.length / m : 1;
    const markers: TimelineData['markers'] = [];
    for (let x = 0; x < marked.length && markers.length < m; x += step) {
      const it = marked[Math.floor(x)];
      markers.push({
        position: it.position,
        seq: it.position <= this.runner.ctx.source.count ? it.position - 1 : null,
        ts: it.timestamp,
        key: it.key,
        kind: it.kind as 'match' | 'timeout',
      });
    }
    return {
      complete: this.done,
      ...(this.stopped !== null ? { stopped: this.stopped } : {}),
      position: this.position,
      total: this.total,
      buckets,
      shownPoints: buckets.length,
      totalSamples: this.samples.length,
      stepsPerSample: this.stride,
      markers,
      shownMarkers: markers.length,
      totalMarkers: marked.length,
    };
  }

  /** Matches and timeouts (the timeline marks these; late events are listed in the results only). */
  private markedCache: { upTo: number; list: ResultItem[] } = { upTo: 0, list: [] };
  private markable(): ResultItem[] {
    const c = this.markedCache;
    for (; c.upTo < this.results.length; c.upTo++) {
      const it = this.results[c.upTo];
      if (it.kind !== 'late') c.list.push(it);
    }
    return c.list;
  }

  resultsPage(offset: number, limit: number, kind?: ResultItem['kind']): ResultsPage {
    const list = kind ? this.results.filter((r) => r.kind === kind) : this.results;
    const items = list.slice(offset, offset + limit).map((it) => ({ ...it, events: this.eventsOf(it) }));
    return { complete: this.done, total: list.length, offset, items };
  }

  /** The events of a result per stage; a late event is listed under "(late)". */
  eventsOf(it: ResultItem): { stage: string; events: ReplayEvent[] }[] {
    if (it.kind === 'late' && it.seq !== undefined)
      return [{ stage: LATE_STAGE, events: [this.events.at(it.seq)] }];
    return it.bound.map((b) => ({ stage: b.stage, events: b.seqs.map((s) => this.events.at(s)) }));
  }

  nearMissList(): { complete: boolean; items: NearMiss[]; seen: number } {
    return { complete: this.done, items: this.nearMisses.list(), seen: this.nearMisses.seen };
  }
}
