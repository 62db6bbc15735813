/**
 * Turns the dialog's option fields into engine ExportOptions, and describes each target (label,
 * Monaco language, MIME type) for the dialog. Pure: no React, no DOM.
 */
import type { PatternDocument } from '../../engine/format/schema';
import type { ExportOptions, ExportTarget } from '../../engine/export/types';
import type { ExportOptionFields } from './export-store';

export interface TargetInfo {
  label: string;
  /** Short tab label. */
  short: string;
  language: 'json' | 'java' | 'sql';
  mime: string;
}

export const TARGET_INFO: Record<ExportTarget, TargetInfo> = {
  json: { label: 'Cepheus JSON', short: 'Cepheus JSON', language: 'json', mime: 'application/json' },
  'flink-json': {
    label: 'Flink dynamic-CEP JSON',
    short: 'Flink JSON',
    language: 'json',
    mime: 'application/json',
  },
  'flink-java': {
    label: 'Flink Java (CEP Pattern API)',
    short: 'Flink Java',
    language: 'java',
    mime: 'text/x-java-source',
  },
  'flink-sql': {
    label: 'Flink SQL MATCH_RECOGNIZE',
    short: 'Flink SQL',
    language: 'sql',
    mime: 'application/sql',
  },
  'flink-job': {
    label: 'Flink job (Maven project)',
    short: 'Flink job',
    language: 'java',
    mime: 'application/zip',
  },
  'flink-sql-job': {
    label: 'Flink SQL job (SQL client script)',
    short: 'SQL job',
    language: 'sql',
    mime: 'application/sql',
  },
};

/** The pattern's own key field, shown until the user types another. */
export function defaultPartitionKey(doc: PatternDocument): string {
  return doc.settings.partitionKey ?? '';
}

/** The pattern's event-time field; processing-time patterns have none (SQL then orders by proctime). */
export function defaultTimeField(doc: PatternDocument): string {
  return doc.settings.time.mode === 'event' ? doc.settings.time.field : '';
}

const trimmed = (text: string): string | undefined => {
  const t = text.trim();
  return t === '' ? undefined : t;
};

/**
 * Only what the user changed is passed on, so the engine's own defaults (derived from the
 * document) stay the single source of truth. An emptied key field means "not partitioned".
 */
export function toExportOptions(doc: PatternDocument, fields: ExportOptionFields): ExportOptions {
  const options: ExportOptions = {};
  const eventClass = trimmed(fields.eventClass);
  if (eventClass) options.eventClass = eventClass;
  const javaPackage = trimmed(fields.javaPackage);
  if (javaPackage) options.javaPackage = javaPackage;
  const table = trimmed(fields.table);
  if (table) options.table = table;
  if (fields.timeField !== null) {
    const time = trimmed(fields.timeField);
    if (time && time !== defaultTimeField(doc)) options.timeField = time;
  }
  if (fields.partitionKey !== null) {
    const key = trimmed(fields.partitionKey) ?? null;
    if (key !== doc.settings.partitionKey) options.partitionKey = key;
  }
  return options;
}
