/**
 * Copy and paste of canvas selections. A copy is a self-contained fragment (nodes with their group
 * contents, the edges between them, their layout); pasting gives everything fresh ids and names that
 * do not clash, so the pasted stages are new stages, never aliases of the originals.
 */
import type { NodeLayout, PatternDocument, PatternEdge, PatternNode } from '../../engine/format/schema';
import { freshId, levels, usedIds } from './doc-tree';

export interface Fragment {
  nodes: PatternNode[];
  edges: PatternEdge[];
  layout: Record<string, NodeLayout>;
}

const FRAGMENT_MARK = 'cepheus.fragment';

/** The selected nodes (any level) and the edges among them; selected edges alone copy nothing. */
export function copyFragment(doc: PatternDocument, nodeIds: readonly string[]): Fragment | null {
  const wanted = new Set(nodeIds);
  const nodes: PatternNode[] = [];
  const edges: PatternEdge[] = [];
  for (const level of levels(doc)) {
    // A node inside a selected group comes along with the group already.
    if (level.groupId !== null && wanted.has(level.groupId)) continue;
    for (const n of level.nodes) if (wanted.has(n.id)) nodes.push(n);
    for (const e of level.edges) if (wanted.has(e.from) && wanted.has(e.to)) edges.push(e);
  }
  if (nodes.length === 0) return null;
  const layout: Record<string, NodeLayout> = {};
  const keep = (n: PatternNode): void => {
    const entry = doc.layout.nodes[n.id];
    if (entry) layout[n.id] = entry;
    if (n.kind === 'group') n.nodes.forEach(keep);
  };
  nodes.forEach(keep);
  return { nodes, edges, layout };
}

export function fragmentToText(fragment: Fragment): string {
  return JSON.stringify({ [FRAGMENT_MARK]: 1, ...fragment });
}

/** Reads a fragment copied by Cepheus (from the system clipboard); anything else is null. */
export function fragmentFromText(text: string): Fragment | null {
  try {
    const value = JSON.parse(text) as Partial<Fragment> & Record<string, unknown>;
    if (
      value[FRAGMENT_MARK] !== 1 ||
      !Array.isArray(value.nodes) ||
      !Array.isArray(value.edges) ||
      typeof value.layout !== 'object'
    )
      return null;
    return { nodes: value.nodes, edges: value.edges, layout: value.layout ?? {} };
  } catch {
    return null;
  }
}

/** Adds the fragment at the top level, shifted by `offset`; returns the new top-level node ids. */
export function pasteFragment(
  doc: PatternDocument,
  fragment: Fragment,
  offset: { x: number; y: number },
): { doc: PatternDocument; nodeIds: string[] } {
  const taken = usedIds(doc);
  const names = new Set(levels(doc).flatMap((l) => l.nodes.map((n) => n.name)));
  const idMap = new Map<string, string>();
  const layout: Record<string, NodeLayout> = {};
  const uniqueName = (name: string): string => {
    let candidate = name;
    for (let i = 2; names.has(candidate); i += 1) candidate = `${name}_${i}`;
    names.add(candidate);
    return candidate;
  };
  const remapEdge = (e: PatternEdge): PatternEdge => ({
    ...e,
    id: freshId(taken, 'e'),
    from: idMap.get(e.from) ?? e.from,
    to: idMap.get(e.to) ?? e.to,
  });
  const cloneNode = (n: PatternNode, top: boolean): PatternNode => {
    const id = freshId(taken, n.kind === 'group' ? 'g' : 'n');
    idMap.set(n.id, id);
    const entry = fragment.layout[n.id];
    if (entry) layout[id] = top ? { ...entry, x: entry.x + offset.x, y: entry.y + offset.y } : entry;
    if (n.kind === 'stage') return { ...n, id, name: uniqueName(n.name), or: [...n.or] };
    const nodes = n.nodes.map((c) => cloneNode(c, false));
    return { ...n, id, name: uniqueName(n.name), nodes, edges: n.edges.map(remapEdge) };
  };
  const nodes = fragment.nodes.map((n) => cloneNode(n, true));
  const edges = fragment.edges.map(remapEdge);
  return {
    doc: {
      ...doc,
      nodes: [...doc.nodes, ...nodes],
      edges: [...doc.edges, ...edges],
      layout: { ...doc.layout, nodes: { ...doc.layout.nodes, ...layout } },
    },
    nodeIds: nodes.map((n) => n.id),
  };
}
