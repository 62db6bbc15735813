/**
 * After-match skip strategies (Flink's AfterMatchSkipStrategy): which event a completed match
 * prunes up to, and whether a run starting at a given event is pruned.
 */
import type { SkipStrategy } from '../pattern/spec';
import type { BufferNode } from './shared-buffer';

/** Flink's EventId: (timestamp, per-timestamp counter). */
export interface EventId {
  ts: number;
  fid: number;
}

export class SkipError extends Error {
  readonly flinkError = 'FlinkRuntimeException';
}

function compareIds(a: EventId, b: EventId): number {
  if (a.ts !== b.ts) return a.ts < b.ts ? -1 : 1;
  return a.fid - b.fid;
}

function describe(path: readonly BufferNode[]): string {
  const stages = new Map<string, number[]>();
  for (const n of path) {
    const list = stages.get(n.stage) ?? [];
    list.push(n.seq);
    stages.set(n.stage, list);
  }
  return `{${[...stages].map(([s, seqs]) => `${s}=[${seqs.map((q) => `#${q + 1}`).join(', ')}]`).join(', ')}}`;
}

function extreme(path: readonly BufferNode[], sign: 1 | -1): EventId | null {
  let best: EventId | null = null;
  for (const n of path) if (best === null || compareIds(n, best) * sign > 0) best = n;
  return best === null ? null : { ts: best.ts, fid: best.fid };
}

/** The pruning event of a match, or null for no pruning. Throws SkipError under throwExceptionOnMiss. */
export function pruningId(skip: SkipStrategy, path: readonly BufferNode[]): EventId | null {
  switch (skip.kind) {
    case 'NO_SKIP':
      return null;
    case 'SKIP_PAST_LAST_EVENT':
      return extreme(path, 1);
    case 'SKIP_TO_NEXT':
      return extreme(path, -1);
    case 'SKIP_TO_FIRST':
    case 'SKIP_TO_LAST': {
      const bound = path.filter((n) => n.stage === skip.stage);
      let id: EventId | null = null;
      if (bound.length === 0) {
        if (skip.throwExceptionOnMiss)
          throw new SkipError(
            `Could not skip to ${skip.stage}. No such element in the found match ${describe(path)}`,
          );
      } else {
        const n = skip.kind === 'SKIP_TO_FIRST' ? bound[0] : bound[bound.length - 1];
        id = { ts: n.ts, fid: n.fid };
      }
      if (skip.throwExceptionOnMiss) {
        const start = extreme(path, -1);
        if (id !== null && start !== null && compareIds(id, start) === 0)
          throw new SkipError('Could not skip to first element of a match.');
      }
      return id;
    }
  }
}

/** Whether a run whose start event is (ts, fid) is pruned by pruning event p. */
export function shouldPrune(skip: SkipStrategy, startTs: number, startFid: number, p: EventId): boolean {
  const c = compareIds({ ts: startTs, fid: startFid }, p);
  return skip.kind === 'SKIP_TO_FIRST' || skip.kind === 'SKIP_TO_LAST' ? c < 0 : c <= 0;
}
