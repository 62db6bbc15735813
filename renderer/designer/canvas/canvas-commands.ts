/**
 * What the canvas' commands do to the document store, independent of how they were triggered
 * (toolbar button, shortcut, command palette, context of a drop).
 */
import { autoLayout } from '../../canvas/auto-layout';
import {
  copyFragment,
  fragmentFromText,
  fragmentToText,
  pasteFragment,
  type Fragment,
} from '../../canvas/clipboard';
import { addStageAfter } from '../../canvas/chain-edits';
import { deleteConsequences, removeAndReconnect } from '../../canvas/delete-edits';
import { addGroup, addStage, removeElements } from '../../canvas/doc-edits';
import { findNode, levels, parentOf } from '../../canvas/doc-tree';
import { absolutePosition, groupAt, moveToGroup, sizeOf } from '../../canvas/group-edits';
import type { PatternDocument } from '../../../engine/format/schema';
import { undo, useDocumentStore } from '../../state/document-store';
import { flowInstance, useCanvasSession } from './canvas-bridge';
import { fitPadding } from './fit-padding';
import { readableRowWidth, showPattern } from './readable-view';

const docStore = () => useDocumentStore.getState();

/** A free spot right of the rightmost top-level node, or the middle of the view on an empty canvas. */
function freeSpot(): { x: number; y: number } {
  const doc = docStore().document;
  const entries = doc ? doc.nodes.map((n) => doc.layout.nodes[n.id]).filter((e) => e !== undefined) : [];
  if (entries.length > 0) {
    const right = entries.reduce((a, b) => (a.x + (a.width ?? 220) >= b.x + (b.width ?? 220) ? a : b));
    return { x: right.x + (right.width ?? 220) + 90, y: right.y };
  }
  const rf = flowInstance();
  const pane = document.querySelector('.designer-canvas .react-flow')?.getBoundingClientRect();
  if (rf && pane)
    return rf.screenToFlowPosition({
      x: pane.left + pane.width / 2 - 110,
      y: pane.top + pane.height / 2 - 45,
    });
  return { x: 80, y: 80 };
}

/**
 * Adds a stage or group at a canvas position (default: a free spot). Dropped on a group, it goes
 * inside that group (its point is then the drop point, `hit`, as the pointer saw it).
 */
export function addNodeAt(
  kind: 'stage' | 'group',
  position?: { x: number; y: number },
  hit?: { x: number; y: number },
): void {
  let created: string | null = null;
  const at = position ?? freeSpot();
  docStore().edit(kind === 'stage' ? 'Add stage' : 'Add group', (doc) => {
    const result = kind === 'stage' ? addStage(doc, at) : addGroup(doc, at);
    created = result.nodeId;
    const into = hit ? groupAt(doc, hit) : null;
    return into ? moveToGroup(result.doc, [result.nodeId], into, { [result.nodeId]: at }) : result.doc;
  });
  if (created) {
    docStore().select({ nodeIds: [created] });
    revealIfHidden({ ...at, width: 220, height: 90 });
    if (document.activeElement?.closest('.designer-canvas, .workbench-canvas')) focusNodeElement(created);
  }
}

/** A node added outside the visible area would look like nothing happened: bring everything into view. */
function revealIfHidden(at: { x: number; y: number; width: number; height: number }): void {
  const rf = flowInstance();
  const pane = document.querySelector('.designer-canvas .react-flow')?.getBoundingClientRect();
  if (!rf || !pane) return;
  const topLeft = rf.screenToFlowPosition({ x: pane.left, y: pane.top });
  const bottomRight = rf.screenToFlowPosition({ x: pane.right, y: pane.bottom });
  const inside =
    at.x >= topLeft.x &&
    at.y >= topLeft.y &&
    at.x + at.width <= bottomRight.x &&
    at.y + at.height <= bottomRight.y;
  if (!inside) requestAnimationFrame(() => void rf.fitView({ padding: fitPadding(), maxZoom: 1.2 }));
}

/** Adds a stage joined right after the selected stage or group (on its level), and selects it. */
export function addStageAfterSelection(): void {
  const { selection, document: doc } = docStore();
  const anchor = selection.nodeIds.at(-1);
  if (!doc || !anchor) {
    addNodeAt('stage');
    return;
  }
  let created: string | null = null;
  const contiguity = useCanvasSession.getState().connectAs;
  docStore().edit('Add stage after', (d) => {
    const result = addStageAfter(d, anchor, contiguity);
    created = result?.nodeId ?? null;
    return result?.doc ?? d;
  });
  if (created) {
    docStore().focus({ nodeId: created });
    focusNodeElement(created);
  }
}

/** Puts keyboard focus on a node's card on the canvas (after React Flow has drawn it). */
export function focusNodeElement(id: string): void {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const el = document.querySelector<HTMLElement>(
        `.designer-canvas .react-flow__node[data-id="${CSS.escape(id)}"]`,
      );
      el?.focus({ preventScroll: true });
    }),
  );
}

/** Deletes the selection; tells the user when that changed a neighbour's meaning. */
export function deleteSelection(): void {
  const { selection, document: before } = docStore();
  const told = before ? deleteConsequences(before, selection.nodeIds) : [];
  removeSelection('Delete', (doc) => removeElements(doc, selection.nodeIds, selection.edgeIds));
  const after = docStore().document;
  // The user is told when a neighbour's meaning changed, and offered the other way.
  useCanvasSession
    .getState()
    .setDeleteNotice(
      told.length > 0 && after !== before
        ? { lines: told, nodeIds: selection.nodeIds, edgeIds: selection.edgeIds, after }
        : null,
    );
}

/** Deletes the selected stages and joins the chain around them (one undo step). */
export function deleteAndReconnectSelection(): void {
  const { selection } = docStore();
  useCanvasSession.getState().setDeleteNotice(null);
  removeSelection('Delete and reconnect', (doc) =>
    removeAndReconnect(doc, selection.nodeIds, selection.edgeIds),
  );
}

/** "Reconnect instead" after a Delete: takes the Delete back and reconnects, as one undo step. */
export function reconnectInstead(): void {
  const notice = useCanvasSession.getState().deleteNotice;
  if (!notice || docStore().document !== notice.after) return;
  undo();
  docStore().select({ nodeIds: notice.nodeIds, edgeIds: notice.edgeIds });
  deleteAndReconnectSelection();
}

/**
 * Removes the selection with `recipe`. Keyboard focus moves to a neighbour of what was deleted (the
 * stage before it, else after it, else its group), never to the page body, so the next key still
 * acts on the canvas.
 */
function removeSelection(label: string, recipe: (doc: PatternDocument) => PatternDocument): void {
  const { selection, document: before } = docStore();
  const hadFocus = document.activeElement?.closest('.designer-canvas') !== null;
  docStore().edit(label, recipe);
  const after = docStore().document;
  const next = before && after ? survivingNeighbour(before, after, selection) : null;
  docStore().select(next ? { nodeIds: [next] } : {});
  if (next) focusNodeElement(next);
  else if (hadFocus) document.querySelector<HTMLElement>('.designer-canvas .react-flow')?.focus();
}

function survivingNeighbour(
  before: PatternDocument,
  after: PatternDocument,
  selection: { nodeIds: string[]; edgeIds: string[] },
): string | null {
  const alive = (id: string | null | undefined): id is string => !!id && findNode(after, id) !== undefined;
  const edges = levels(before).flatMap((l) => l.edges);
  for (const id of selection.nodeIds) {
    const prev = edges.find((e) => e.to === id)?.from;
    if (alive(prev)) return prev;
    const next = edges.find((e) => e.from === id)?.to;
    if (alive(next)) return next;
    const parent = parentOf(before, id);
    if (alive(parent)) return parent;
  }
  for (const id of selection.edgeIds) {
    const edge = edges.find((e) => e.id === id);
    if (alive(edge?.from)) return edge.from;
  }
  return after.nodes[0]?.id ?? null;
}

let clipboard: Fragment | null = null;
let pasteCount = 0;

export function copySelection(): boolean {
  const { document: doc, selection } = docStore();
  if (!doc) return false;
  const fragment = copyFragment(doc, selection.nodeIds);
  if (!fragment) return false;
  clipboard = fragment;
  pasteCount = 0;
  // Also on the system clipboard, so a copy can move between windows; failing that is fine.
  void navigator.clipboard?.writeText(fragmentToText(fragment)).catch(() => undefined);
  return true;
}

export function cutSelection(): void {
  if (copySelection()) deleteSelection();
}

export async function paste(): Promise<void> {
  let fragment = clipboard;
  if (!fragment) {
    const text = await navigator.clipboard?.readText().catch(() => '');
    fragment = text ? fragmentFromText(text) : null;
  }
  if (!fragment) return;
  pasteCount += 1;
  // Each paste lands below the previous one, clear of the originals (never on top of them).
  const top = fragment.nodes.map((n) => fragment.layout[n.id]).filter((l) => l !== undefined);
  const height = top.length
    ? Math.max(...top.map((l) => l.y + (l.height ?? 90))) - Math.min(...top.map((l) => l.y))
    : 90;
  const shift = { x: 20 * pasteCount, y: (height + 40) * pasteCount };
  let ids: string[] = [];
  const source = fragment;
  docStore().edit('Paste', (doc) => {
    const result = pasteFragment(doc, source, shift);
    ids = result.nodeIds;
    return result.doc;
  });
  docStore().select({ nodeIds: ids });
  // Repeated pastes stack downwards: the latest may land below the view, and must not look lost.
  const doc = docStore().document;
  const boxes = doc ? ids.map((id) => ({ ...absolutePosition(doc, id), ...sizeOf(doc, id) })) : [];
  if (boxes.length > 0) {
    const x = Math.min(...boxes.map((b) => b.x));
    const y = Math.min(...boxes.map((b) => b.y));
    const right = Math.max(...boxes.map((b) => b.x + b.width));
    const bottom = Math.max(...boxes.map((b) => b.y + b.height));
    revealIfHidden({ x, y, width: right - x, height: bottom - y });
  }
}

export function duplicateSelection(): void {
  if (copySelection()) void paste();
}

export function selectAll(): void {
  const doc = docStore().document;
  if (doc) docStore().select({ nodeIds: doc.nodes.map((n) => n.id), edgeIds: doc.edges.map((e) => e.id) });
}

export async function runAutoLayout(): Promise<void> {
  const doc = docStore().document;
  if (!doc) return;
  const laid = await autoLayout(doc, { rowWidth: readableRowWidth() });
  // The user may have edited meanwhile; only apply to the document we laid out.
  if (docStore().document !== doc) return;
  docStore().replaceDocument(laid, 'Auto-layout');
  requestAnimationFrame(() => {
    const rf = flowInstance();
    if (rf) showPattern(rf);
  });
}

export function fitView(): void {
  void flowInstance()?.fitView({ padding: fitPadding(), maxZoom: 1.2, duration: 200 });
}
