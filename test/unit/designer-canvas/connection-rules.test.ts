import { describe, expect, it } from 'vitest';
import { Pattern } from '../../../engine/format/builder';
import { specToDocument } from '../../../engine/format/from-spec';
import type { PatternDocument } from '../../../engine/format/schema';
import { documentToSpec } from '../../../engine/format/to-spec';
import { checkConnection } from '../../../renderer/canvas/connection-rules';
import { addStage, connect } from '../../../renderer/canvas/doc-edits';

const chain = (): PatternDocument =>
  specToDocument(Pattern.begin('a').where('x > 1').followedBy('b').next('c').toSpec());
const id = (doc: PatternDocument, name: string): string => {
  const hit =
    doc.nodes.find((n) => n.name === name) ??
    doc.nodes.flatMap((n) => (n.kind === 'group' ? n.nodes : [])).find((n) => n.name === name);
  if (!hit) throw new Error(`no node ${name}`);
  return hit.id;
};

describe('connection validation', () => {
  it('accepts attaching a new stage to the end of the chain', () => {
    const { doc, nodeId } = addStage(chain(), { x: 0, y: 0 });
    expect(checkConnection(doc, id(doc, 'c'), nodeId, 'followedBy')).toEqual({ ok: true });
    const joined = connect(doc, id(doc, 'c'), nodeId, 'followedBy').doc;
    expect(documentToSpec(joined).ok).toBe(true);
  });

  it('refuses a self loop with the engine reason', () => {
    const doc = chain();
    const verdict = checkConnection(doc, id(doc, 'b'), id(doc, 'b'), 'next');
    expect(verdict).toMatchObject({ ok: false, code: 'graph.cycle' });
    if (!verdict.ok) expect(verdict.reason).toMatch(/to itself.*quantifier/);
  });

  it('refuses a branch, a join and a loop back', () => {
    const { doc, nodeId } = addStage(chain(), { x: 0, y: 0 });
    expect(checkConnection(doc, id(doc, 'a'), nodeId, 'next')).toMatchObject({
      ok: false,
      code: 'graph.branch',
    });
    expect(checkConnection(doc, nodeId, id(doc, 'b'), 'next')).toMatchObject({
      ok: false,
      code: 'graph.join',
    });
    expect(checkConnection(doc, id(doc, 'c'), id(doc, 'a'), 'next')).toMatchObject({ ok: false });
  });

  it('refuses an edge across a group border', () => {
    const doc = specToDocument(
      Pattern.begin('a').followedBy(Pattern.begin('x').next('y'), 'g').oneOrMore().toSpec(),
    );
    const { doc: withStage, nodeId } = addStage(doc, { x: 0, y: 0 });
    expect(checkConnection(withStage, id(withStage, 'y'), nodeId, 'next')).toMatchObject({
      ok: false,
      code: 'graph.edge-crosses-group',
    });
  });

  it('refuses a Flink rule the new edge would break (notFollowedBy into an optional stage)', () => {
    const base = chain();
    const { doc, nodeId } = addStage(base, { x: 0, y: 0 });
    const optional: PatternDocument = {
      ...doc,
      nodes: doc.nodes.map((n) =>
        n.id === nodeId && n.kind === 'stage' ? { ...n, quantifier: { ...n.quantifier, optional: true } } : n,
      ),
    };
    const verdict = checkConnection(optional, id(optional, 'c'), nodeId, 'notNext');
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason.length).toBeGreaterThan(10);
    expect(checkConnection(optional, id(optional, 'c'), nodeId, 'followedBy')).toEqual({ ok: true });
  });

  it('does not block on problems the edge did not cause (a stray stage, a broken condition)', () => {
    let doc = chain();
    doc = {
      ...doc,
      nodes: doc.nodes.map((n) => (n.kind === 'stage' && n.name === 'a' ? { ...n, where: 'x >>> (' } : n)),
    };
    const first = addStage(doc, { x: 0, y: 0 });
    const second = addStage(first.doc, { x: 300, y: 0 });
    expect(checkConnection(second.doc, id(second.doc, 'c'), first.nodeId, 'followedBy')).toEqual({
      ok: true,
    });
  });

  it('reconnecting an existing edge is judged without that edge', () => {
    const doc = chain();
    const edge = doc.edges[1];
    const { doc: grown, nodeId } = addStage(doc, { x: 0, y: 0 });
    expect(checkConnection(grown, edge.from, nodeId, edge.contiguity, edge.id)).toEqual({ ok: true });
  });
});
