/**
 * The event browser's condition filter (issue 15, point 13): what SQLite answers must be exactly
 * what the engine's condition answers, for any expression, on payloads with missing, null,
 * mistyped and nested fields; and the key field is found by its index, not by scanning.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingStore, runImport } from '../../../electron/services/recordings';
import { filteredQueries } from '../../../electron/services/recordings/store/recording-store';
import { compileCondition } from '../../../engine/expr/index';
import { request, tempDb, writeFile, type TempDb } from './helpers';

const ROWS = 400;
const TYPES = ['transfer', 'purchase', 'login', 'Transfer', 'ä'];

function payload(i: number): Record<string, unknown> {
  const p: Record<string, unknown> = { t: 1_000 + i * 10, card: `c${i % 7}`, type: TYPES[i % TYPES.length] };
  // amount: numbers mostly, and the cases where SQL and JavaScript could disagree.
  const a = i % 11;
  if (a === 3) p.amount = String(i);
  else if (a === 5) p.amount = null;
  else if (a === 7) p.amount = true;
  else if (a !== 9) p.amount = ((i * 37) % 200) - 20 + (i % 4 === 0 ? 0.5 : 0);
  if (i % 3 === 0) p.flag = i % 2 === 0;
  p.user = i % 5 === 0 ? { id: `u${i % 3}`, vip: i % 10 === 0 } : `u${i % 3}`;
  return p;
}

const field = fc.constantFrom('amount', 'type', 'flag', 'card', 'user.id', 'user.vip', 't', 'user');
const literal = fc.oneof(
  fc.integer({ min: -30, max: 220 }).map(String),
  fc.constantFrom(
    '0.5',
    '-20',
    "'transfer'",
    "'Transfer'",
    "'login'",
    "'ä'",
    "'c3'",
    "'u1'",
    'true',
    'false',
    'null',
  ),
);
const op = fc.constantFrom('==', '!=', '<', '<=', '>', '>=');
const atom = fc.oneof(
  fc.tuple(field, op, literal).map(([f, o, l]) => `${f} ${o} ${l}`),
  fc.tuple(literal, op, field).map(([l, o, f]) => `${l} ${o} ${f}`),
  fc.tuple(field, fc.array(literal, { maxLength: 3 })).map(([f, ls]) => `${f} in [${ls.join(', ')}]`),
  fc.tuple(field, field).map(([a, b]) => `${a} == ${b}`),
  fc.constantFrom('amount + 1 > 50', 'type.startsWith("tr")', 'true', 'false'),
);
const expression: fc.Arbitrary<string> = fc.letrec((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atom,
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `(${String(a)}) && (${String(b)})`),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `(${String(a)}) || (${String(b)})`),
    tie('expr').map((a) => `!(${String(a)})`),
  ),
})).expr;

describe('event filter by condition', () => {
  let t: TempDb;
  let store: RecordingStore;
  let id: number;
  const payloads = Array.from({ length: ROWS }, (_, i) => payload(i));

  beforeAll(async () => {
    t = tempDb();
    store = new RecordingStore(t.db);
    const text = payloads.map((p) => JSON.stringify(p)).join('\n') + '\n';
    id = await runImport(
      t.db,
      request(writeFile(t.dir, 'mixed.jsonl', text), {
        name: 'mixed',
        timestampField: 't',
        timestampFormat: 'epochMillis',
        keyField: 'card',
      }),
    );
  });
  afterAll(() => t.cleanup());

  const sqlSeqs = (source: string): number[] =>
    store.readEvents(id, { offset: 0, limit: ROWS, filter: { expression: source } }).events.map((e) => e.seq);

  it('keeps exactly the events the engine condition keeps', () => {
    fc.assert(
      fc.property(expression, (source) => {
        const schema = { fields: store.get(id).schema.map((f) => ({ name: f.name, type: f.type })) };
        const compiled = compileCondition(source, { stages: [], schema });
        fc.pre(compiled.ok);
        if (!compiled.ok) return;
        const want = payloads.flatMap((p, seq) =>
          compiled.condition(p, { eventsOf: () => [] }) ? [seq] : [],
        );
        expect(sqlSeqs(source)).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });

  it('answers the issue’s examples', () => {
    const page = store.readEvents(id, {
      offset: 0,
      limit: 10,
      filter: { expression: "type == 'transfer' && amount < 1" },
    });
    expect(page.total).toBeGreaterThan(0);
    for (const e of page.events) {
      expect(e.payload.type).toBe('transfer');
      expect(e.payload.amount).toBeLessThan(1);
    }
  });

  it('finds the key field through its index, and the time field through the time index', () => {
    const recording = store.get(id);
    const plan = (source: string): string => {
      const { count, params } = filteredQueries(id, { expression: source }, recording.keyField, {
        // What the store builds for these (exact SQL, no condition call).
        sql: (
          store as unknown as {
            filterCondition: (
              r: typeof recording,
              s: string,
            ) => { sql: { where: string; params: unknown[] } };
          }
        ).filterCondition(recording, source).sql as never,
        token: 0,
      });
      return (t.db.prepare(`EXPLAIN QUERY PLAN ${count}`).all(...params) as { detail: string }[])
        .map((r) => r.detail)
        .join('\n');
    };
    expect(plan("card == 'c3'")).toMatch(
      /SEARCH event_keys USING PRIMARY KEY \(recording_id=\? AND key=\?\)/,
    );
    expect(plan('t >= 3000 && t < 3100')).toMatch(/USING (COVERING )?INDEX events_by_ts/);
  });

  it('refuses a condition that does not compile, naming the problem and where', () => {
    expect(() => sqlSeqs('amount >')).toThrow(/Filter: the condition ends too early.*column 9/);
    expect(() => sqlSeqs('amout > 5')).toThrow(/unknown field 'amout' — did you mean 'amount'/);
  });
});
