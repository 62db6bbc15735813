/** Collects malformed rows: all are counted, the first 1,000 are kept ("showing 1,000 of N"). */
import type { MalformedReport, MalformedRow } from '../types';

export const MAX_KEPT_MALFORMED = 1000;

export class MalformedLog {
  private readonly kept: MalformedRow[] = [];
  total = 0;

  add(line: number, reason: string): void {
    this.total += 1;
    if (this.kept.length < MAX_KEPT_MALFORMED) this.kept.push({ line, reason });
  }

  report(): MalformedReport {
    return { total: this.total, rows: this.kept.slice() };
  }
}
