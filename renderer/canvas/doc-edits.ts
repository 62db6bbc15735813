/**
 * Pure edits the canvas makes to a pattern document: add a stage or group, connect, delete, move.
 * Each returns a new document (or the same object when nothing changed), so the document store can
 * record it as one undo step and tests can run them without a browser.
 */
import { STAGE_SIZE } from '../../engine/format/from-spec';
import type {
  DocQuantifier,
  GroupNode,
  NodeLayout,
  PatternDocument,
  PatternEdge,
  PatternNode,
  StageNode,
} from '../../engine/format/schema';
import type { Contiguity } from './contiguity';
import { freshId, levels, mapLevels, usedIds } from './doc-tree';

export const ONE: DocQuantifier = { kind: 'one', optional: false, greedy: false, inner: 'relaxed' };
export const GROUP_SIZE = { width: 560, height: 190 };

/** First free stage name like "stage1", "stage2" (names must be unique across the pattern). */
export function freshName(doc: PatternDocument, prefix: string): string {
  const names = new Set(levels(doc).flatMap((l) => l.nodes.map((n) => n.name)));
  let i = 1;
  while (names.has(`${prefix}${i}`)) i += 1;
  return `${prefix}${i}`;
}

export function newStage(id: string, name: string): StageNode {
  return {
    id,
    kind: 'stage',
    name,
    where: '',
    or: [],
    until: null,
    quantifier: { ...ONE },
    withinPreviousAndCurrentMs: null,
    note: '',
  };
}

function withLayout(doc: PatternDocument, entries: Record<string, NodeLayout>): PatternDocument {
  return { ...doc, layout: { ...doc.layout, nodes: { ...doc.layout.nodes, ...entries } } };
}

/** Adds a stage at `position` (top level). Returns the document and the new node's id. */
export function addStage(
  doc: PatternDocument,
  position: { x: number; y: number },
): { doc: PatternDocument; nodeId: string } {
  const nodeId = freshId(usedIds(doc), 'n');
  const stage = newStage(nodeId, freshName(doc, 'stage'));
  const next = withLayout(
    { ...doc, nodes: [...doc.nodes, stage] },
    { [nodeId]: { x: position.x, y: position.y, width: STAGE_SIZE.width, height: STAGE_SIZE.height } },
  );
  return { doc: next, nodeId };
}

/** Adds a group with one stage inside (an empty group is an error), repeated once or more by default. */
export function addGroup(
  doc: PatternDocument,
  position: { x: number; y: number },
): { doc: PatternDocument; nodeId: string } {
  const taken = usedIds(doc);
  const nodeId = freshId(taken, 'g');
  const innerId = freshId(taken, 'n');
  const inner = newStage(innerId, freshName(doc, 'stage'));
  const group: GroupNode = {
    id: nodeId,
    kind: 'group',
    name: freshName(doc, 'group'),
    quantifier: { kind: 'oneOrMore', from: 1, optional: false, greedy: false, inner: 'relaxed' },
    nodes: [inner],
    edges: [],
    note: '',
  };
  const next = withLayout(
    { ...doc, nodes: [...doc.nodes, group] },
    {
      [nodeId]: { x: position.x, y: position.y, width: GROUP_SIZE.width, height: GROUP_SIZE.height },
      [innerId]: { x: 24, y: 56, width: STAGE_SIZE.width, height: STAGE_SIZE.height },
    },
  );
  return { doc: next, nodeId };
}

/** Adds an edge on the level that holds both nodes (the caller checked the connection first). */
export function connect(
  doc: PatternDocument,
  from: string,
  to: string,
  contiguity: Contiguity,
): { doc: PatternDocument; edgeId: string } {
  const edgeId = freshId(usedIds(doc), 'e');
  const edge: PatternEdge = { id: edgeId, from, to, contiguity };
  const next = mapLevels(doc, (nodes, edges) =>
    nodes.some((n) => n.id === from) && nodes.some((n) => n.id === to)
      ? { nodes, edges: [...edges, edge] }
      : { nodes, edges },
  );
  return { doc: next, edgeId };
}

/** Moves an edge's end to another node, keeping its id and contiguity. */
export function reconnect(doc: PatternDocument, edgeId: string, from: string, to: string): PatternDocument {
  return mapLevels(doc, (nodes, edges) =>
    edges.some((e) => e.id === edgeId)
      ? { nodes, edges: edges.map((e) => (e.id === edgeId ? { ...e, from, to } : e)) }
      : { nodes, edges },
  );
}

function collectIds(nodes: PatternNode[], into: Set<string>): void {
  for (const n of nodes) {
    into.add(n.id);
    if (n.kind === 'group') collectIds(n.nodes, into);
  }
}

/** Deletes nodes (with everything inside groups), the given edges, and every edge touching a deleted node. */
export function removeElements(
  doc: PatternDocument,
  nodeIds: readonly string[],
  edgeIds: readonly string[],
): PatternDocument {
  if (nodeIds.length === 0 && edgeIds.length === 0) return doc;
  const doomedNodes = new Set<string>();
  for (const level of levels(doc))
    collectIds(
      level.nodes.filter((n) => nodeIds.includes(n.id)),
      doomedNodes,
    );
  const doomedEdges = new Set(edgeIds);
  const next = mapLevels(doc, (nodes, edges) => {
    const keptNodes = nodes.filter((n) => !doomedNodes.has(n.id));
    const keptEdges = edges.filter(
      (e) => !doomedEdges.has(e.id) && !doomedNodes.has(e.from) && !doomedNodes.has(e.to),
    );
    return {
      nodes: keptNodes.length === nodes.length ? nodes : keptNodes,
      edges: keptEdges.length === edges.length ? edges : keptEdges,
    };
  });
  if (next === doc) return doc;
  const layoutNodes = Object.fromEntries(
    Object.entries(doc.layout.nodes).filter(([id]) => !doomedNodes.has(id)),
  );
  return { ...next, layout: { ...next.layout, nodes: layoutNodes } };
}
