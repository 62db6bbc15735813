import { specToDocument, type PatternDocument } from '../../../engine/format';

/** A valid one-stage pattern document; `x` moves the node (a layout-only change). */
export function sampleDocument(where: string, x = 0): PatternDocument {
  const doc = specToDocument(
    {
      stages: [
        {
          name: 'first',
          contiguity: 'begin',
          where,
          quantifier: { kind: 'one', optional: false, greedy: false, inner: 'relaxed' },
        },
      ],
      skip: { kind: 'NO_SKIP' },
    },
    { name: 'sample' },
  );
  const id = doc.nodes[0]?.id ?? 'n1';
  return { ...doc, layout: { nodes: { [id]: { x, y: 0, width: 220, height: 90 } } } };
}
