/** Runs a document over events with the real engine and returns comparable outputs. */
import { compilePattern, createMatcher } from '../../../engine/nfa';
import { documentToSpec, type PatternDocument } from '../../../engine/format';
import type { EventRecord } from '../../../engine/pattern/spec';

export interface RunOutput {
  kind: string;
  key: string;
  timestamp: number;
  /** stage → event ids */
  stages: Record<string, unknown[]>;
}

export function runPattern(doc: PatternDocument, events: EventRecord[]): RunOutput[] {
  const lowered = documentToSpec(doc);
  if (!lowered.ok) throw new Error(lowered.diagnostics.map((d) => d.message).join('; '));
  const compiled = compilePattern(lowered.spec);
  if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('; '));
  const key = doc.settings.partitionKey;
  const matcher = createMatcher(compiled.nfa, {
    time: 'event',
    timestampOf: (e) => Number(e.ts),
    timeouts: true,
    ...(key ? { keyOf: (e) => String(e[key]) } : {}),
  });
  const outputs = [...events.flatMap((e) => matcher.push(e)), ...matcher.flush()];
  return outputs.flatMap((o): RunOutput[] =>
    o.kind === 'match' || o.kind === 'timeout'
      ? [
          {
            kind: o.kind,
            key: o.key,
            timestamp: o.timestamp,
            stages: Object.fromEntries(o.match.stages.map((s) => [s.stage, s.events.map((e) => e.event.id)])),
          },
        ]
      : o.kind === 'error'
        ? [{ kind: 'error', key: o.key, timestamp: o.timestamp, stages: { message: [o.message] } }]
        : [],
  );
}
