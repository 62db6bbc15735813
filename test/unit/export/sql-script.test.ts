/**
 * Issue 17 point 7: the Flink SQL export is a script that runs as it is: the source table with a
 * computed rowtime and its WATERMARK from the pattern's time settings, the watermark interval, and an
 * optional last variable. Flink behaviour cited from flink-table-planner / flink-table-runtime 1.20.3:
 * - CommonExecMatch.applyQuantifier: `A?` (startNum 0, endNum 1, greedy syntax) becomes plain
 *   `pattern.optional()` — `if (greedy && (isOptional || startNum == endNum)) return newPattern` — so
 *   the "Greedy quantifiers are not allowed as the last element" check (GREEDY property) passes.
 * - WatermarkAssignerOperator emits the WATERMARK expression's value itself, and CepOperator drops an
 *   event whose timestamp is <= the watermark; DataStream's BoundedOutOfOrdernessWatermarks (and
 *   Cepheus) emit max - outOfOrderness - 1, hence `rowtime - INTERVAL '<ooo + 1 ms>'`.
 * - The periodic emission follows 'pipeline.auto-watermark-interval' (WatermarkAssignerOperator.open
 *   registers a processing-time timer every that many ms).
 * - UNIX_TIMESTAMP(text, format) parses with java.text.SimpleDateFormat (XXX reads Z and +02:00);
 *   CAST('…T…Z' AS TIMESTAMP_LTZ(3)) fails on the T and TO_TIMESTAMP(text, '…XXX') drops the offset
 *   (both tried on Flink 1.20.3).
 * The scripts of the SQL-expressible samples were run on Flink 1.20.3 and 2.2.0 (Table API, local) over
 * the sample recordings and gave the matches of `cepheus run` (login-takeover, cpu-sustained).
 */
import { describe, expect, it } from 'vitest';
import { exportPattern, expressibility, sqlSourceTable } from '../../../engine/export';
import { Pattern } from '../../../engine/format';

const fields = [
  { name: 'id', type: 'string' as const },
  { name: 'ts', type: 'timestamp' as const },
  { name: 'amount', type: 'number' as const },
  { name: 'user.id', type: 'string' as const },
  { name: 'user.vip', type: 'boolean' as const },
  { name: 'tags', type: 'array' as const },
];
const eventTime = (format: 'epochMillis' | 'epochSeconds' | 'iso8601', outOfOrdernessMs = 0) => ({
  mode: 'event' as const,
  field: 'ts',
  format,
  outOfOrdernessMs,
  watermarkIntervalMs: 50,
});
const connector = [['connector', 'filesystem'] as const, ['path', "it's.jsonl"] as const];

describe('sqlSourceTable (the reusable CREATE TABLE)', () => {
  it('reads epoch milliseconds into a rowtime with the watermark 1 ms below the out-of-orderness', () => {
    const t = sqlSourceTable({ table: 'events', fields, time: eventTime('epochMillis', 5000), connector });
    expect(t).toEqual({
      ok: true,
      settings: ["SET 'pipeline.auto-watermark-interval' = '50ms';", "SET 'table.local-time-zone' = 'UTC';"],
      timeAttribute: 'rowtime',
      omitted: ['tags (array values have no fixed SQL type)'],
      ddl: [
        'CREATE TABLE events (',
        '  id STRING,',
        '  ts BIGINT,',
        '  amount DOUBLE,',
        '  `user` ROW<id STRING, vip BOOLEAN>,',
        '  rowtime AS TO_TIMESTAMP_LTZ(ts, 3),',
        "  WATERMARK FOR rowtime AS rowtime - INTERVAL '5.001' SECOND",
        ') WITH (',
        "  'connector' = 'filesystem',",
        "  'path' = 'it''s.jsonl'",
        ');',
      ].join('\n'),
    });
  });

  it('reads epoch seconds and ISO-8601 text (Z or an offset) into milliseconds', () => {
    const s = sqlSourceTable({ table: 'events', fields, time: eventTime('epochSeconds'), connector });
    expect(s.ok && s.ddl).toContain('  ts DOUBLE,');
    expect(s.ok && s.ddl).toContain('rowtime AS TO_TIMESTAMP_LTZ(CAST(ts * 1000 AS BIGINT), 3)');
    expect(s.ok && s.ddl).toContain("WATERMARK FOR rowtime AS rowtime - INTERVAL '0.001' SECOND");
    const iso = sqlSourceTable({ table: 'events', fields, time: eventTime('iso8601'), connector });
    expect(iso.ok && iso.ddl).toContain('  ts STRING,');
    expect(iso.ok && iso.ddl).toContain(
      "rowtime AS TO_TIMESTAMP_LTZ(UNIX_TIMESTAMP(ts, 'yyyy-MM-dd''T''HH:mm:ss.SSSXXX') * 1000 + CAST(SUBSTR(ts, 21, 3) AS BIGINT), 3)",
    );
  });

  it('names the attribute around existing columns, uses PROCTIME() in processing time, refuses a missing time field', () => {
    const taken = sqlSourceTable({
      table: 'events',
      fields: [...fields, { name: 'rowtime', type: 'string' }],
      time: eventTime('epochMillis'),
      connector,
    });
    expect(taken.ok && taken.timeAttribute).toBe('rowtime2');
    const proc = sqlSourceTable({ table: 'events', fields, time: { mode: 'processing' }, connector });
    expect(proc.ok && [proc.timeAttribute, proc.settings]).toEqual(['proctime', []]);
    expect(proc.ok && proc.ddl).toContain('  proctime AS PROCTIME()\n) WITH (');
    expect(
      sqlSourceTable({
        table: 'events',
        fields,
        time: { ...eventTime('iso8601'), field: 'when' },
        connector,
      }),
    ).toEqual({ ok: false, reasons: ['the time field "when" is not in the event schema'] });
  });
});

describe('the flink-sql export', () => {
  const settings = {
    time: eventTime('epochMillis', 2000),
    skip: { kind: 'SKIP_PAST_LAST_EVENT' as const },
    partitionKey: 'id',
  };
  const schema = { fields: fields.slice(0, 3) };

  it('ends with an optional variable: A? is plain optional() in Flink, not a greedy last element', () => {
    const doc = Pattern.begin('a')
      .where('amount > 10')
      .next('b')
      .where('amount < 5')
      .optional()
      .toDocument({ name: 'optional last', settings, eventSchema: schema });
    const sql = exportPattern(doc, 'flink-sql');
    expect(sql.ok && sql.text).toContain('PATTERN (a b?)');
    const timesZeroOne = Pattern.begin('a')
      .where('amount > 10')
      .next('b')
      .where('amount < 5')
      .times(0, 1)
      .toDocument({ name: 'times(0, 1) last', settings, eventSchema: schema });
    const sql2 = exportPattern(timesZeroOne, 'flink-sql');
    expect(sql2.ok && sql2.text).toContain('PATTERN (a b?)');
  });

  it('is a script: SET, CREATE TABLE, then the query ordered by the rowtime', () => {
    const doc = Pattern.begin('a')
      .where('amount > 10')
      .next('b')
      .where('amount < 5')
      .toDocument({ name: 'two', settings, eventSchema: schema });
    const sql = exportPattern(doc, 'flink-sql');
    if (!sql.ok) throw new Error(JSON.stringify(sql.reasons));
    const order = ['SET ', 'CREATE TABLE events (', 'WATERMARK FOR rowtime', 'SELECT *', 'ORDER BY rowtime'];
    const at = order.map((s) => sql.text.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    expect(sql.text.trimEnd().endsWith(') AS T;')).toBe(true);
  });

  it('without an event schema writes the query alone and says why in the report', () => {
    const doc = Pattern.begin('a')
      .where('amount > 10')
      .next('b')
      .where('amount < 5')
      .toDocument({ name: 'no schema', settings });
    const sql = exportPattern(doc, 'flink-sql');
    expect(sql.ok && sql.text).not.toMatch(/^CREATE TABLE/m);
    expect(expressibility(doc)['flink-sql'].items).toContainEqual({
      ok: true,
      note: expect.stringMatching(/^SQL: no event schema, so no CREATE TABLE/) as string,
    });
  });
});
