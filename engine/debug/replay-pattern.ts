/**
 * A pattern document made ready for replay: lowered, compiled once, with the key and time readers
 * its settings ask for. Processing-time patterns read the recorded time as their clock, so a
 * replay is deterministic.
 */
import { compilePattern } from '../nfa/compile';
import type { CompiledNfa, NfaStateDef } from '../nfa/types';
import type { MatcherOptions } from '../nfa/matcher-types';
import { fieldsRead } from '../expr/fields-read';
import { parseCondition } from '../expr/parser';
import { documentToSpec, type PatternDocument } from '../format';
import type { Diagnostic } from '../pattern/diagnostic';
import type { EventRecord, EventSchema, StageSpec } from '../pattern/spec';
import { keyReader, timeReader } from '../runtime/event-time';
import { timeTextFor, type TimeText } from './time-text';

export interface StageInfo {
  stage: string;
  nodeId?: string;
  contiguity: StageSpec['contiguity'];
  where?: string;
  or: string[];
  until?: string;
}

/** One condition source of a stage, with the label the compiler puts in edge texts. */
export interface ConditionSource {
  stage: string;
  label: string;
  source: string;
  field: 'where' | 'or' | 'until';
}

/**
 * A replay keeps two runs (the cursor's and the whole-recording analysis) and their checkpoints in
 * one worker, so each run gets a quarter of a plain run's budget; over it the replay pauses.
 */
export const REPLAY_RUN_BUDGET = { maxPartialMatches: 250_000, maxBytes: 128 * 1024 * 1024 };

export interface ReplayPattern {
  nfa: CompiledNfa;
  schema?: EventSchema;
  stages: StageInfo[];
  conditions: ConditionSource[];
  time: 'event' | 'processing';
  /** Times and durations as the recording writes them (the time field's format), for messages. */
  text: TimeText;
  /** The time the pattern reads from an event: its time field in event time, the recorded time otherwise. */
  eventTimeOf(event: { ts: number; payload: EventRecord }): number;
  /** Event time: how far behind the newest time an event may arrive before it is late. */
  outOfOrdernessMs: number;
  partitionKey: string | null;
  keyOf(payload: EventRecord): string;
  /**
   * The top-level event fields the run reads (conditions, aggregates, key, time field), or null
   * when it may read any: a host may decode only these for runs it does not show (the analysis).
   */
  fieldsRead: readonly string[] | null;
  stateByName: Map<string, NfaStateDef>;
  /** Matcher options; `clock` is the processing-time clock (the session sets it to the recorded time). */
  matcherOptions(clock: () => number): MatcherOptions;
}

function flattenStages(stages: readonly StageSpec[], out: StageInfo[] = []): StageInfo[] {
  for (const s of stages) {
    if (s.group) flattenStages(s.group.stages, out);
    else
      out.push({
        stage: s.name,
        nodeId: s.nodeId,
        contiguity: s.contiguity,
        where: s.where,
        or: s.or ?? [],
        until: s.until,
      });
  }
  return out;
}

function conditionsOf(stages: StageInfo[]): ConditionSource[] {
  const out: ConditionSource[] = [];
  for (const s of stages) {
    if (s.where !== undefined)
      out.push({ stage: s.stage, label: `${s.stage}.where`, source: s.where, field: 'where' });
    s.or.forEach((source, i) =>
      out.push({ stage: s.stage, label: `${s.stage}.or[${i}]`, source, field: 'or' }),
    );
    if (s.until !== undefined)
      out.push({ stage: s.stage, label: `${s.stage}.until`, source: s.until, field: 'until' });
  }
  return out;
}

/** What prepareReplayPattern's `fieldsRead` says: the fields behind conditions, key and time. */
function fieldsOfRun(
  conditions: readonly ConditionSource[],
  stageNames: readonly string[],
  partitionKey: string | null,
  timeField: string | undefined,
): string[] | null {
  const fields = new Set<string>();
  for (const c of conditions) {
    const ast = parseCondition(c.source).ast;
    const read = ast ? fieldsRead(ast, stageNames) : null;
    if (read === null) return null;
    for (const f of read) fields.add(f);
  }
  // Dotted paths (`user.id`) read their top-level field.
  if (partitionKey !== null) fields.add(partitionKey.split('.')[0]);
  if (timeField !== undefined) fields.add(timeField.split('.')[0]);
  return [...fields];
}

export type PrepareResult =
  { ok: true; pattern: ReplayPattern; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

export function prepareReplayPattern(doc: PatternDocument): PrepareResult {
  const lowered = documentToSpec(doc);
  if (!lowered.ok) return { ok: false, diagnostics: lowered.diagnostics };
  const schema = doc.eventSchema ?? undefined;
  const compiled = compilePattern(lowered.spec, schema ? { schema } : {});
  if (!compiled.ok) return { ok: false, diagnostics: compiled.diagnostics };
  const stages = flattenStages(lowered.spec.stages);
  const partitionKey = doc.settings.partitionKey ?? null;
  const keyOf = partitionKey === null ? () => '' : keyReader(partitionKey);
  const fieldTime = timeReader(doc.settings.time, undefined, () => Number.NaN);
  const conditions = conditionsOf(stages);
  const pattern: ReplayPattern = {
    nfa: compiled.nfa,
    schema,
    stages,
    conditions,
    time: doc.settings.time.mode,
    text: timeTextFor(doc.settings.time.mode === 'event' ? doc.settings.time.format : null),
    outOfOrdernessMs: doc.settings.time.mode === 'event' ? doc.settings.time.outOfOrdernessMs : 0,
    eventTimeOf(event) {
      if (fieldTime.mode !== 'event') return event.ts;
      try {
        return fieldTime.timestampOf(event.payload);
      } catch {
        return event.ts;
      }
    },
    partitionKey,
    keyOf,
    fieldsRead: fieldsOfRun(
      conditions,
      compiled.nfa.stageNames,
      partitionKey,
      doc.settings.time.mode === 'event' ? doc.settings.time.field : undefined,
    ),
    stateByName: new Map(compiled.nfa.states.map((s) => [s.name, s])),
    matcherOptions(clock) {
      const reader = timeReader(doc.settings.time, undefined, clock);
      return {
        time: reader.mode,
        timestampOf: reader.timestampOf,
        outOfOrdernessMs: reader.outOfOrdernessMs,
        // The timeline, results and near misses show timed-out partial matches.
        timeouts: true,
        watermarkIntervalMs: reader.watermarkIntervalMs,
        budget: REPLAY_RUN_BUDGET,
        ...(partitionKey === null ? {} : { keyOf }),
      };
    },
  };
  return { ok: true, pattern, diagnostics: compiled.diagnostics };
}
