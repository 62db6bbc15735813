/**
 * Drives one matcher over a recording step by step, keeping the per-stage counters and making
 * checkpoints as it passes them. The replay session, the breakpoint runner and the whole-recording
 * analysis all move through a Runner, so they cannot disagree.
 */
import { CepMatcher } from '../nfa/matcher';
import { restoreMatcher } from '../nfa/matcher-restore';
import type { MatcherOutput } from '../nfa/matcher-types';
import { RunBudgetExceeded } from '../nfa/run-budget';
import type { NfaObserver, RunDiscarded } from '../nfa/observer';
import { approxSnapshotBytes, type Checkpoint, type CheckpointStore } from './checkpoints';
import { CursorSnapshots } from './cursor-snapshots';
import {
  copyCounters,
  countBranch,
  countDiscard,
  countOutputs,
  emptyCounters,
  type CounterState,
} from './counters';
import { discardKind, untilTests, type UntilTest } from './discard-kind';
import { EventReader } from './event-reader';
import type { ReplayPattern } from './replay-pattern';
import type { DiscardKind, EventSource, ReplayEvent } from './types';

/** Extra listeners for one step; `discarded` gets the user-facing reason. */
export interface StepListener extends NfaObserver {
  discardedAs?(d: RunDiscarded, kind: DiscardKind): void;
}

/** What the immutable parts of a replay share: pattern, events, checkpoints. */
export interface ReplayContext {
  pattern: ReplayPattern;
  source: EventSource;
  checkpoints: CheckpointStore;
  untils: Map<string, UntilTest>;
}

export function createContext(
  pattern: ReplayPattern,
  source: EventSource,
  checkpoints: CheckpointStore,
): ReplayContext {
  return { pattern, source, checkpoints, untils: untilTests(pattern) };
}

export class Runner {
  matcher: CepMatcher;
  position = 0;
  counters: CounterState;
  /** The event pushed by the last step (processing time reads its recorded time as the clock). */
  current: ReplayEvent | null = null;
  readonly reader: EventReader;
  private readonly options;
  /** This runner's own snapshots near the cursor (checkpoints are shared, these are not). */
  private readonly fine = new CursorSnapshots();

  /** `readerChunks`: chunks of events the reader keeps (a run that only goes forward needs few). */
  constructor(
    readonly ctx: ReplayContext,
    readerChunks?: number,
  ) {
    this.reader = new EventReader(ctx.source, readerChunks);
    this.options = ctx.pattern.matcherOptions(() => this.current?.ts ?? 0);
    this.matcher = new CepMatcher(ctx.pattern.nfa, this.options);
    this.counters = emptyCounters(ctx.pattern);
  }

  /** Steps in the recording: one per event, plus end of input. */
  get total(): number {
    return this.ctx.source.count + 1;
  }

  get done(): boolean {
    return this.position >= this.total;
  }

  /** Back to the nearest saved state at or before `position`: a checkpoint or a snapshot near the cursor (position 0 needs none). */
  restore(position: number): void {
    const cp = this.nearest(position);
    if (cp === undefined) {
      this.matcher = new CepMatcher(this.ctx.pattern.nfa, this.options);
      this.counters = emptyCounters(this.ctx.pattern);
      this.position = 0;
      this.current = null;
      return;
    }
    const r = restoreMatcher(this.ctx.pattern.nfa, cp.snapshot, this.options);
    if (!r.ok) throw new Error(`checkpoint at step ${cp.position} cannot be restored: ${r.error}`);
    this.matcher = r.matcher;
    this.counters = copyCounters(cp.counters);
    this.position = cp.position;
    this.current =
      cp.position > 0 && cp.position <= this.ctx.source.count ? this.reader.at(cp.position - 1) : null;
  }

  /**
   * Moves to `position` by the shortest way: on from here, or from the nearest saved state. With
   * `keepNear` (stepping back), the last steps of the way leave snapshots near the cursor, so the
   * next moves back start there.
   */
  goTo(position: number, listener?: StepListener, keepNear = false): void {
    const target = Math.max(0, Math.min(this.total, position));
    const cpPos = this.nearest(target)?.position ?? 0;
    if (target < this.position || cpPos > this.position) this.restore(target);
    while (this.position < target) {
      this.step(listener);
      if (keepNear && this.fine.wants(this.position, target)) this.fine.add(this.checkpointHere());
    }
  }

  private nearest(position: number): Checkpoint | undefined {
    const cp = this.ctx.checkpoints.find(position);
    const near = this.fine.find(position);
    return near !== undefined && (cp === undefined || near.position > cp.position) ? near : cp;
  }

  private checkpointHere(): Checkpoint {
    const snapshot = this.matcher.snapshot();
    return {
      position: this.position,
      snapshot,
      counters: copyCounters(this.counters),
      approxBytes: approxSnapshotBytes(snapshot),
    };
  }

  /** One step: push the next event (or end of input). Returns the matcher's outputs. */
  step(listener?: StepListener): MatcherOutput[] {
    if (this.done) return [];
    const observer = this.observer(listener);
    let outputs: MatcherOutput[];
    try {
      if (this.position < this.ctx.source.count) {
        this.current = this.reader.at(this.position);
        outputs = this.matcher.push(this.current.payload, observer);
      } else {
        this.current = null;
        outputs = this.matcher.flush(observer);
      }
    } catch (e) {
      // The run budget stopped the matcher mid-step: its state is no longer meaningful. Go back to
      // a saved state at or before this step (the session stays usable, the step stays refused).
      if (e instanceof RunBudgetExceeded) this.restore(this.position);
      throw e;
    }
    this.position++;
    countOutputs(this.counters, outputs);
    const store = this.ctx.checkpoints;
    if (store.wants(this.position)) store.add(this.checkpointHere());
    return outputs;
  }

  /** The reason a discarded run died, in the user's terms. */
  kindOf(d: RunDiscarded): DiscardKind {
    const def = this.ctx.pattern.stateByName.get(d.state);
    let untilHeld = false;
    if (d.reason === 'no-transition' && def !== undefined && d.seq !== undefined) {
      const test = this.ctx.untils.get(def.stage);
      if (test !== undefined) untilHeld = test(this.reader.at(d.seq).payload, d.match);
    }
    return discardKind(d.reason, def, untilHeld);
  }

  /** The observer of one step: the counters' (made once, no allocation per step) or one with the listener's extras. */
  private observer(listener: StepListener | undefined): NfaObserver {
    if (listener === undefined) return this.countingObserver;
    if (this.lastListener === listener && this.lastObserver) return this.lastObserver;
    const obs: NfaObserver = {
      branched: (b) => {
        this.countingObserver.branched?.(b);
        listener.branched?.(b);
      },
      discarded: (d) => {
        const kind = this.kindOf(d);
        countDiscard(this.ctx.pattern, this.counters, d, kind);
        listener.discarded?.(d);
        listener.discardedAs?.(d, kind);
      },
    };
    if (listener.edge) obs.edge = listener.edge.bind(listener);
    this.lastListener = listener;
    this.lastObserver = obs;
    return obs;
  }

  /** The last listener's observer, reused while the same listener steps on (the analysis' chunks). */
  private lastListener: StepListener | undefined;
  private lastObserver: NfaObserver | undefined;

  /** Keeps the per-stage counters; the only observer of plain steps (seeks, analysis). */
  private readonly countingObserver: NfaObserver = {
    branched: (b) => countBranch(this.ctx.pattern, this.counters, b),
    discarded: (d) => countDiscard(this.ctx.pattern, this.counters, d, this.kindOf(d)),
  };
}
