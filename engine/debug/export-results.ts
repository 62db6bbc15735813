/** Results as export lines: JSON Lines (one result per line) or CSV (one row per bound event). */
import type { ResultItem } from './analysis';
import type { ReplayEvent } from './types';

type Stages = { stage: string; events: ReplayEvent[] }[];

export function resultJsonLine(item: ResultItem, stages: Stages): string {
  return JSON.stringify({
    index: item.index,
    kind: item.kind,
    key: item.key,
    timestamp: item.timestamp,
    step: item.position,
    stages: Object.fromEntries(
      stages.map((s) => [s.stage, s.events.map((e) => ({ seq: e.seq, ts: e.ts, event: e.payload }))]),
    ),
  });
}

export const RESULT_CSV_HEADER = ['result', 'kind', 'key', 'timestamp', 'stage', 'seq', 'event_ts', 'event'];

/** Cells, unescaped: the writer quotes them. */
export function resultCsvRows(item: ResultItem, stages: Stages): string[][] {
  const rows: string[][] = [];
  for (const s of stages)
    for (const e of s.events)
      rows.push([
        String(item.index),
        item.kind,
        item.key,
        String(item.timestamp),
        s.stage,
        String(e.seq),
        String(e.ts),
        JSON.stringify(e.payload),
      ]);
  return rows;
}
