/**
 * One pattern document ready to run over a stream: lowered, compiled once, and a matcher keyed and
 * timed per the document's settings (or the overrides). Outputs become plain JSON records.
 * Used by `cepheus run` and by the example server (samples/server).
 */
import {
  compilePattern,
  createMatcher,
  documentToSpec,
  type CepMatcher,
  type Match,
  type MatcherOptions,
  type MatcherOutput,
  type PatternDocument,
} from '../engine';
import type { Diagnostic } from '../engine/pattern/diagnostic';
import type { EventRecord } from '../engine/pattern/spec';
import { keyReader, timeProblemReader, timeReader } from './event-time';

export interface PipelineOptions {
  /** Partition key field; overrides the document's. */
  key?: string;
  /** Time field; overrides the document's (and turns a processing-time document into event time). */
  timeField?: string;
  /** Output timed-out partial matches too (built only when asked, as Flink does). */
  timeouts?: boolean;
  /** The run budget (engine defaults for unset limits; false: none). */
  budget?: MatcherOptions['budget'];
}

/** What is written per output line (JSON Lines). */
export type OutputRecord =
  | { kind: 'match' | 'timeout'; key: string; timestamp: number; stages: Record<string, EventRecord[]> }
  | { kind: 'late'; key: string; timestamp: number; watermark: number; event: EventRecord }
  | { kind: 'warning'; key: string; timestamp: number; message: string }
  | { kind: 'error'; key: string; timestamp: number; message: string; flinkError: string };

export interface Pipeline {
  matcher: CepMatcher;
  /** Why `event`'s timestamp cannot be read (naming the field), or null; the matcher reports it as an error. */
  timeProblem(event: EventRecord): string | null;
  push(event: EventRecord): OutputRecord[];
  flush(): OutputRecord[];
}

function stagesOf(match: Match): Record<string, EventRecord[]> {
  const out: Record<string, EventRecord[]> = {};
  for (const s of match.stages) out[s.stage] = s.events.map((e) => e.event);
  return out;
}

export function toRecord(o: MatcherOutput): OutputRecord {
  switch (o.kind) {
    case 'match':
    case 'timeout':
      return { kind: o.kind, key: o.key, timestamp: o.timestamp, stages: stagesOf(o.match) };
    case 'late':
      return {
        kind: 'late',
        key: o.key,
        timestamp: o.timestamp,
        watermark: o.watermark,
        event: o.event.event,
      };
    case 'warning':
      return { kind: 'warning', key: o.key, timestamp: o.timestamp, message: o.message };
    case 'error':
      return {
        kind: 'error',
        key: o.key,
        timestamp: o.timestamp,
        message: o.message,
        flinkError: o.flinkError,
      };
  }
}

export function createPipeline(
  doc: PatternDocument,
  options: PipelineOptions = {},
): { ok: true; pipeline: Pipeline; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] } {
  const lowered = documentToSpec(doc);
  if (!lowered.ok) return { ok: false, diagnostics: lowered.diagnostics };
  const compiled = compilePattern(lowered.spec, doc.eventSchema ? { schema: doc.eventSchema } : {});
  if (!compiled.ok) return { ok: false, diagnostics: compiled.diagnostics };
  const key = options.key ?? doc.settings.partitionKey ?? undefined;
  const time = timeReader(doc.settings.time, options.timeField);
  const matcher = createMatcher(compiled.nfa, {
    time: time.mode,
    timestampOf: time.timestampOf,
    outOfOrdernessMs: time.outOfOrdernessMs,
    timeouts: options.timeouts === true,
    ...(options.budget !== undefined ? { budget: options.budget } : {}),
    watermarkIntervalMs: time.watermarkIntervalMs,
    ...(key ? { keyOf: keyReader(key) } : {}),
  });
  return {
    ok: true,
    diagnostics: compiled.diagnostics,
    pipeline: {
      matcher,
      timeProblem: timeProblemReader(doc, options.timeField),
      push: (event) => matcher.push(event).map(toRecord),
      flush: () => matcher.flush().map(toRecord),
    },
  };
}
