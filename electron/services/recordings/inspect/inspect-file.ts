/**
 * Looks at the head of an event file (at most 1 MiB of text) and proposes how to import it:
 * format, delimiter, schema, timestamp and key fields, and a row count estimate.
 */
import { gzipSizeHint, openTextSource } from '../../../../node/recordings/open-source';
import { readRows } from '../../../../node/recordings/read-rows';
import { isProblem, type SourceRow } from '../../../../node/recordings/source-row';
import { peekText, sniffFormat } from '../../../../node/recordings/sniff';
import type { FieldTimeInfo, InferredField, InspectResult, MalformedRow, SampleRow } from '../types';
import { typeProblem } from '../import/column-types';
import { getField } from './field-path';
import { assertNotOneObject, assertText } from './file-shape';
import { SchemaBuilder } from './schema-builder';
import { suggestKey, suggestTimestamp } from './suggest';
import { detectTimestampFormat, parseTimestamp } from './timestamps';

const SAMPLE_CHARS = 1024 * 1024;
const INFER_ROWS = 1000;
const SHOWN_ROWS = 20;

/** Cuts the head of a file at its last line break so the last row read is complete. */
function completeLines(head: string, ended: boolean): string {
  if (ended) return head;
  const cut = head.lastIndexOf('\n');
  return cut === -1 ? head : head.slice(0, cut + 1);
}

function once(text: string): AsyncIterable<string> {
  return (async function* () {
    yield await Promise.resolve(text);
  })();
}

export async function inspectFile(path: string): Promise<InspectResult> {
  const source = await openTextSource(path);
  let peeked;
  try {
    peeked = await peekText(source.chunks, SAMPLE_CHARS);
  } finally {
    source.close();
  }
  const { head, ended } = peeked;
  assertText(head);
  const { format, delimiter } = sniffFormat(head);
  const sample = completeLines(head, ended);

  const rows: SourceRow[] = [];
  for await (const batch of readRows(once(sample), { format, delimiter, partial: !ended }))
    rows.push(...batch);
  // A quoted CSV cell spanning the cut leaves a broken last row behind: not the file's fault.
  if (!ended) while (rows.length > 0 && isProblem(rows[rows.length - 1])) rows.pop();

  if (format === 'jsonl') assertNotOneObject(head, ended, rows);

  const records: SampleRow[] = [];
  const malformedSample: MalformedRow[] = [];
  for (const row of rows) {
    if (isProblem(row)) malformedSample.push({ line: row.line, reason: row.problem });
    else records.push({ line: row.line, record: row.record });
  }
  const inferred = records.slice(0, INFER_ROWS);
  const builder = new SchemaBuilder(true);
  for (const { record } of inferred) builder.add(record);
  const schema = builder.build();
  const plain = inferred.map((r) => r.record);
  malformedSample.push(...oddCells(schema, inferred));
  malformedSample.sort((a, b) => a.line - b.line);
  const timestamp = suggestTimestamp(schema, plain);
  const key = suggestKey(
    schema,
    inferred.length,
    (name) => builder.distinctCount(name),
    timestamp?.field ?? null,
  );

  let rowEstimate = rows.length;
  if (!ended && rows.length > 0) {
    const textBytes = source.compressed ? await gzipSizeHint(path, source.fileBytes) : source.fileBytes;
    const sampleBytes = Buffer.byteLength(sample);
    // Below the sample size the 32-bit gzip trailer has wrapped (file > 4 GiB): extrapolate from the read ratio instead.
    const total =
      textBytes !== null && textBytes > sampleBytes
        ? textBytes
        : (source.fileBytes / Math.max(source.bytesRead(), 1)) * sampleBytes;
    rowEstimate = Math.round((rows.length * total) / sampleBytes);
  }

  return {
    path,
    format,
    ...(delimiter ? { delimiter } : {}),
    compressed: source.compressed,
    fileBytes: source.fileBytes,
    sampleRows: records.slice(0, SHOWN_ROWS),
    schema,
    suggestedTimestampField: timestamp?.field ?? null,
    timestampFormat: timestamp?.format ?? null,
    suggestedKeyField: key,
    rowEstimate,
    rowEstimateExact: ended,
    malformedSample,
    timeFields: timeFields(schema, plain),
  };
}

/** Text among the numbers of a number column ("n/a"): each one a malformed cell, with its line. */
function oddCells(schema: InferredField[], rows: SampleRow[]): MalformedRow[] {
  const found: MalformedRow[] = [];
  for (const field of schema) {
    if (field.type !== 'number') continue;
    for (const { line, record } of rows) {
      const reason = typeProblem(field.name, getField(record, field.name), 'number');
      if (reason) found.push({ line, reason });
    }
  }
  return found;
}

const TIME_FORMATS = ['iso8601', 'epochMillis', 'epochSeconds'] as const;

function timeFields(
  schema: InferredField[],
  records: Record<string, unknown>[],
): Record<string, FieldTimeInfo> {
  const result: Record<string, FieldTimeInfo> = {};
  for (const field of schema) {
    if (field.type === 'object' || field.type === 'array' || field.type === 'boolean') continue;
    const values = records
      .map((r) => getField(r, field.name))
      .filter((v) => v !== null && v !== undefined && v !== '');
    const readable = { iso8601: 0, epochMillis: 0, epochSeconds: 0 };
    for (const format of TIME_FORMATS)
      readable[format] = values.filter((v) => parseTimestamp(v, format) !== null).length;
    result[field.name] = { detected: detectTimestampFormat(values, true), readable, present: values.length };
  }
  return result;
}
