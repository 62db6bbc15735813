import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../engine/format';
import { TestCaseSchema } from '../../../engine/format/tests-schema';
import {
  expectMatchEndingAt,
  expectNoMatch,
  expectOutcome,
  nextCaseId,
} from '../../../renderer/testing/new-cases';

const loaded = loadDocument(
  JSON.parse(readFileSync(join(__dirname, '../../../samples/patterns/risk/card-testing.cep.json'), 'utf8')),
);
if (!loaded.ok) throw new Error('card-testing does not load');
const doc = loaded.document;

describe('test cases made in the debugger', () => {
  it('take the first free id and name the replayed recording', () => {
    expect(nextCaseId(doc)).toBe(`t${doc.tests.length + 1}`);
    const made = expectMatchEndingAt(doc, 'Sample: risk-transactions.csv', { seq: 642, key: 'card-00070' });
    expect(TestCaseSchema.parse(made)).toEqual(made);
    expect(made.source).toEqual({ kind: 'recording', recording: 'Sample: risk-transactions.csv' });
    expect(made.expect).toEqual([{ kind: 'match', key: 'card-00070', endsAt: 642 }]);
    expect(made.name).toBe('a match ending at #643 (key card-00070)');
  });

  it('"Expect this match" binds exactly the events per stage; an unkeyed outcome names no key', () => {
    const made = expectOutcome(doc, 'r', {
      kind: 'match',
      key: '',
      bound: [
        { stage: 'probe', seqs: [616] },
        { stage: 'cashout', seqs: [642] },
      ],
    });
    expect(TestCaseSchema.parse(made)).toEqual(made);
    expect(made.expect).toEqual([{ kind: 'match', stages: { probe: [616], cashout: [642] } }]);
  });

  it('"Expect no match here" covers the times given, as ISO-8601', () => {
    const made = expectNoMatch(doc, 'r', { key: 'k', from: 0, to: 60_000, label: 'from a to b' });
    expect(TestCaseSchema.parse(made)).toEqual(made);
    expect(made.expect).toEqual([
      { kind: 'no-match', key: 'k', from: '1970-01-01T00:00:00.000Z', to: '1970-01-01T00:01:00.000Z' },
    ]);
  });
});
