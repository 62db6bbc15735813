/** Test cases saved in the document: their shape, their messages, their serialization and hash. */
import { describe, expect, it } from 'vitest';
import {
  loadDocument,
  semanticHash,
  serializeDocument,
  testTimeMs,
  type PatternDocument,
  type TestCase,
} from '../../../engine/format';
import { cardTesting } from './fixtures';

function withTests(tests: unknown[]): unknown {
  return { ...cardTesting(), tests };
}

const planted: TestCase = {
  id: 't1',
  name: 'planted card test',
  source: { kind: 'recording', recording: '../../recordings/risk-transactions.csv' },
  idField: 'id',
  expect: [
    { kind: 'match', key: 'card-00070', stages: { small: ['tx-1', 'tx-2', 'tx-3'], large: ['tx-9'] } },
    { kind: 'no-match', key: 'card-00520', from: '2026-03-02T10:00:00Z', to: 1772449200000 },
    { kind: 'count', of: 'match', equals: 3 },
    { kind: 'timeout', endsAt: 'tx-4' },
  ],
  note: '',
};

function messages(doc: unknown): string[] {
  const r = loadDocument(doc);
  return r.ok ? [] : r.diagnostics.map((d) => d.message);
}

describe('tests in the pattern document', () => {
  it('load with every kind of expectation and inline events', () => {
    const inline: TestCase = {
      id: 't2',
      name: 'hand-written',
      source: { kind: 'inline', events: [{ cardId: 'c', amount: 0.5, ts: 1 }] },
      idField: null,
      expect: [{ kind: 'match', stages: { small: [0] } }],
      note: 'three small ones are needed',
    };
    const r = loadDocument(withTests([planted, inline]));
    expect(r.ok && r.document.tests).toEqual([planted, inline]);
  });

  it('say what is wrong, where', () => {
    expect(messages(withTests([{ ...planted, expect: [{ kind: 'match', key: 'k' }] }]))).toEqual([
      'tests[0].expect[0].stages or endsAt is required.',
    ]);
    expect(
      messages(withTests([{ ...planted, expect: [{ kind: 'count', of: 'match', equals: -1 }] }])),
    ).toEqual(['tests[0].expect[0].equals must be a whole number ≥ 0.']);
    expect(
      messages(withTests([{ ...planted, expect: [{ kind: 'no-match', from: 'yesterday' }] }]))[0],
    ).toContain('tests[0].expect[0].from');
    expect(messages(withTests([{ ...planted, source: { kind: 'recording', recording: '' } }]))).toEqual([
      'tests[0].source.recording must not be empty.',
    ]);
    expect(messages(withTests([planted, planted]))).toEqual([
      'Test id "t1" is used twice (tests[1]); every test case needs its own id.',
    ]);
  });

  it('never change the semantic hash (like layout)', () => {
    const doc = cardTesting();
    const tested: PatternDocument = { ...doc, tests: [planted] };
    expect(semanticHash(tested)).toBe(semanticHash(doc));
  });

  it('serialize in a fixed key order, last in the file, and load back equal', () => {
    const reordered = {
      note: planted.note,
      expect: planted.expect.map((e) => Object.fromEntries(Object.entries(e).reverse())),
      idField: planted.idField,
      source: planted.source,
      name: planted.name,
      id: planted.id,
    } as unknown as TestCase;
    const text = serializeDocument({ ...cardTesting(), tests: [reordered] });
    expect(text).toBe(serializeDocument({ ...cardTesting(), tests: [planted] }));
    expect(text.indexOf('"tests"')).toBeGreaterThan(text.indexOf('"layout"'));
    const back = loadDocument(text);
    expect(back.ok && back.document.tests).toEqual([planted]);
  });

  it('read times as epoch milliseconds or ISO-8601', () => {
    expect(testTimeMs('2026-03-02T10:00:00Z')).toBe(Date.UTC(2026, 2, 2, 10));
    expect(testTimeMs(5)).toBe(5);
  });
});
