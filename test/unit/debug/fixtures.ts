/** Test helpers: sample documents and recordings as in-memory event sources. */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { loadDocument, type PatternDocument } from '../../../engine';
import { prepareReplayPattern, type ReplayPattern } from '../../../engine/debug';
import type { EventSource, ReplayEvent } from '../../../engine/debug';
import type { EventRecord } from '../../../engine/pattern/spec';

export function loadSample(path: string): PatternDocument {
  const r = loadDocument(JSON.parse(readFileSync(path, 'utf8')));
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.document;
}

export function prepared(doc: PatternDocument): ReplayPattern {
  const r = prepareReplayPattern(doc);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.pattern;
}

function cell(v: string): unknown {
  if (v === '') return null;
  if (/^-?(?:0|[1-9]\d*)(?:\.\d+)?$/.test(v)) return Number(v);
  if (v === 'true' || v === 'false') return v === 'true';
  return v;
}

export function csvEvents(path: string, tsField: string): ReplayEvent[] {
  const rows = parse<Record<string, string>>(readFileSync(path, 'utf8'), { columns: true });
  return rows.map((row, seq) => {
    const payload: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(row)) payload[k] = cell(v);
    return { seq, ts: Date.parse(String(row[tsField])), key: null, payload };
  });
}

export function arraySource(events: readonly ReplayEvent[]): EventSource {
  return { count: events.length, read: (from, to) => events.slice(from, to) };
}

/** Events from payloads with a numeric `t` field as their time. */
export function eventsOf(payloads: EventRecord[]): ReplayEvent[] {
  return payloads.map((payload, seq) => ({ seq, ts: Number(payload.t), key: null, payload }));
}
