/**
 * The live React Flow instance and the canvas' session settings, for code outside the component
 * (actions run from menus, shortcuts and the palette need fitView and screen → canvas coordinates).
 */
import type { ReactFlowInstance } from '@xyflow/react';
import { create } from 'zustand';
import type { Contiguity } from '../../canvas/contiguity';
import type { FlowEdge, FlowNode } from '../../canvas/document-to-flow';

let instance: ReactFlowInstance<FlowNode, FlowEdge> | null = null;

export function setFlowInstance(next: ReactFlowInstance<FlowNode, FlowEdge> | null): void {
  instance = next;
}

export function flowInstance(): ReactFlowInstance<FlowNode, FlowEdge> | null {
  return instance;
}

export type SaveStatus =
  /** Stored; after an explicit save also which version is newest and whether this save made it. */
  | { kind: 'saved'; version?: number; created?: boolean }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  /** The working copy cannot be stored yet (kept as a draft); `message` says why, in words. */
  | { kind: 'invalid'; message: string }
  | { kind: 'error'; message: string };

interface CanvasSession {
  /** Contiguity given to the next connection drawn by dragging. */
  connectAs: Contiguity;
  setConnectAs: (c: Contiguity) => void;
  save: SaveStatus;
  setSave: (s: SaveStatus) => void;
  historyOpen: boolean;
  /** Open with the version label focused (Save version with label…). */
  historyFocusLabel: boolean;
  setHistoryOpen: (open: boolean, focusLabel?: boolean) => void;
  /** A refused connection: where it was dropped and the engine's reason. */
  refusal: { x: number; y: number; reason: string; nonce: number } | null;
  refuse: (r: { x: number; y: number; reason: string } | null) => void;
  /**
   * A Delete that changed a neighbour's meaning: what changed, in words, and the selection it removed
   * (so "Reconnect instead" can redo it the other way). Closed by the next edit.
   */
  deleteNotice: { lines: string[]; nodeIds: string[]; edgeIds: string[]; after: unknown } | null;
  setDeleteNotice: (notice: CanvasSession['deleteNotice']) => void;
  /** Where the stage context menu is open (canvas-relative), or null. */
  contextMenu: { x: number; y: number; nodeId: string } | null;
  setContextMenu: (menu: CanvasSession['contextMenu']) => void;
  /** The stage the keyboard Connect dialog connects from (null: closed). */
  connectFrom: string | null;
  setConnectFrom: (id: string | null) => void;
}

function sameSaveStatus(a: SaveStatus, b: SaveStatus): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(y);
  return keys.length === Object.keys(x).length && keys.every((k) => x[k] === y[k]);
}

export const useCanvasSession = create<CanvasSession>()((set) => ({
  connectAs: 'followedBy',
  setConnectAs: (connectAs) => set({ connectAs }),
  save: { kind: 'saved' },
  // The same status again (each key typed says "dirty") keeps the object: its readers do not render again.
  setSave: (save) => set((s) => (sameSaveStatus(s.save, save) ? s : { save })),
  historyOpen: false,
  historyFocusLabel: false,
  setHistoryOpen: (historyOpen, historyFocusLabel = false) => set({ historyOpen, historyFocusLabel }),
  refusal: null,
  refuse: (r) => set((s) => ({ refusal: r ? { ...r, nonce: (s.refusal?.nonce ?? 0) + 1 } : null })),
  deleteNotice: null,
  setDeleteNotice: (deleteNotice) => set({ deleteNotice }),
  contextMenu: null,
  setContextMenu: (contextMenu) => set({ contextMenu }),
  connectFrom: null,
  setConnectFrom: (connectFrom) => set({ connectFrom }),
}));
