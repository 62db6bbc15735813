/**
 * Step reports already built, by position, so moving over them again is a lookup. A report is a
 * pure function of the position (same pattern, same events), so a cached one is exactly what
 * replaying would build. A step back that has to replay from a checkpoint reports the
 * BACK_BATCH steps before it on the way (a traced step costs far less than restoring a
 * snapshot), so the next steps back are lookups.
 */
import type { StepReport } from './types';

export const BACK_BATCH = 64;
/** Reports kept; those farthest from the newest are dropped first. */
export const REPORTS_KEPT = 4 * BACK_BATCH;

export class ReportCache {
  private readonly byPosition = new Map<number, StepReport>();

  get(position: number): StepReport | undefined {
    return this.byPosition.get(position);
  }

  set(report: StepReport): void {
    const at = report.position;
    this.byPosition.set(at, report);
    if (this.byPosition.size <= REPORTS_KEPT) return;
    let farthest = at;
    for (const p of this.byPosition.keys()) if (Math.abs(p - at) > Math.abs(farthest - at)) farthest = p;
    this.byPosition.delete(farthest);
  }

  get size(): number {
    return this.byPosition.size;
  }
}
