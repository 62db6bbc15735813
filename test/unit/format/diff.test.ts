import { describe, expect, it } from 'vitest';
import { diffDocuments, diffVersions, summarizeChanges, type PatternDocument } from '../../../engine/format';
import { cardTesting, stage, withGroup } from './fixtures';

const clone = (d: PatternDocument): PatternDocument => JSON.parse(JSON.stringify(d)) as PatternDocument;

describe('diffDocuments', () => {
  it('reports nothing for layout, name, description and note changes', () => {
    const a = withGroup();
    const b = clone(a);
    b.layout.nodes.s = { x: 500, y: 500 };
    b.name = 'renamed file';
    b.description = 'x';
    if (b.nodes[1].kind === 'group') b.nodes[1].note = 'changed';
    expect(diffDocuments(a, b)).toEqual([]);
  });

  it('describes stage changes in sentences', () => {
    const a = cardTesting();
    const b = clone(a);
    const first = b.nodes[0];
    if (first.kind !== 'stage') throw new Error('fixture');
    b.nodes[0] = {
      ...first,
      name: 'tiny',
      where: 'amount < 2',
      quantifier: { kind: 'times', from: 2, to: 4, optional: false, greedy: false, inner: 'consecutive' },
    };
    if (b.nodes[1].kind === 'stage') {
      b.nodes[1].until = null;
      b.nodes[1].or = ['currency != "EUR"'];
      b.nodes[1].withinPreviousAndCurrentMs = 30_000;
    }
    expect(diffDocuments(a, b).map((c) => [c.kind, c.message])).toEqual([
      ['node-renamed', 'Renamed stage "small" to "tiny".'],
      ['quantifier-changed', 'Stage "tiny" now matches 2 to 4 times, in a row (was 3 or more times).'],
      ['condition-changed', 'Condition of stage "tiny" changed from amount < 1 to amount < 2.'],
      [
        'condition-changed',
        'Alternative conditions of stage "large" changed from (none) to currency != "EUR".',
      ],
      [
        'stage-window-changed',
        'Time allowed since the previous event for stage "large" changed from none to 30 seconds.',
      ],
    ]);
  });

  it('reports added and removed nodes, edges and contiguity changes', () => {
    const a = cardTesting();
    const b = clone(a);
    b.nodes.push(stage('n3', 'cashout', 'kind == "atm"'));
    b.edges.push({ id: 'e2', from: 'n2', to: 'n3', contiguity: 'next' });
    b.edges[0] = { ...b.edges[0], contiguity: 'followedByAny' };
    expect(diffDocuments(a, b).map((c) => c.message)).toEqual([
      'Added stage "cashout".',
      '"small" → "large" changed from followedBy to followedByAny.',
      'Connected "large" → "cashout" with next.',
    ]);
    expect(diffDocuments(b, a).map((c) => c.kind)).toEqual([
      'node-removed',
      'edge-removed',
      'contiguity-changed',
    ]);
  });

  it('treats a re-drawn edge (new id, same ends and contiguity) as no change', () => {
    const a = cardTesting();
    const b = clone(a);
    b.edges[0].id = 'edge-redrawn';
    expect(diffDocuments(a, b)).toEqual([]);
  });

  it('reports settings and event schema changes', () => {
    const a = cardTesting();
    const b = clone(a);
    b.settings = {
      within: { ms: 5_400_000, type: 'FIRST_AND_LAST' },
      skip: { kind: 'SKIP_TO_FIRST', stage: 'large', throwExceptionOnMiss: true },
      partitionKey: null,
      time: { mode: 'processing' },
    };
    b.eventSchema = {
      fields: [
        { name: 'cardId', type: 'string' },
        { name: 'amount', type: 'string' },
        { name: 'merchant', type: 'string' },
      ],
    };
    expect(diffDocuments(a, b).map((c) => c.message)).toEqual([
      'Time window changed from within 10 minutes from first to last event to within 1 hour 30 minutes from first to last event.',
      'After-match strategy changed from skip past last event to skip to first "large" (fail on miss).',
      'Partition key changed from cardId to (none).',
      'Time changed from event time from "ts" (epochMillis, up to 5 seconds out of order, watermark every 200 milliseconds) to processing time.',
      'Event schema: added field merchant, removed field ts, field amount is now string (was number).',
    ]);
  });

  it('sees nodes moving into or out of a group', () => {
    const a = withGroup();
    const b = clone(a);
    const g = b.nodes[1];
    if (g.kind !== 'group') throw new Error('fixture');
    const moved = b.nodes.splice(2, 1)[0];
    g.nodes.push(moved);
    const kinds = diffDocuments(a, b).map((c) => c.kind);
    expect(kinds).toContain('node-regrouped');
    expect(diffDocuments(a, b).find((c) => c.kind === 'node-regrouped')?.message).toBe(
      'Moved stage "cancel" into group "burst".',
    );
  });
});

describe('diffVersions and summarizeChanges', () => {
  it('adds name and description changes to the meaning, and sums them up on one line', () => {
    const a = cardTesting();
    const b = clone(a);
    b.name = 'Card testing v2';
    b.description = 'Now with a tighter window';
    b.settings.within = { ms: 60_000, type: 'FIRST_AND_LAST' };
    b.nodes[1] = stage('n2', 'large', 'amount > 5000');
    const changes = diffVersions(a, b);
    expect(changes.map((c) => c.kind)).toEqual([
      'meta-changed',
      'meta-changed',
      'condition-changed',
      'setting-changed',
    ]);
    expect(changes[0].message).toBe('Renamed the pattern from "Card testing" to "Card testing v2".');
    expect(summarizeChanges(changes)).toBe(
      'Renamed to "Card testing v2", description, condition of "large" (+1 more)',
    );
    expect(summarizeChanges([])).toBe('');
    // Layout alone is still no change.
    const moved = clone(a);
    moved.layout.nodes.n1 = { x: 900, y: 900 };
    expect(diffVersions(a, moved)).toEqual([]);
  });
});
