/** Patterns with several problems at once, shared by the engine and CLI tests. */
import { Pattern } from '../../../engine/format/builder';
import { specToDocument } from '../../../engine/format/from-spec';
import type { PatternDocument, StageNode } from '../../../engine/format/schema';

export const base = (): PatternDocument =>
  specToDocument(
    Pattern.begin('a')
      .where("type == 'x'")
      .followedBy('b')
      .optional()
      .followedBy('c')
      .where('amount > 1')
      .followedBy('d')
      .toSpec(),
  );

export const idOf = (doc: PatternDocument, name: string): string => {
  const hit = doc.nodes.find((n) => n.name === name);
  if (!hit) throw new Error(`no ${name}`);
  return hit.id;
};

export const withSchema = (doc: PatternDocument): PatternDocument => ({
  ...doc,
  eventSchema: {
    fields: [
      { name: 'type', type: 'string' },
      { name: 'amount', type: 'number' },
      { name: 'ts', type: 'timestamp' },
      { name: 'userId', type: 'string' },
    ],
  },
});

/** A stage just dropped (not connected), a condition syntax error and a Flink rule violation. */
export function threeProblems(): PatternDocument {
  const doc = base();
  const c = idOf(doc, 'c');
  const stray: StageNode = { ...(doc.nodes[0] as StageNode), id: 'n99', name: 'dropped', where: '' };
  return {
    ...doc,
    nodes: [...doc.nodes.map((n) => (n.id === c ? { ...n, where: 'amount >' } : n)), stray],
    // "c" becomes a NOT stage after the optional "b": Flink refuses that.
    edges: doc.edges.map((e) => (e.to === c ? { ...e, contiguity: 'notFollowedBy' as const } : e)),
  };
}
