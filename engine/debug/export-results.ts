/**
 * Results as export lines: JSON Lines (one result per line) or CSV (one row per bound event).
 * Times come twice, as epoch milliseconds and as ISO-8601 text (UTC); results and events are
 * numbered from 1, as the debugger shows them.
 */
import type { ResultItem } from './analysis';
import { eventNumber } from './event-label';
import { isoText } from './time-text';
import type { ReplayEvent } from './types';

type Stages = { stage: string; events: ReplayEvent[] }[];

export function resultJsonLine(item: ResultItem, stages: Stages): string {
  return JSON.stringify({
    result: item.index + 1,
    kind: item.kind,
    key: item.key,
    timestamp: item.timestamp,
    time: isoText(item.timestamp),
    step: item.position,
    stages: Object.fromEntries(
      stages.map((s) => [
        s.stage,
        s.events.map((e) => ({
          event: eventNumber(e.seq),
          timestamp: e.ts,
          time: isoText(e.ts),
          fields: e.payload,
        })),
      ]),
    ),
  });
}

export const RESULT_CSV_HEADER = [
  'result',
  'kind',
  'key',
  'timestamp',
  'time',
  'stage',
  'event',
  'event_timestamp',
  'event_time',
  'fields',
];

/** Cells, unescaped: the writer quotes them. */
export function resultCsvRows(item: ResultItem, stages: Stages): string[][] {
  const rows: string[][] = [];
  for (const s of stages)
    for (const e of s.events)
      rows.push([
        String(item.index + 1),
        item.kind,
        item.key,
        String(item.timestamp),
        isoText(item.timestamp),
        s.stage,
        String(eventNumber(e.seq)),
        String(e.ts),
        isoText(e.ts),
        JSON.stringify(e.payload),
      ]);
  return rows;
}
