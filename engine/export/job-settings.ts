/**
 * What a Flink dynamic-CEP JSON rule cannot carry: the GraphSpec holds the pattern only, while the
 * partition key, the time attribute (field, format, out-of-orderness, watermark interval) and the
 * event schema are the job's code (keyBy, WatermarkStrategy, the event class). The flink-json export
 * writes them to a sidecar file beside the rule (`rule.flink.settings.json`), and `cepheus import`
 * reads it back, so that import + run gives the same matches as the original pattern.
 */
import { z } from 'zod';
import { EventSchemaSchema, TimeSettingsSchema, type PatternDocument } from '../format';
import type { ExportContext } from './types';

export const JOB_SETTINGS_FORMAT = 'cepheus-job-settings';

export const JobSettingsSchema = z.strictObject({
  format: z.literal(JOB_SETTINGS_FORMAT),
  version: z.literal(1),
  /** The pattern these settings belong to (for the reader; not checked). */
  pattern: z.string(),
  partitionKey: z.string().min(1).nullable(),
  time: TimeSettingsSchema,
  eventSchema: EventSchemaSchema.nullable(),
});

export type JobSettings = z.infer<typeof JobSettingsSchema>;

/** `rule.flink.json` → `rule.flink.settings.json`: the sidecar's name beside the rule file. */
export function jobSettingsPath(rulePath: string): string {
  return `${rulePath.replace(/\.json$/i, '')}.settings.json`;
}

export function jobSettingsOf(doc: PatternDocument, ctx: ExportContext): JobSettings {
  return {
    format: JOB_SETTINGS_FORMAT,
    version: 1,
    pattern: ctx.name,
    partitionKey: ctx.partitionKey,
    time: ctx.time,
    eventSchema: doc.eventSchema,
  };
}

function ms(n: number): string {
  return n % 1000 === 0 ? `${n / 1000} s` : `${n} ms`;
}

/** The settings in words, for the export report: what the rule file leaves out. */
export function jobSettingsSummary(s: JobSettings): string {
  const parts = [s.partitionKey !== null ? `partition key "${s.partitionKey}"` : 'no partition key'];
  if (s.time.mode === 'event')
    parts.push(
      `event time from "${s.time.field}" (${s.time.format}), out-of-orderness ${ms(s.time.outOfOrdernessMs)}, a watermark every ${ms(s.time.watermarkIntervalMs)}`,
    );
  else parts.push('processing time');
  parts.push(s.eventSchema ? `the event schema (${s.eventSchema.fields.length} fields)` : 'no event schema');
  return parts.join('; ');
}

/** Reads a sidecar (text or parsed JSON): the settings, or what is wrong with it. */
export function readJobSettings(
  input: unknown,
): { ok: true; settings: JobSettings } | { ok: false; message: string } {
  let raw = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch (e) {
      return { ok: false, message: `it is not JSON (${e instanceof Error ? e.message : String(e)})` };
    }
  }
  const r = JobSettingsSchema.safeParse(raw);
  if (r.success) return { ok: true, settings: r.data };
  const issue = r.error.issues[0];
  return {
    ok: false,
    message: `${issue?.path.length ? `at ${issue.path.join('.')}: ` : ''}${issue?.message ?? 'invalid'}`,
  };
}
