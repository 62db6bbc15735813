import { describe, expect, it } from 'vitest';
import { Pattern } from '../../../engine/format/builder';
import { documentToFlow, type FlowNode } from '../../../renderer/canvas/document-to-flow';
import { mapNode } from '../../../renderer/canvas/doc-tree';
import { reuseEdges, reuseNodes } from '../../../renderer/canvas/reuse-flow';

const doc = Pattern.begin('a').where('x > 1').next('b').followedBy('c').toDocument({ name: 'Reuse' });
const idOf = (name: string) => doc.nodes.find((n) => n.name === name)?.id ?? '';
const none = new Set<string>();

/** What React Flow's dimension changes leave on the nodes it has measured. */
const measured = (nodes: FlowNode[]) =>
  nodes.map((n) => ({ ...n, measured: { width: n.width ?? 0, height: n.height ?? 0 } }));

describe('reusing React Flow objects across edits', () => {
  it("keeps every untouched node's object and the edited node's measurements", () => {
    const before = measured(reuseNodes([], documentToFlow(doc).nodes, none));
    const edited = mapNode(doc, idOf('b'), (n) => (n.kind === 'stage' ? { ...n, name: 'renamed' } : n));
    const after = reuseNodes(before, documentToFlow(edited).nodes, none);
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[1].data.node).toMatchObject({ name: 'renamed' });
    // Without `measured`, React Flow forgets the handles and hides the node's edges until it re-measures.
    expect(after[1].measured).toEqual(before[1].measured);
  });

  it('keeps the very node list when only condition text changed (the card reads it from the store)', () => {
    const before = measured(reuseNodes([], documentToFlow(doc).nodes, none));
    const typed = mapNode(doc, idOf('b'), (n) =>
      n.kind === 'stage' ? { ...n, where: 'y == 2', or: ['z'], until: 'q' } : n,
    );
    expect(reuseNodes(before, documentToFlow(typed).nodes, none)).toBe(before);
    const quantified = mapNode(typed, idOf('b'), (n) =>
      n.kind === 'stage' ? { ...n, quantifier: { ...n.quantifier, greedy: true } } : n,
    );
    const after = reuseNodes(before, documentToFlow(quantified).nodes, none);
    expect(after).not.toBe(before);
    expect(after[1].data.node).toMatchObject({ where: 'y == 2' });
  });

  it('makes a new object when the selection, position or size changes, and re-measures a resized node', () => {
    const before = measured(reuseNodes([], documentToFlow(doc).nodes, none));
    const selected = reuseNodes(before, documentToFlow(doc).nodes, new Set([idOf('a')]));
    expect(selected[0]).not.toBe(before[0]);
    expect(selected[0].selected).toBe(true);
    expect(selected[1]).toBe(before[1]);
    const id = idOf('c');
    const entry = doc.layout.nodes[id] ?? { x: 0, y: 0 };
    const resized = { ...doc, layout: { nodes: { ...doc.layout.nodes, [id]: { ...entry, width: 400 } } } };
    const after = reuseNodes(before, documentToFlow(resized).nodes, none);
    expect(after[2]).not.toBe(before[2]);
    expect(after[2].measured).toBeUndefined();
  });

  it('keeps edges unless their ends, contiguity or selection change', () => {
    const before = reuseEdges([], documentToFlow(doc).edges, none);
    const same = reuseEdges(before, documentToFlow(doc).edges, none);
    expect(same).toBe(before);
    const picked = reuseEdges(before, documentToFlow(doc).edges, new Set([before[1].id]));
    expect(picked[0]).toBe(before[0]);
    expect(picked[1]).not.toBe(before[1]);
    expect(picked[1].selected).toBe(true);
  });
});
