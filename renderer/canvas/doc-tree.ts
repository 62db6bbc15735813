/**
 * Immutable edits of the nested node tree of a pattern document. Groups hold their own sub-graph, so
 * finding "node n7" or "edge e3" means walking every level; these helpers keep that in one place.
 */
import type { PatternDocument, PatternEdge, PatternNode } from '../../engine/format/schema';

/** The level (top or a group's sub-graph) that holds a node or an edge. */
export interface Level {
  /** null for the top level, otherwise the group's id. */
  groupId: string | null;
  nodes: PatternNode[];
  edges: PatternEdge[];
}

export function levels(doc: PatternDocument): Level[] {
  const out: Level[] = [];
  const visit = (groupId: string | null, nodes: PatternNode[], edges: PatternEdge[]): void => {
    out.push({ groupId, nodes, edges });
    for (const n of nodes) if (n.kind === 'group') visit(n.id, n.nodes, n.edges);
  };
  visit(null, doc.nodes, doc.edges);
  return out;
}

export function findNode(doc: PatternDocument, id: string): PatternNode | undefined {
  for (const level of levels(doc)) {
    const hit = level.nodes.find((n) => n.id === id);
    if (hit) return hit;
  }
  return undefined;
}

export function findEdge(doc: PatternDocument, id: string): PatternEdge | undefined {
  for (const level of levels(doc)) {
    const hit = level.edges.find((e) => e.id === id);
    if (hit) return hit;
  }
  return undefined;
}

/** The group holding a node (null = top level), or undefined when the node does not exist. */
export function parentOf(doc: PatternDocument, id: string): string | null | undefined {
  for (const level of levels(doc)) if (level.nodes.some((n) => n.id === id)) return level.groupId;
  return undefined;
}

type LevelFn = (
  nodes: PatternNode[],
  edges: PatternEdge[],
  groupId: string | null,
) => { nodes: PatternNode[]; edges: PatternEdge[] };

/** Applies `fn` to every level, bottom-up, rebuilding only what it returns. */
export function mapLevels(doc: PatternDocument, fn: LevelFn): PatternDocument {
  const visit = (
    nodes: PatternNode[],
    edges: PatternEdge[],
    groupId: string | null,
  ): { nodes: PatternNode[]; edges: PatternEdge[] } => {
    const inner = nodes.map((n) => {
      if (n.kind !== 'group') return n;
      const sub = visit(n.nodes, n.edges, n.id);
      return sub.nodes === n.nodes && sub.edges === n.edges
        ? n
        : { ...n, nodes: sub.nodes, edges: sub.edges };
    });
    const changed = inner.some((n, i) => n !== nodes[i]);
    return fn(changed ? inner : nodes, edges, groupId);
  };
  const top = visit(doc.nodes, doc.edges, null);
  return top.nodes === doc.nodes && top.edges === doc.edges
    ? doc
    : { ...doc, nodes: top.nodes, edges: top.edges };
}

export function mapNode(
  doc: PatternDocument,
  id: string,
  fn: (node: PatternNode) => PatternNode,
): PatternDocument {
  return mapLevels(doc, (nodes, edges) => {
    const i = nodes.findIndex((n) => n.id === id);
    if (i < 0) return { nodes, edges };
    const next = fn(nodes[i]);
    if (next === nodes[i]) return { nodes, edges };
    const copy = [...nodes];
    copy[i] = next;
    return { nodes: copy, edges };
  });
}

export function mapEdge(
  doc: PatternDocument,
  id: string,
  fn: (edge: PatternEdge) => PatternEdge,
): PatternDocument {
  return mapLevels(doc, (nodes, edges) => {
    const i = edges.findIndex((e) => e.id === id);
    if (i < 0) return { nodes, edges };
    const copy = [...edges];
    copy[i] = fn(edges[i]);
    return { nodes, edges: copy };
  });
}

/** Every node and edge id in use, at any depth (new ids must avoid all of them). */
export function usedIds(doc: PatternDocument): Set<string> {
  const ids = new Set<string>();
  for (const level of levels(doc)) {
    for (const n of level.nodes) ids.add(n.id);
    for (const e of level.edges) ids.add(e.id);
  }
  return ids;
}

/** First free id of the form prefix1, prefix2, … */
export function freshId(taken: Set<string>, prefix: string): string {
  let n = 1;
  while (taken.has(`${prefix}${n}`)) n += 1;
  const id = `${prefix}${n}`;
  taken.add(id);
  return id;
}
