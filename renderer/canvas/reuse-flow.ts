/**
 * Keeps React Flow's objects stable across document edits. A new node object makes React Flow drop
 * the node's measurements (handle positions included), hide its edges until it is measured again and
 * re-render its card, so an edit that touches one stage would re-measure and redraw the whole canvas.
 * An unchanged node or edge keeps its previous object; a changed node of the same size keeps its
 * measurements. A stage whose conditions alone changed (a key typed in one) keeps its object too: its
 * card reads the conditions from the document store (use-stage-conditions.ts). When nothing changed
 * the previous array itself is returned, so React Flow has no node or edge update to adopt.
 */
import type { PatternNode } from '../../engine/format/schema';
import type { FlowEdge, FlowNode } from './document-to-flow';

/** What a card reads from the store itself rather than from its React Flow node. */
const CONDITION_KEYS: ReadonlySet<string> = new Set(['where', 'or', 'until']);

function sameButConditions(prev: PatternNode, next: PatternNode): boolean {
  if (prev === next) return true;
  if (prev.kind !== 'stage' || next.kind !== 'stage') return false;
  const a = prev as unknown as Record<string, unknown>;
  const b = next as unknown as Record<string, unknown>;
  const keys = Object.keys(b);
  return (
    keys.length === Object.keys(a).length &&
    keys.every((k) => (CONDITION_KEYS.has(k) ? k in a : a[k] === b[k]))
  );
}

function sameNode(prev: FlowNode, next: FlowNode, selected: boolean): boolean {
  return (
    prev.selected === selected &&
    sameButConditions(prev.data.node, next.data.node) &&
    prev.data.incoming === next.data.incoming &&
    prev.data.isFirst === next.data.isFirst &&
    prev.position.x === next.position.x &&
    prev.position.y === next.position.y &&
    prev.width === next.width &&
    prev.height === next.height &&
    prev.parentId === next.parentId
  );
}

/** `next` when some item is new, else `prev` (same items, same order). */
function sameOr<T>(prev: readonly T[], next: T[]): T[] {
  return next.length === prev.length && next.every((x, i) => x === prev[i]) ? (prev as T[]) : next;
}

/** The nodes to hand React Flow: `next` with `selected` set, reusing `prev`'s objects where nothing changed. */
export function reuseNodes(
  prev: readonly FlowNode[],
  next: readonly FlowNode[],
  selected: ReadonlySet<string>,
): FlowNode[] {
  const before = new Map(prev.map((n) => [n.id, n]));
  const nodes = next.map((n) => {
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
  return sameOr(prev, nodes);
}

/** The edges to hand React Flow, reusing `prev`'s objects where nothing changed. */
export function reuseEdges(
  prev: readonly FlowEdge[],
  next: readonly FlowEdge[],
  selected: ReadonlySet<string>,
): FlowEdge[] {
  const before = new Map(prev.map((e) => [e.id, e]));
  const edges = next.map((e) => {
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
  return sameOr(prev, edges);
}
