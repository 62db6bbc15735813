/**
 * Engine checkpoints for reverse debugging: matcher snapshots every `interval` steps, kept in
 * memory up to a byte budget. Over budget, every other checkpoint is dropped and the interval
 * doubles, so memory stays bounded and seeks replay at most `interval` steps.
 * With the default interval, it also grows with the snapshot size: a snapshot of many keys costs
 * as much as thousands of steps, so taking one every few hundred steps made the whole-recording
 * analysis mostly snapshotting (and garbage collection) — and seeks restore one, too.
 */
import type { MatcherSnapshot } from '../nfa/matcher-types';
import type { CounterState } from './counters';

export interface Checkpoint {
  /** Steps taken when it was made. */
  position: number;
  snapshot: MatcherSnapshot;
  counters: CounterState;
  approxBytes: number;
}

export interface CheckpointOptions {
  /** Steps between checkpoints (default: total / 1000, at least 256). */
  interval?: number;
  /** Memory budget in bytes (default 256 MiB). */
  budgetBytes?: number;
  /** Called for each new checkpoint, e.g. to persist it. */
  onCheckpoint?: (c: Checkpoint) => void;
}

export const DEFAULT_CHECKPOINT_BUDGET = 256 * 1024 * 1024;

/**
 * Snapshot bytes worth about one replayed step (taking or restoring a snapshot costs ~5 ns a byte,
 * a step ~5 µs): the adaptive interval keeps snapshotting near the cost of the steps between.
 */
export const SNAPSHOT_BYTES_PER_STEP = 1000;

/** A rough size: enough to keep the total bounded, far cheaper than serializing. */
export function approxSnapshotBytes(s: MatcherSnapshot): number {
  let bytes = 512;
  for (const k of s.keys) {
    bytes += 300 + k.key.length * 2;
    bytes +=
      (k.nfa.partial.length + k.nfa.completed.length) * 96 +
      k.nfa.nodes.length * 96 +
      k.nfa.events.length * 48 +
      k.nfa.counters.length * 40;
    for (const b of k.buffer) bytes += 64 + b.events.length * 48;
    bytes += k.timers.length * 48;
  }
  return bytes;
}

export class CheckpointStore {
  private list: Checkpoint[] = [];
  private bytes = 0;
  interval: number;
  readonly budgetBytes: number;
  private readonly adaptive: boolean;
  /** The interval the user asked for or the default: the adaptive one never goes below it. */
  private readonly baseInterval: number;
  /** The interval the byte budget forced (thinning dropped the checkpoints between). */
  private budgetInterval = 1;

  constructor(
    private readonly total: number,
    private readonly options: CheckpointOptions = {},
  ) {
    this.interval = Math.max(1, options.interval ?? Math.max(256, Math.ceil(total / 1000)));
    this.budgetBytes = options.budgetBytes ?? DEFAULT_CHECKPOINT_BUDGET;
    this.adaptive = options.interval === undefined;
    this.baseInterval = this.interval;
  }

  get count(): number {
    return this.list.length;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  /** Whether a checkpoint is due at this position and not made yet. */
  wants(position: number): boolean {
    return position % this.interval === 0 && this.find(position)?.position !== position;
  }

  add(c: Checkpoint): void {
    const i = this.indexAfter(c.position);
    if (i > 0 && this.list[i - 1].position === c.position) return;
    this.list.splice(i, 0, c);
    this.bytes += c.approxBytes;
    this.options.onCheckpoint?.(c);
    while (this.bytes > this.budgetBytes && this.list.length > 2) {
      this.thin();
      this.budgetInterval = this.interval;
    }
    if (this.adaptive) this.adapt();
  }

  /**
   * Spaces checkpoints by their average size so far: wider when they are large (early snapshots
   * can be several times the later ones), and back down when they turn out small (the existing
   * ones stay: a coarser interval's positions are multiples of the finer one).
   */
  private adapt(): void {
    const avg = this.bytes / this.list.length;
    let want = Math.max(this.baseInterval, this.budgetInterval);
    while (want < this.total && this.tooDense(avg, want)) want *= 2;
    if (want < this.interval) this.interval = want;
    while (this.interval < want) this.thin();
  }

  /**
   * Whether checkpoints of this (average) size are taken too often: their cost passes that of the steps
   * between them, or all of them over the recording would not fit the budget (better to space
   * them now than to take snapshots that thinning drops later).
   */
  private tooDense(bytes: number, interval: number): boolean {
    return bytes > interval * SNAPSHOT_BYTES_PER_STEP || (bytes * this.total) / interval > this.budgetBytes;
  }

  /** The latest checkpoint at or before `position`. */
  find(position: number): Checkpoint | undefined {
    const i = this.indexAfter(position);
    return i > 0 ? this.list[i - 1] : undefined;
  }

  positions(): number[] {
    return this.list.map((c) => c.position);
  }

  private indexAfter(position: number): number {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.list[mid].position <= position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private thin(): void {
    this.interval *= 2;
    const kept: Checkpoint[] = [];
    this.bytes = 0;
    for (const c of this.list) {
      if (c.position % this.interval === 0) {
        kept.push(c);
        this.bytes += c.approxBytes;
      }
    }
    this.list = kept;
  }
}
