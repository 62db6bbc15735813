/**
 * Where a node sits in its chain: its incoming edge and its neighbours. The quantifier and
 * contiguity editors use it to offer only combinations Flink accepts.
 */
import type { PatternDocument, PatternEdge, PatternNode } from '../../../engine/format/schema';
import { levels } from '../../canvas/doc-tree';

export interface NodeContext {
  node: PatternNode;
  /** The edge attaching this node to the previous one (none for the first node of a chain). */
  incoming: PatternEdge | null;
  outgoing: PatternEdge | null;
  previous: PatternNode | null;
  next: PatternNode | null;
  /** Group holding the node, null at the top level. */
  groupId: string | null;
  /** Linked to nothing while other nodes share its level: not part of any chain yet. */
  loose: boolean;
}

export function nodeContext(doc: PatternDocument, nodeId: string): NodeContext | null {
  for (const level of levels(doc)) {
    const node = level.nodes.find((n) => n.id === nodeId);
    if (!node) continue;
    const incoming = level.edges.find((e) => e.to === nodeId) ?? null;
    const outgoing = level.edges.find((e) => e.from === nodeId) ?? null;
    const byId = (id: string | undefined): PatternNode | null =>
      id ? (level.nodes.find((n) => n.id === id) ?? null) : null;
    return {
      node,
      incoming,
      outgoing,
      previous: byId(incoming?.from),
      next: byId(outgoing?.to),
      groupId: level.groupId,
      loose: !incoming && !outgoing && level.nodes.length > 1,
    };
  }
  return null;
}

export function isNotContiguity(c: PatternEdge['contiguity'] | undefined): boolean {
  return c === 'notNext' || c === 'notFollowedBy';
}
