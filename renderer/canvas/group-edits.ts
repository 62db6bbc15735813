/**
 * Moving stages (and whole groups) into, out of and between groups. A group holds its own sub-chain,
 * and edges never cross a group border, so a node that changes level leaves its old chain: the
 * neighbours it linked are joined to each other (the chain keeps its meaning without it), and its
 * layout becomes relative to its new container, which grows to hold it. A node entering a level never
 * covers one already there.
 */
import { STAGE_SIZE } from '../../engine/format/from-spec';
import type { NodeLayout, PatternDocument, PatternEdge, PatternNode } from '../../engine/format/schema';
import { freshId, levels, mapLevels, parentOf, usedIds } from './doc-tree';

type Point = { x: number; y: number };

const GROUP_PADDING = { left: 24, top: 56, right: 24, bottom: 24 };

/** A node's top-left corner on the canvas (layout stores positions relative to the parent group). */
export function absolutePosition(doc: PatternDocument, id: string): Point {
  const own = doc.layout.nodes[id] ?? { x: 0, y: 0 };
  const parent = parentOf(doc, id);
  if (!parent) return { x: own.x, y: own.y };
  const base = absolutePosition(doc, parent);
  return { x: base.x + own.x, y: base.y + own.y };
}

/** A node's size on the canvas, as laid out (a stage's default size when the layout has none). */
export function sizeOf(doc: PatternDocument, id: string): { width: number; height: number } {
  const l = doc.layout.nodes[id];
  return { width: l?.width ?? STAGE_SIZE.width, height: l?.height ?? STAGE_SIZE.height };
}

function contains(node: PatternNode, id: string): boolean {
  return node.kind === 'group' && node.nodes.some((n) => n.id === id || contains(n, id));
}

/**
 * The innermost group whose frame holds `point` (canvas coordinates), ignoring `exclude` and
 * everything inside it (a group cannot be dropped into itself). null = the top level.
 */
export function groupAt(doc: PatternDocument, point: Point, exclude: readonly string[] = []): string | null {
  const visit = (nodes: PatternNode[]): string | null => {
    for (const n of nodes) {
      if (n.kind !== 'group' || exclude.includes(n.id)) continue;
      const at = absolutePosition(doc, n.id);
      const size = sizeOf(doc, n.id);
      const inside =
        point.x >= at.x && point.y >= at.y && point.x <= at.x + size.width && point.y <= at.y + size.height;
      if (inside) return visit(n.nodes) ?? n.id;
    }
    return null;
  };
  return visit(doc.nodes);
}

/** Removes `id` from a chain, joining its predecessor to its successor (with how the successor attached). */
function withoutNode(
  nodes: PatternNode[],
  edges: PatternEdge[],
  id: string,
  taken: Set<string>,
): { nodes: PatternNode[]; edges: PatternEdge[] } {
  const into = edges.find((e) => e.to === id);
  const out = edges.find((e) => e.from === id);
  const kept = edges.filter((e) => e.from !== id && e.to !== id);
  if (into && out)
    kept.push({ id: freshId(taken, 'e'), from: into.from, to: out.to, contiguity: out.contiguity });
  return { nodes: nodes.filter((n) => n.id !== id), edges: kept };
}

/** Makes `groupId`'s frame (and the frames around it) large enough for its children. */
function fitGroups(doc: PatternDocument, groupId: string | null): PatternDocument {
  let next = doc;
  let current = groupId;
  while (current) {
    const group = levels(next).find((l) => l.groupId === current);
    if (!group) break;
    let right = 0;
    let bottom = 0;
    for (const child of group.nodes) {
      const l = next.layout.nodes[child.id] ?? { x: 0, y: 0 };
      const size = sizeOf(next, child.id);
      right = Math.max(right, l.x + size.width);
      bottom = Math.max(bottom, l.y + size.height);
    }
    const own = next.layout.nodes[current] ?? { x: 0, y: 0 };
    const size = sizeOf(next, current);
    const width = Math.max(size.width, right + GROUP_PADDING.right);
    const height = Math.max(size.height, bottom + GROUP_PADDING.bottom);
    if (width !== size.width || height !== size.height)
      next = {
        ...next,
        layout: { ...next.layout, nodes: { ...next.layout.nodes, [current]: { ...own, width, height } } },
      };
    current = parentOf(next, current) ?? null;
  }
  return next;
}

const GAP = 24;

/**
 * Where a node entering a level may sit without covering a node already there: its drop point when that
 * is free, else pushed right past each node it would cover (a group's chain reads left to right).
 */
function freePlace(
  doc: PatternDocument,
  id: string,
  at: NodeLayout,
  siblings: readonly PatternNode[],
): NodeLayout {
  const { width, height } = sizeOf(doc, id);
  const place = { ...at };
  for (let i = 0; i <= siblings.length; i++) {
    const covered = siblings.find((n) => {
      if (n.id === id) return false;
      const l = doc.layout.nodes[n.id] ?? { x: 0, y: 0 };
      const size = sizeOf(doc, n.id);
      return (
        place.x < l.x + size.width &&
        l.x < place.x + width &&
        place.y < l.y + size.height &&
        l.y < place.y + height
      );
    });
    if (!covered) break;
    place.x = (doc.layout.nodes[covered.id]?.x ?? 0) + sizeOf(doc, covered.id).width + GAP;
  }
  return place;
}

/**
 * Moves nodes to the level `target` (a group's id, or null for the top level), each placed at its
 * canvas position `at[id]` (absolute). Nodes already there only move. Returns the same document when
 * nothing changes level or position.
 */
export function moveToGroup(
  doc: PatternDocument,
  ids: readonly string[],
  target: string | null,
  at: Record<string, Point>,
): PatternDocument {
  const origin = target ? absolutePosition(doc, target) : { x: 0, y: 0 };
  const taken = usedIds(doc);
  let next = doc;
  const touched = new Set<string | null>([target]);
  for (const id of ids) {
    const from = parentOf(next, id);
    if (from === undefined || id === target) continue;
    const node = levels(next)
      .flatMap((l) => l.nodes)
      .find((n) => n.id === id);
    if (!node || (target && contains(node, target))) continue;
    const position = at[id] ?? absolutePosition(next, id);
    let relative: NodeLayout = {
      ...(next.layout.nodes[id] ?? {}),
      x: Math.round(Math.max(target ? GROUP_PADDING.left / 2 : -Infinity, position.x - origin.x)),
      y: Math.round(Math.max(target ? GROUP_PADDING.top : -Infinity, position.y - origin.y)),
    };
    if (from !== target) {
      touched.add(from);
      next = mapLevels(next, (nodes, edges, groupId) => {
        if (groupId === from) return withoutNode(nodes, edges, id, taken);
        return { nodes, edges };
      });
      const siblings = levels(next).find((l) => l.groupId === target)?.nodes ?? [];
      relative = freePlace(next, id, relative, siblings);
      next = mapLevels(next, (nodes, edges, groupId) =>
        groupId === target ? { nodes: [...nodes, node], edges } : { nodes, edges },
      );
    }
    next = { ...next, layout: { ...next.layout, nodes: { ...next.layout.nodes, [id]: relative } } };
  }
  for (const groupId of touched) next = fitGroups(next, groupId);
  return JSON.stringify(next) === JSON.stringify(doc) ? doc : next;
}

/**
 * Moves nodes on their own level to `to[id]`, a position relative to their parent group, as the layout
 * and React Flow hold it (the keyboard's move of a selected node): each node's canvas position shifts
 * by the same amount as its own. A node whose group is moved too goes along with it; the groups
 * around grow to hold the result.
 */
export function moveWithinLevel(doc: PatternDocument, to: Record<string, Point>): PatternDocument {
  let next = doc;
  for (const [id, position] of Object.entries(to)) {
    const parent = parentOf(next, id);
    if (parent === undefined || (parent !== null && parent in to)) continue;
    const own = next.layout.nodes[id] ?? { x: 0, y: 0 };
    const abs = absolutePosition(next, id);
    const at = { x: abs.x + position.x - own.x, y: abs.y + position.y - own.y };
    next = moveToGroup(next, [id], parent, { [id]: at });
  }
  return next;
}
