import { describe, expect, it } from 'vitest';
import { loadDocument, MIGRATIONS, CURRENT_VERSION } from '../../../engine/format';
import { cardTesting, stage } from './fixtures';

const q = { kind: 'one', optional: false, greedy: false, inner: 'relaxed' };

function v0(): Record<string, unknown> {
  return {
    format: 'cepheus.pattern',
    version: 0,
    name: 'Old',
    skipStrategy: 'SKIP_TO_FIRST:b',
    within: { ms: 1000, type: 'FIRST_AND_LAST' },
    partitionKey: 'user',
    timeField: 'ts',
    nodes: [
      { id: 'a', kind: 'stage', name: 'a', where: 'x > 1', quantifier: q, position: { x: 10, y: 20 } },
      {
        id: 'g',
        kind: 'group',
        name: 'grp',
        quantifier: { kind: 'oneOrMore', from: 1, optional: false, greedy: false, inner: 'relaxed' },
        position: { x: 300, y: 20 },
        nodes: [
          {
            id: 'b',
            kind: 'stage',
            name: 'b',
            or: ['y'],
            until: null,
            quantifier: q,
            position: { x: 5, y: 6 },
          },
        ],
        edges: [],
      },
    ],
    edges: [{ id: 'e1', from: 'a', to: 'g', contiguity: 'next' }],
  };
}

describe('migrations', () => {
  it('form an ordered ladder up to the current version', () => {
    expect(MIGRATIONS.map((m) => [m.from, m.to])).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    expect(MIGRATIONS.length).toBe(CURRENT_VERSION);
  });

  it('upgrade a v0 document: positions move to layout, the skip string becomes an object', () => {
    const r = loadDocument(JSON.stringify(v0()));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(0);
    expect(r.document).toEqual({
      format: 'cepheus.pattern',
      version: 3,
      name: 'Old',
      description: '',
      settings: {
        within: { ms: 1000, type: 'FIRST_AND_LAST' },
        skip: { kind: 'SKIP_TO_FIRST', stage: 'b', throwExceptionOnMiss: false },
        partitionKey: 'user',
        time: {
          mode: 'event',
          field: 'ts',
          format: 'epochMillis',
          outOfOrdernessMs: 0,
          watermarkIntervalMs: 200,
        },
      },
      eventSchema: null,
      nodes: [
        stage('a', 'a', 'x > 1'),
        {
          id: 'g',
          kind: 'group',
          name: 'grp',
          quantifier: { kind: 'oneOrMore', from: 1, optional: false, greedy: false, inner: 'relaxed' },
          nodes: [stage('b', 'b', '', { or: ['y'] })],
          edges: [],
          note: '',
        },
      ],
      edges: [{ id: 'e1', from: 'a', to: 'g', contiguity: 'next' }],
      layout: { nodes: { a: { x: 10, y: 20 }, g: { x: 300, y: 20 }, b: { x: 5, y: 6 } } },
      tests: [],
    });
  });

  it('maps every v0 skip string and a missing time field', () => {
    for (const [s, expected] of [
      ['NO_SKIP', { kind: 'NO_SKIP' }],
      ['SKIP_TO_NEXT', { kind: 'SKIP_TO_NEXT' }],
      ['SKIP_PAST_LAST_EVENT', { kind: 'SKIP_PAST_LAST_EVENT' }],
      ['SKIP_TO_LAST:a', { kind: 'SKIP_TO_LAST', stage: 'a', throwExceptionOnMiss: false }],
    ] as const) {
      const doc = { ...v0(), skipStrategy: s, timeField: null };
      const r = loadDocument(doc);
      expect(r.ok && r.document.settings.skip).toEqual(expected);
      expect(r.ok && r.document.settings.time).toEqual({ mode: 'processing' });
    }
  });

  it('reports errors in a v0 file against the v0 shape', () => {
    const r = loadDocument({ ...v0(), skipStrategy: 'SKIP_SOMEWHERE' });
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0].message).toBe(
      'skipStrategy must be NO_SKIP, SKIP_TO_NEXT, SKIP_PAST_LAST_EVENT, SKIP_TO_FIRST:<stage> or SKIP_TO_LAST:<stage> (format version 0).',
    );
  });

  it("upgrade a v1 document: event time gets Flink's periodic watermark interval (200 ms)", () => {
    const v1 = JSON.parse(JSON.stringify(loadDocument(JSON.stringify(v0())))) as {
      document: Record<string, unknown> & { settings: { time: Record<string, unknown> } };
    };
    const doc = v1.document;
    doc.version = 2;
    delete doc.settings.time.watermarkIntervalMs;
    const r = loadDocument(doc);
    expect(r.ok && r.migratedFrom).toBe(2);
    expect(r.ok && r.document.settings.time).toEqual({
      mode: 'event',
      field: 'ts',
      format: 'epochMillis',
      outOfOrdernessMs: 0,
      watermarkIntervalMs: 200,
    });
    const processing = { ...doc, settings: { ...doc.settings, time: { mode: 'processing' } } };
    expect(loadDocument(processing).ok && loadDocument(processing)).toMatchObject({
      document: { version: 3, settings: { time: { mode: 'processing' } } },
    });
  });

  it('does not modify the input object while migrating', () => {
    const doc = v0();
    const before = JSON.stringify(doc);
    expect(loadDocument(doc).ok).toBe(true);
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('upgrade a v1 document: it gets an empty list of tests, the rest is kept', () => {
    const { tests: _tests, ...v1 } = { ...cardTesting(), version: 1 };
    const r = loadDocument(JSON.stringify(v1));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(1);
    expect(r.document).toEqual(cardTesting());
  });

  it('report errors in a v1 file with their own paths', () => {
    const { tests: _tests, ...v1 } = { ...cardTesting(), version: 1 };
    const r = loadDocument({ ...v1, settings: { ...v1.settings, partitionKey: '' } });
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0].message).toBe(
      'settings.partitionKey must not be empty (after upgrading from format version 1).',
    );
  });

  it('refuse a v1 file that already carries tests (they came with version 2)', () => {
    const r = loadDocument({ ...cardTesting(), version: 1, tests: [] });
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0].message).toContain('tests');
  });
});
