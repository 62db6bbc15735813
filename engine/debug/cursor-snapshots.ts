/**
 * Fine-grained snapshots near the cursor, so consecutive steps back are cheap. A step back
 * restores the nearest checkpoint and replays up to a checkpoint interval of steps; while it does,
 * the last FINE_SPAN steps before the target leave a snapshot every FINE_EVERY steps, so the next
 * steps back restore one of those and replay at most FINE_EVERY steps. Kept per session (a
 * Runner), few, and replaced as the cursor moves.
 */
import type { Checkpoint } from './checkpoints';

export const FINE_EVERY = 8;
export const FINE_SPAN = 64;
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
