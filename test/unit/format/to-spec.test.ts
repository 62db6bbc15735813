import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentToSpec, loadDocument, specToDocument, type PatternDocument } from '../../../engine/format';
import type { PatternSpec, SkipStrategy, StageSpec } from '../../../engine/pattern/spec';
import { cardTesting, stage, withGroup } from './fixtures';

function errors(doc: PatternDocument): { code: string; message: string; nodeId?: string; edgeId?: string }[] {
  const r = documentToSpec(doc);
  if (r.ok) return [];
  return r.diagnostics.map((d) => ({
    code: d.code,
    message: d.message,
    nodeId: d.target?.nodeId,
    edgeId: d.target?.edgeId,
  }));
}

function withoutIds(stages: StageSpec[]): StageSpec[] {
  return stages.map(({ nodeId: _n, edgeId: _e, ...s }) =>
    s.group ? { ...s, group: { stages: withoutIds(s.group.stages) } } : s,
  );
}

describe('documentToSpec', () => {
  it('lowers a chain with settings, ids and conditions', () => {
    const r = documentToSpec(cardTesting());
    expect(r).toEqual({
      ok: true,
      spec: {
        stages: [
          {
            name: 'small',
            contiguity: 'begin',
            where: 'amount < 1',
            nodeId: 'n1',
            quantifier: { kind: 'timesOrMore', from: 3, optional: false, greedy: false, inner: 'relaxed' },
          },
          {
            name: 'large',
            contiguity: 'followedBy',
            where: 'amount > 10000',
            nodeId: 'n2',
            edgeId: 'e1',
            quantifier: { kind: 'one', optional: false, greedy: false, inner: 'relaxed' },
          },
        ],
        within: { ms: 600_000, type: 'FIRST_AND_LAST' },
        skip: { kind: 'SKIP_PAST_LAST_EVENT' },
      },
    });
  });

  it('follows edges, not the order of the nodes array', () => {
    const doc = cardTesting();
    doc.nodes.reverse();
    const r = documentToSpec(doc);
    expect(r.ok && r.spec.stages.map((s) => s.name)).toEqual(['small', 'large']);
  });

  it('lowers groups recursively, the group quantifier applying to the whole group', () => {
    const r = documentToSpec(withGroup());
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    const [start, group, cancel, end] = r.spec.stages;
    expect(start.contiguity).toBe('begin');
    expect(group).toMatchObject({
      name: 'burst',
      contiguity: 'followedBy',
      nodeId: 'g',
      edgeId: 'e1',
      quantifier: { kind: 'times', from: 2, to: 3 },
    });
    expect(group.group?.stages.map((s) => [s.name, s.contiguity, s.nodeId, s.edgeId])).toEqual([
      ['middle1', 'begin', 'a', undefined],
      ['middle2', 'next', 'b', 'ge'],
    ]);
    expect(cancel).toMatchObject({ name: 'cancel', contiguity: 'notFollowedBy', edgeId: 'e2' });
    expect(end.contiguity).toBe('followedBy');
  });

  it('omits empty conditions and carries or/until/per-stage windows', () => {
    const doc = cardTesting();
    doc.nodes[0] = stage('n1', 'small', '  ', {
      or: ['a', 'b'],
      until: 'c',
      quantifier: {
        kind: 'oneOrMore',
        from: 1,
        optional: true,
        greedy: true,
        inner: 'consecutive',
        window: 50,
      },
    });
    doc.nodes[1] = stage('n2', 'large', 'x', { withinPreviousAndCurrentMs: 100, until: '' });
    const r = documentToSpec(doc);
    if (!r.ok) throw new Error('expected ok');
    expect(r.spec.stages[0]).toEqual({
      name: 'small',
      contiguity: 'begin',
      or: ['a', 'b'],
      until: 'c',
      nodeId: 'n1',
      quantifier: {
        kind: 'oneOrMore',
        from: 1,
        optional: true,
        greedy: true,
        inner: 'consecutive',
        window: 50,
      },
    });
    expect(r.spec.stages[1].withinPreviousAndCurrent).toBe(100);
    expect(r.spec.stages[1].until).toBeUndefined();
  });

  it('reports an empty pattern and an empty group', () => {
    const empty = { ...cardTesting(), nodes: [], edges: [] };
    expect(errors(empty)).toEqual([
      { code: 'graph.empty', message: 'The pattern has no stages yet: add a stage to the canvas.' },
    ]);
    const doc = withGroup();
    const g = doc.nodes[1];
    if (g.kind === 'group') {
      g.nodes = [];
      g.edges = [];
    }
    expect(errors(doc)).toEqual([
      {
        code: 'graph.empty-group',
        nodeId: 'g',
        message: 'Group "burst" is empty: put at least one stage inside it.',
      },
    ]);
  });

  it('reports branches and joins, naming the node and its edges', () => {
    const doc = cardTesting();
    doc.nodes.push(stage('n3', 'other', 'y'));
    doc.edges.push({ id: 'e2', from: 'n1', to: 'n3', contiguity: 'next' });
    expect(errors(doc)).toEqual([
      {
        code: 'graph.branch',
        nodeId: 'n1',
        message:
          'Stage "small" branches into 2 connections (to "large", "other"); a pattern is a single chain, so keep only one.',
      },
    ]);
    doc.edges[1] = { id: 'e2', from: 'n3', to: 'n2', contiguity: 'next' };
    expect(errors(doc)).toEqual([
      {
        code: 'graph.join',
        nodeId: 'n2',
        message:
          'Stage "large" is reached by 2 connections (from "small", "other"); each stage follows exactly one previous stage.',
      },
    ]);
  });

  it('reports cycles: a full loop, a loop back, a self-loop', () => {
    const doc = cardTesting();
    doc.edges.push({ id: 'back', from: 'n2', to: 'n1', contiguity: 'next' });
    expect(errors(doc).map((e) => e.code)).toEqual(['graph.cycle']);
    expect(errors(doc)[0].message).toContain('form a cycle');

    const three = cardTesting();
    three.nodes.push(stage('n3', 'third', 'z'));
    three.edges.push(
      { id: 'e2', from: 'n2', to: 'n3', contiguity: 'next' },
      { id: 'e3', from: 'n3', to: 'n2', contiguity: 'next' },
    );
    expect(errors(three)).toEqual([
      expect.objectContaining({ code: 'graph.join', nodeId: 'n2' }),
      expect.objectContaining({
        code: 'graph.cycle',
        edgeId: 'e3',
        message: expect.stringContaining(
          'The connection from "third" goes back to stage "large", closing a cycle',
        ) as string,
      }),
    ]);

    const self = cardTesting();
    self.edges.push({ id: 'loop', from: 'n2', to: 'n2', contiguity: 'next' });
    expect(errors(self)).toEqual([
      {
        code: 'graph.cycle',
        edgeId: 'loop',
        message:
          'A connection goes from stage "large" back to itself; to repeat a stage, give it a quantifier such as oneOrMore instead.',
      },
    ]);
  });

  it('reports disconnected nodes against the main chain', () => {
    const doc = cardTesting();
    doc.nodes.push(stage('n3', 'stray', 'z'));
    expect(errors(doc)).toEqual([
      {
        code: 'graph.disconnected',
        nodeId: 'n3',
        message:
          'Stage "stray" is not connected to the chain that starts at "small"; connect it to the chain or delete it.',
      },
    ]);
  });

  it('reports edges to missing nodes and edges crossing a group border', () => {
    const doc = cardTesting();
    doc.edges[0].to = 'nope';
    expect(errors(doc)[0]).toEqual({
      code: 'graph.edge-missing-node',
      edgeId: 'e1',
      message: 'The connection from "small" points to a stage that does not exist; delete the connection.',
    });
    const g = withGroup();
    g.edges[0].to = 'a';
    expect(errors(g)[0]).toMatchObject({ code: 'graph.edge-crosses-group', edgeId: 'e1' });
  });

  it('reports an empty alternative condition', () => {
    const doc = cardTesting();
    doc.nodes[1] = stage('n2', 'large', 'x', { or: ['y', ' '] });
    expect(errors(doc)).toEqual([expect.objectContaining({ code: 'graph.empty-or', nodeId: 'n2' })]);
  });
});

describe('specToDocument', () => {
  it('round-trips documents (doc → spec → doc keeps ids and semantics)', () => {
    for (const doc of [cardTesting(), withGroup()]) {
      const r = documentToSpec(doc);
      if (!r.ok) throw new Error('fixture must lower');
      const back = specToDocument(r.spec, {
        name: doc.name,
        description: doc.description,
        settings: doc.settings,
        eventSchema: doc.eventSchema,
      });
      // Notes are for humans and do not travel through the spec.
      const noteless = JSON.parse(
        JSON.stringify(doc).replaceAll('"note":"repeated pairs"', '"note":""'),
      ) as PatternDocument;
      expect({ ...back, layout: doc.layout }).toEqual(noteless);
      expect(loadDocument(back).ok).toBe(true);
    }
  });

  it('lays out left to right, with group children inside their group', () => {
    const r = documentToSpec(withGroup());
    if (!r.ok) throw new Error('fixture must lower');
    const stripped: PatternSpec = { ...r.spec, stages: withoutIds(r.spec.stages) };
    const doc = specToDocument(stripped);
    const l = doc.layout.nodes;
    expect(Object.keys(l)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6']);
    expect(l.n1).toEqual({ x: 0, y: 0, width: 220, height: 90 });
    expect(l.n2.x).toBe(280);
    expect(l.n3).toEqual({ x: 20, y: 40, width: 220, height: 90 });
    expect(l.n4.x).toBe(300);
    expect(l.n2.width).toBe(20 + 220 + 60 + 220 + 20);
    expect(l.n5.x).toBe(280 + l.n2.width! + 60);
    expect(doc.edges.map((e) => e.id)).toEqual(['e2', 'e3', 'e4']);
  });

  it('round-trips every pattern of the Flink conformance vectors', () => {
    const vectors = JSON.parse(
      readFileSync(new URL('../../../../shared/conformance/flink-vectors.json', import.meta.url), 'utf8'),
    ) as {
      id: string;
      pattern: { stages: StageSpec[]; within?: PatternSpec['within'] };
      skip?: string;
      throwExceptionOnMiss?: boolean;
      compare: string;
    }[];
    expect(vectors.length).toBeGreaterThan(100);
    const rejected: string[] = [];
    for (const v of vectors) {
      const spec: PatternSpec = {
        stages: v.pattern.stages,
        skip: parseSkip(v.skip ?? 'NO_SKIP', v.throwExceptionOnMiss ?? false),
      };
      if (v.pattern.within) spec.within = v.pattern.within;
      const doc = specToDocument(spec, { name: v.id });
      const loaded = loadDocument(JSON.parse(JSON.stringify(doc)));
      if (!loaded.ok) {
        // Only vectors that expect Flink to reject the pattern may be refused, and then for a quantifier or window value.
        expect(v.compare, `${v.id}: ${loaded.diagnostics.map((d) => d.message).join('; ')}`).toBe('error');
        rejected.push(v.id);
        continue;
      }
      const back = documentToSpec(loaded.document);
      if (!back.ok) throw new Error(`${v.id}: ${back.diagnostics.map((d) => d.message).join('; ')}`);
      expect({ ...back.spec, stages: withoutIds(back.spec.stages) }, v.id).toEqual(spec);
    }
    expect(rejected).toEqual([
      'PatternTest#testPatternTimesNegativeTimes',
      'PatternTest#testPatternTimesNegativeFrom',
    ]);
  });
});

function parseSkip(s: string, throwExceptionOnMiss: boolean): SkipStrategy {
  const [kind, stageName] = s.split(':');
  if (kind === 'SKIP_TO_FIRST' || kind === 'SKIP_TO_LAST')
    return { kind, stage: stageName, throwExceptionOnMiss };
  return { kind: kind as 'NO_SKIP' };
}
