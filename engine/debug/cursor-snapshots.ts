/**
 * Fine-grained snapshots near the cursor, so going back step after step does not replay from a
 * checkpoint each time. Stepping back reports a batch of BACK_BATCH steps at once (see
 * report-cache), starting at a multiple of FINE_EVERY; the replay from the checkpoint to the
 * batch leaves a snapshot at every such multiple in its last FINE_SPAN steps, so the next batches
 * start from a snapshot with nothing to replay. Kept per session (a Runner), few, and replaced
 * as the cursor moves.
 */
import type { Checkpoint } from './checkpoints';
import { BACK_BATCH } from './report-cache';

export const FINE_EVERY = BACK_BATCH;
export const FINE_SPAN = 4 * FINE_EVERY;
/** Snapshots kept; those farthest from the newest are dropped first. */
export const FINE_MAX = 2 * (FINE_SPAN / FINE_EVERY);

export class CursorSnapshots {
  private list: Checkpoint[] = [];

  /** Whether a replay heading for `target` should leave a snapshot at `position`. */
  wants(position: number, target: number): boolean {
    return (
      position % FINE_EVERY === 0 &&
      target - position <= FINE_SPAN &&
      position < target &&
      !this.list.some((c) => c.position === position)
    );
  }

  add(c: Checkpoint): void {
    this.list.push(c);
    if (this.list.length > FINE_MAX) {
      this.list.sort((a, b) => Math.abs(a.position - c.position) - Math.abs(b.position - c.position));
      this.list.length = FINE_MAX;
    }
  }

  /** The latest snapshot at or before `position`. */
  find(position: number): Checkpoint | undefined {
    let best: Checkpoint | undefined;
    for (const c of this.list)
      if (c.position <= position && (best === undefined || c.position > best.position)) best = c;
    return best;
  }

  get count(): number {
    return this.list.length;
  }
}
