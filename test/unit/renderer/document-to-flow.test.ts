import { describe, expect, it } from 'vitest';
import { specToDocument } from '../../../engine/format';
import { documentToFlow, isPatternDocument } from '../../../renderer/canvas/document-to-flow';
import { sampleDocument } from '../../support/sample-documents';

const one = { kind: 'one', optional: false, greedy: false, inner: 'relaxed' } as const;

describe('documentToFlow', () => {
  it('places stages at their stored layout and labels edges with their contiguity', () => {
    const doc = sampleDocument();
    const { nodes, edges } = documentToFlow(doc);
    expect(nodes.map((n) => n.data.label)).toEqual(['order', 'refund']);
    for (const node of nodes)
      expect(node.position).toEqual({ x: doc.layout.nodes[node.id]?.x, y: doc.layout.nodes[node.id]?.y });
    expect(edges).toHaveLength(1);
    expect(edges[0]).toMatchObject({ source: nodes[0]?.id, target: nodes[1]?.id, label: 'followedBy' });
  });

  it('nests the stages of a group inside their parent node', () => {
    const doc = specToDocument({
      stages: [
        { name: 'start', contiguity: 'begin', quantifier: one },
        {
          name: 'burst',
          contiguity: 'next',
          quantifier: { kind: 'times', from: 2, to: 3, optional: false, greedy: false, inner: 'relaxed' },
          group: {
            stages: [
              { name: 'a', contiguity: 'begin', quantifier: one },
              { name: 'b', contiguity: 'followedBy', quantifier: one },
            ],
          },
        },
      ],
      skip: { kind: 'NO_SKIP' },
    });
    const { nodes, edges } = documentToFlow(doc);
    const group = nodes.find((n) => n.type === 'patternGroup');
    expect(group?.data.label).toBe('burst (group)');
    const children = nodes.filter((n) => n.parentId === group?.id).map((n) => n.data.label);
    expect(children).toEqual(['a', 'b']);
    // Parents must precede children for React Flow; the edge inside the group is kept too.
    expect(nodes.findIndex((n) => n.id === group?.id)).toBeLessThan(
      nodes.findIndex((n) => n.parentId === group?.id),
    );
    expect(edges.map((e) => e.label).sort()).toEqual(['followedBy', 'next']);
  });

  it('rejects values that are not pattern documents', () => {
    expect(isPatternDocument(null)).toBe(false);
    expect(isPatternDocument({ nodes: [] })).toBe(false);
    expect(isPatternDocument(sampleDocument())).toBe(true);
  });
});
