/**
 * Keeps React Flow's objects stable across document edits. A new node object makes React Flow drop
 * the node's measurements (handle positions included), hide its edges until it is measured again and
 * re-render its card, so an edit that touches one stage (a key typed in its condition) would re-measure
 * and redraw the whole canvas. An unchanged node or edge keeps its previous object; a changed node of
 * the same size keeps its measurements.
 */
import type { FlowEdge, FlowNode } from './document-to-flow';

function sameNode(prev: FlowNode, next: FlowNode, selected: boolean): boolean {
  return (
    prev.selected === selected &&
    prev.data.node === next.data.node &&
    prev.data.incoming === next.data.incoming &&
    prev.data.isFirst === next.data.isFirst &&
    prev.position.x === next.position.x &&
    prev.position.y === next.position.y &&
    prev.width === next.width &&
    prev.height === next.height &&
    prev.parentId === next.parentId
  );
}

/** The nodes to hand React Flow: `next` with `selected` set, reusing `prev`'s objects where nothing changed. */
export function reuseNodes(
  prev: readonly FlowNode[],
  next: readonly FlowNode[],
  selected: ReadonlySet<string>,
): FlowNode[] {
  const before = new Map(prev.map((n) => [n.id, n]));
  return next.map((n) => {
    const old = before.get(n.id);
    const isSelected = selected.has(n.id);
    if (old && sameNode(old, n, isSelected)) return old;
    const sameSize = old !== undefined && old.width === n.width && old.height === n.height;
    return {
      ...n,
      selected: isSelected,
      ...(sameSize && old.measured ? { measured: old.measured } : {}),
    };
  });
}

/** The edges to hand React Flow, reusing `prev`'s objects where nothing changed. */
export function reuseEdges(
  prev: readonly FlowEdge[],
  next: readonly FlowEdge[],
  selected: ReadonlySet<string>,
): FlowEdge[] {
  const before = new Map(prev.map((e) => [e.id, e]));
  return next.map((e) => {
    const old = before.get(e.id);
    const isSelected = selected.has(e.id);
    if (
      old &&
      old.selected === isSelected &&
      old.source === e.source &&
      old.target === e.target &&
      old.data?.contiguity === e.data?.contiguity
    )
      return old;
    return { ...e, selected: isSelected };
  });
}
