/**
 * The editable pattern canvas. React Flow renders a projection of the document store; gestures turn
 * into document edits (one undo step each): drop from the palette adds, handle-to-handle drags connect
 * (refused with the engine's reason when the pattern could not compile), drags move (layout only).
 */
import {
  type EdgeChange,
  Background,
  BackgroundVariant,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  applyNodeChanges,
  type Connection,
  type FinalConnectionState,
  type NodeChange,
  type ReactFlowInstance,
} from '@xyflow/react';
import {
  useCallback,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent as ReactMouseEvent,
} from 'react';
import { checkConnection } from '../../canvas/connection-rules';
import { connect, reconnect } from '../../canvas/doc-edits';
import { parentOf } from '../../canvas/doc-tree';
import { groupAt, moveToGroup, moveWithinLevel } from '../../canvas/group-edits';
import { documentToFlow, type FlowEdge, type FlowGraph, type FlowNode } from '../../canvas/document-to-flow';
import { reuseEdges, reuseNodes } from '../../canvas/reuse-flow';
import { useDocumentStore } from '../../state/document-store';
import { effectiveTheme, useUiStore } from '../../state/ui-store';
import { flowInstance, setFlowInstance, useCanvasSession } from './canvas-bridge';
import { addNodeAt } from './canvas-commands';
import { CanvasToolbar } from './CanvasToolbar';
import { ConnectDialog } from './ConnectDialog';
import { ConnectionRefusal } from './ConnectionRefusal';
import { ContiguityEdge } from './ContiguityEdge';
import { DeleteNotice } from './DeleteNotice';
import { DesignerEmptyHint } from './DesignerEmptyHint';
import { EdgeLegend } from './EdgeLegend';
import { GroupNodeCard } from './GroupNodeCard';
import { Palette, PALETTE_DRAG_TYPE } from './Palette';
import { StageContextMenu } from './StageContextMenu';
import { StageNodeCard } from './StageNodeCard';
import { useFocusRequests } from './use-focus-requests';
import { useKeepInBand } from './use-keep-in-band';
import { showPattern } from './readable-view';
import { useLayoutOnArrival } from './use-layout-on-arrival';
import './designer-canvas.css';
import './canvas-small.css';
import './delete-notice.css';
import { useSettledDocumentStore } from '../../state/settled-document';

const nodeTypes = { stage: StageNodeCard, patternGroup: GroupNodeCard };
const edgeTypes = { contiguity: ContiguityEdge };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } };
// Constant props kept outside the component: React Flow stores each prop that changes identity, so
// new literals would reach its store on every render (every key typed in a condition).
const multiSelectionKeys = ['Meta', 'Control', 'Shift'];
const snapGrid: [number, number] = [10, 10];
const proOptions = { hideAttribution: true };
const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Where the pointer was released, relative to the canvas element (for the refusal tooltip). */
function localPoint(event: MouseEvent | TouchEvent): { x: number; y: number; node: string | null } {
  const point = 'changedTouches' in event ? (event.changedTouches[0] ?? { clientX: 0, clientY: 0 }) : event;
  const host = document.querySelector('.designer-canvas')?.getBoundingClientRect();
  const under = document.elementFromPoint(point.clientX, point.clientY)?.closest('.react-flow__node');
  return {
    x: point.clientX - (host?.left ?? 0),
    y: point.clientY - (host?.top ?? 0),
    node: under?.getAttribute('data-id') ?? null,
  };
}

/** Opens the stage context menu at a canvas point, with the stage selected (what its commands act on). */
function openStageMenu(nodeId: string, clientX: number, clientY: number): void {
  const host = document.querySelector('.designer-canvas')?.getBoundingClientRect();
  const store = useDocumentStore.getState();
  if (!store.selection.nodeIds.includes(nodeId)) store.select({ nodeIds: [nodeId] });
  useCanvasSession.getState().setContextMenu({
    nodeId,
    x: Math.max(0, Math.min(clientX - (host?.left ?? 0), (host?.width ?? 400) - 260)),
    y: Math.max(0, Math.min(clientY - (host?.top ?? 0), (host?.height ?? 400) - 250)),
  });
}

/** The Menu key or Shift+F10 on a focused stage opens its context menu, as a right-click does. */
function menuFromKeyboard(event: KeyboardEvent<HTMLDivElement>): void {
  const el = event.target;
  if (!(el instanceof HTMLElement) || !el.matches('.react-flow__node')) return;
  if (event.key !== 'ContextMenu' && !(event.key === 'F10' && event.shiftKey)) return;
  const id = el.getAttribute('data-id');
  const box = el.getBoundingClientRect();
  if (!id) return;
  event.preventDefault();
  openStageMenu(id, box.left + 24, box.bottom - 8);
}

/** Tabbing onto a stage selects it, so the inspector and the stage commands follow the keyboard. */
function selectOnKeyboardFocus(event: FocusEvent): void {
  const el = event.target;
  if (!(el instanceof HTMLElement) || !el.matches('.react-flow__node:focus-visible')) return;
  const id = el.getAttribute('data-id');
  const store = useDocumentStore.getState();
  if (id && !(store.selection.nodeIds.length === 1 && store.selection.nodeIds[0] === id))
    store.select({ nodeIds: [id] });
}

export function DesignerCanvas({ patternId }: { patternId: string }) {
  const theme = useUiStore(effectiveTheme);
  const doc = useSettledDocumentStore((s) => s.document);
  const selection = useDocumentStore((s) => s.selection);
  const refuse = useCanvasSession((s) => s.refuse);
  const graph = useMemo<FlowGraph>(() => (doc ? documentToFlow(doc) : { nodes: [], edges: [] }), [doc]);
  // The store is the truth; local nodes only carry in-flight drags and measurements. They are
  // rebuilt (during render, React's pattern for derived state) whenever the store's view changes.
  // Unchanged nodes and edges keep their objects (and a changed node its measurements), so typing in
  // one stage's condition redraws that card only.
  const [local, setLocal] = useState<{
    graph: FlowGraph;
    selected: string[];
    selectedEdges: string[];
    nodes: FlowNode[];
    edges: FlowEdge[];
  } | null>(null);
  let nodes = local?.nodes ?? [];
  let edges = local?.edges ?? [];
  if (
    !local ||
    local.graph !== graph ||
    local.selected !== selection.nodeIds ||
    local.selectedEdges !== selection.edgeIds
  ) {
    nodes = reuseNodes(local?.nodes ?? [], graph.nodes, new Set(selection.nodeIds));
    edges = reuseEdges(local?.edges ?? [], graph.edges, new Set(selection.edgeIds));
    setLocal({ graph, selected: selection.nodeIds, selectedEdges: selection.edgeIds, nodes, edges });
  }

  useFocusRequests();
  useLayoutOnArrival();
  const canvasRef = useRef<HTMLDivElement>(null);
  useKeepInBand(canvasRef);

  const onInit = useCallback((rf: ReactFlowInstance<FlowNode, FlowEdge>) => {
    setFlowInstance(rf);
    // After the panels are laid out, so the view keeps clear of them.
    requestAnimationFrame(() => showPattern(rf));
  }, []);

  // Pointer drags are committed once, on drag stop; this tells their position changes apart.
  const dragging = useRef(false);

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    // Arrow keys on a selected node (React Flow's keyboard move) arrive as position changes outside a
    // drag: commit them as one undoable, saved edit per burst of key presses.
    if (!dragging.current) {
      // React Flow's position of a node inside a group is relative to that group, as the layout's is.
      const moved: Record<string, { x: number; y: number }> = {};
      for (const c of changes)
        if (c.type === 'position' && c.position && !c.dragging) moved[c.id] = c.position;
      const ids = Object.keys(moved);
      if (ids.length > 0)
        useDocumentStore.getState().edit('Move', (d) => moveWithinLevel(d, moved), {
          coalesceKey: `keyboard-move:${ids.sort().join(',')}`,
        });
    }
    // Clicks and box selection arrive as select changes; the store's selection is the one truth (the
    // nodes' \`selected\` flags are drawn from it). Following React Flow's onSelectionChange instead
    // could ping-pong between a stale and a fresh selection until React gave up (a Delete run from
    // the command palette did it).
    const picks = changes.filter((c) => c.type === 'select');
    if (picks.length > 0) {
      const store = useDocumentStore.getState();
      const ids = new Set(store.selection.nodeIds);
      for (const c of picks) {
        if (c.selected) ids.add(c.id);
        else ids.delete(c.id);
      }
      const nodeIds = [...ids];
      if (!sameIds(nodeIds, store.selection.nodeIds))
        store.select({ nodeIds, edgeIds: store.selection.edgeIds });
    }
    // Removal goes through the delete action (one undo step, edges included); React Flow's own is off.
    setLocal((current) =>
      current
        ? {
            ...current,
            nodes: applyNodeChanges(
              changes.filter((c) => c.type !== 'remove'),
              current.nodes,
            ),
          }
        : current,
    );
  }, []);

  // Edges are drawn from the store's selection, so React Flow's (de)select changes must reach the store,
  // or a clicked-away edge would stay selected and the inspector would see two things selected.
  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => {
    const store = useDocumentStore.getState();
    const ids = new Set(store.selection.edgeIds);
    for (const c of changes) {
      if (c.type !== 'select') continue;
      if (c.selected) ids.add(c.id);
      else ids.delete(c.id);
    }
    const edgeIds = [...ids];
    if (!sameIds(edgeIds, store.selection.edgeIds))
      store.select({ nodeIds: store.selection.nodeIds, edgeIds });
  }, []);

  const onNodeDragStart = useCallback(() => {
    dragging.current = true;
  }, []);

  // A drag ends where the node's centre is: inside a group (into it), outside all (top level), or
  // on the same level (a plain move). Positions are taken on the canvas, as React Flow drew them.
  const onNodeDragStop = useCallback((_: unknown, __: FlowNode, dragged: FlowNode[]) => {
    dragging.current = false;
    const rf = flowInstance();
    const current = useDocumentStore.getState().document;
    if (!rf || !current) return;
    const draggedIds = new Set(dragged.map((n) => n.id));
    // A node dragged along with its group stays in it.
    const roots = dragged.filter((n) => !n.parentId || !draggedIds.has(n.parentId));
    const placements = roots.map((n) => {
      const abs = rf.getInternalNode(n.id)?.internals.positionAbsolute ?? n.position;
      const centre = { x: abs.x + (n.width ?? 220) / 2, y: abs.y + (n.height ?? 90) / 2 };
      return { id: n.id, abs, target: groupAt(current, centre, [n.id]) };
    });
    const changesLevel = placements.some((p) => p.target !== parentOf(current, p.id));
    useDocumentStore
      .getState()
      .edit(changesLevel ? 'Move into group' : 'Move', (d) =>
        placements.reduce((doc, p) => moveToGroup(doc, [p.id], p.target, { [p.id]: p.abs }), d),
      );
  }, []);

  const verdict = useCallback((source: string, target: string, replacing?: string) => {
    const current = useDocumentStore.getState().document;
    if (!current) return { ok: false as const, reason: 'No pattern is open.', code: 'none' };
    const contiguity = replacing
      ? (current.edges.find((e) => e.id === replacing)?.contiguity ?? useCanvasSession.getState().connectAs)
      : useCanvasSession.getState().connectAs;
    return checkConnection(current, source, target, contiguity, replacing);
  }, []);

  const isValidConnection = useCallback(
    (c: Connection | FlowEdge) => verdict(c.source, c.target).ok,
    [verdict],
  );

  const addEdge = useCallback(
    (source: string, target: string) => {
      if (!verdict(source, target).ok) return;
      const contiguity = useCanvasSession.getState().connectAs;
      let edgeId = '';
      useDocumentStore.getState().edit('Connect', (d) => {
        const result = connect(d, source, target, contiguity);
        edgeId = result.edgeId;
        return result.doc;
      });
      if (edgeId) useDocumentStore.getState().select({ edgeIds: [edgeId] });
    },
    [verdict],
  );

  const onConnect = useCallback((c: Connection) => addEdge(c.source, c.target), [addEdge]);

  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode) return;
      const point = localPoint(event);
      // Dropped on a handle the engine refused, or on a node's body (treated as its input).
      const target = state.toNode?.id ?? point.node;
      if (!target || state.fromHandle?.type !== 'source') return;
      const result = verdict(state.fromNode.id, target);
      if (result.ok) addEdge(state.fromNode.id, target);
      else refuse({ x: point.x, y: point.y, reason: result.reason });
    },
    [verdict, addEdge, refuse],
  );

  const onReconnect = useCallback(
    (old: FlowEdge, c: Connection) => {
      const result = verdict(c.source, c.target, old.id);
      if (!result.ok) {
        const host = document.querySelector('.designer-canvas')?.getBoundingClientRect();
        refuse({ x: (host?.width ?? 400) / 2, y: 60, reason: result.reason });
        return;
      }
      useDocumentStore.getState().edit('Reconnect', (d) => reconnect(d, old.id, c.source, c.target));
    },
    [verdict, refuse],
  );

  const onNodeContextMenu = useCallback((event: ReactMouseEvent, node: FlowNode) => {
    if (node.type !== 'stage' && node.type !== 'patternGroup') return;
    event.preventDefault();
    openStageMenu(node.id, event.clientX, event.clientY);
  }, []);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback((event: DragEvent) => {
    const kind = event.dataTransfer.getData(PALETTE_DRAG_TYPE);
    if (kind !== 'stage' && kind !== 'group') return;
    event.preventDefault();
    const rf = flowInstance();
    const position = rf?.screenToFlowPosition({ x: event.clientX - 110, y: event.clientY - 45 });
    const hit = rf?.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    addNodeAt(kind, position, hit);
  }, []);

  // Made once: they read their own stores, so a document change (a key typed) does not render them.
  const overlays = useMemo(
    () => (
      <>
        <Palette />
        <CanvasToolbar />
        <EdgeLegend />
      </>
    ),
    [],
  );
  const dialogs = useMemo(
    () => (
      <>
        <ConnectionRefusal />
        <ConnectDialog />
        <DeleteNotice />
        <StageContextMenu />
      </>
    ),
    [],
  );

  return (
    <div
      ref={canvasRef}
      className="canvas designer-canvas"
      data-testid="canvas"
      onDragOver={onDragOver}
      onDrop={onDrop}
      onPointerDown={() => refuse(null)}
      onFocus={selectOnKeyboardFocus}
      onKeyDown={menuFromKeyboard}
    >
      <ReactFlow<FlowNode, FlowEdge>
        key={patternId}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onInit={onInit}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStart={onNodeDragStart}
        onNodeDragStop={onNodeDragStop}
        onNodeContextMenu={onNodeContextMenu}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        onReconnect={onReconnect}
        isValidConnection={isValidConnection}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={multiSelectionKeys}
        colorMode={theme}
        snapToGrid
        snapGrid={snapGrid}
        minZoom={0.2}
        maxZoom={2}
        proOptions={proOptions}
        aria-label="Pattern canvas"
      >
        <Background variant={BackgroundVariant.Dots} gap={18} size={1.2} color="var(--canvas-dots)" />
        <Controls position="bottom-left" showInteractive={false} />
        {nodes.length > 0 && (
          <MiniMap position="bottom-right" pannable zoomable ariaLabel="Canvas overview" />
        )}
      </ReactFlow>
      {overlays}
      {graph.nodes.length === 0 && <DesignerEmptyHint />}
      {dialogs}
    </div>
  );
}
