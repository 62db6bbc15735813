/**
 * The Flink SQL source table of a pattern: `CREATE TABLE` with the event schema's columns, a computed
 * event-time attribute read from the time field as the pattern's time settings say (ISO-8601 text,
 * epoch milliseconds or epoch seconds), its `WATERMARK FOR` clause (the out-of-orderness) and the
 * `SET` statements the watermark needs (the periodic interval, UTC for zone-less text). Shared by the
 * flink-sql export and the flink-sql-job script, which differ only in the connector.
 *
 * Watermarks as Cepheus (and Flink's DataStream `forBoundedOutOfOrderness`) compute them: the
 * largest timestamp minus the out-of-orderness minus 1 ms. Flink SQL emits the WATERMARK expression's
 * value as it is (WatermarkAssignerOperator), and CepOperator drops an event whose timestamp is at or
 * below the watermark, so the expression subtracts that 1 ms too.
 */
import { FLINK_WATERMARK_INTERVAL_MS } from '../format/schema';
import type { FieldType } from '../pattern/spec';
import { sqlInterval } from './durations';
import { sqlIdent } from './sql-text';
import type { ExportContext } from './types';

export interface SqlSourceTableOptions {
  /** Table name, unquoted (quoted here as needed). */
  table: string;
  /** The event schema's fields; dotted names become ROW columns. */
  fields: readonly { name: string; type: FieldType }[];
  time: ExportContext['time'];
  /** Overrides the time field of event-time settings (--time-field). */
  timeField?: string;
  /** The `WITH (…)` options, in order, e.g. `[['connector', 'filesystem'], …]`. */
  connector: readonly (readonly [string, string])[];
}

export type SqlSourceTable =
  | {
      ok: true;
      /** `SET '…' = '…';` lines to run before the DDL (empty in processing time). */
      settings: string[];
      /** The `CREATE TABLE …;` statement. */
      ddl: string;
      /** Name of the time attribute column to ORDER BY (unquoted): a rowtime or a PROCTIME() column. */
      timeAttribute: string;
      /** Columns the schema has but the table leaves out, with why (object/array/any values). */
      omitted: string[];
    }
  | { ok: false; reasons: string[] };

/** The column type of a schema field (not the time field). */
const COLUMN_TYPE: Partial<Record<FieldType, string>> = {
  string: 'STRING',
  number: 'DOUBLE',
  boolean: 'BOOLEAN',
  timestamp: 'STRING',
};

/** `'key' = 'value'` with the quotes of SQL string literals. */
export function sqlOption(key: string, value: string): string {
  const q = (s: string): string => `'${s.replace(/'/g, "''")}'`;
  return `${q(key)} = ${q(value)}`;
}

/** The ISO-8601 text the rowtime expression reads: `2026-03-02T09:00:00.000Z` or with `+02:00`. */
export const ISO_TIME_SHAPE = 'yyyy-MM-ddTHH:mm:ss.SSS followed by Z or an offset such as +02:00';

/**
 * Epoch milliseconds as a SQL expression over the raw time column. ISO text: UNIX_TIMESTAMP parses it
 * with java.text.SimpleDateFormat, whose XXX reads `Z` and `±hh:mm` (Flink's CAST and TO_TIMESTAMP
 * reject the `T` or drop the offset), to whole seconds; the milliseconds are the text's 21st–23rd
 * characters.
 */
function epochMillisExpr(column: string, format: 'epochMillis' | 'epochSeconds' | 'iso8601'): string {
  if (format === 'epochMillis') return column;
  if (format === 'epochSeconds') return `CAST(${column} * 1000 AS BIGINT)`;
  return `UNIX_TIMESTAMP(${column}, 'yyyy-MM-dd''T''HH:mm:ss.SSSXXX') * 1000 + CAST(SUBSTR(${column}, 21, 3) AS BIGINT)`;
}

const RAW_TIME_TYPE = { epochMillis: 'BIGINT', epochSeconds: 'DOUBLE', iso8601: 'STRING' } as const;

interface ColumnTree {
  type?: string;
  children: Map<string, ColumnTree>;
}

/** `ROW<id STRING, geo ROW<lat DOUBLE>>` for a nested field's children. */
function rowType(tree: ColumnTree): string {
  return `ROW<${[...tree.children].map(([k, t]) => `${sqlIdent(k)} ${t.type ?? rowType(t)}`).join(', ')}>`;
}

function freeName(base: string, taken: ReadonlySet<string>): string {
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
  return name;
}

export function sqlSourceTable(opts: SqlSourceTableOptions): SqlSourceTable {
  const reasons: string[] = [];
  const omitted: string[] = [];
  const timeField = opts.timeField ?? (opts.time.mode === 'event' ? opts.time.field : undefined);
  // --time-field on a processing-time pattern reads epoch milliseconds, as cepheus run does.
  const eventTime =
    opts.time.mode === 'event'
      ? opts.time
      : {
          format: 'epochMillis' as const,
          outOfOrdernessMs: 0,
          watermarkIntervalMs: FLINK_WATERMARK_INTERVAL_MS,
        };
  const format = eventTime.format;
  const root: ColumnTree = { children: new Map() };
  for (const f of opts.fields) {
    const type = f.name === timeField ? RAW_TIME_TYPE[format] : COLUMN_TYPE[f.type];
    if (type === undefined) {
      if (f.type !== 'object' || !opts.fields.some((g) => g.name.startsWith(`${f.name}.`)))
        omitted.push(`${f.name} (${f.type} values have no fixed SQL type)`);
      continue;
    }
    let node = root;
    for (const part of f.name.split('.')) {
      let child = node.children.get(part);
      if (!child) node.children.set(part, (child = { children: new Map() }));
      node = child;
    }
    node.type = type;
  }
  if (timeField !== undefined && !opts.fields.some((f) => f.name === timeField))
    reasons.push(`the time field "${timeField}" is not in the event schema`);
  else if (timeField?.includes('.'))
    reasons.push(
      `the time field "${timeField}" is nested; a computed time attribute needs a top-level column`,
    );
  if (reasons.length > 0) return { ok: false, reasons };

  const names = new Set(root.children.keys());
  const columns = [...root.children].map(([k, t]) => `${sqlIdent(k)} ${t.type ?? rowType(t)}`);
  const settings: string[] = [];
  let timeAttribute: string;
  if (timeField !== undefined) {
    timeAttribute = freeName('rowtime', names);
    const t = sqlIdent(timeAttribute);
    columns.push(`${t} AS TO_TIMESTAMP_LTZ(${epochMillisExpr(sqlIdent(timeField), format)}, 3)`);
    columns.push(`WATERMARK FOR ${t} AS ${t} - ${sqlInterval(eventTime.outOfOrdernessMs + 1)}`);
    settings.push(
      `SET ${sqlOption('pipeline.auto-watermark-interval', `${eventTime.watermarkIntervalMs}ms`)};`,
      `SET ${sqlOption('table.local-time-zone', 'UTC')};`,
    );
  } else {
    timeAttribute = freeName('proctime', names);
    columns.push(`${sqlIdent(timeAttribute)} AS PROCTIME()`);
  }
  const indent = (lines: readonly string[]): string => lines.map((l) => `  ${l}`).join(',\n');
  const ddl = `CREATE TABLE ${sqlIdent(opts.table)} (\n${indent(columns)}\n) WITH (\n${indent(opts.connector.map(([k, v]) => sqlOption(k, v)))}\n);`;
  return { ok: true, settings, ddl, timeAttribute, omitted };
}
