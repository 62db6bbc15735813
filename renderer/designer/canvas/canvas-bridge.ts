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

export type SaveStatus = { kind: 'saved' } | { kind: 'saving' } | { kind: 'error'; message: string };

interface CanvasSession {
  /** Contiguity given to the next connection drawn by dragging. */
  connectAs: Contiguity;
  setConnectAs: (c: Contiguity) => void;
  save: SaveStatus;
  setSave: (s: SaveStatus) => void;
  historyOpen: boolean;
  setHistoryOpen: (open: boolean) => void;
  /** A refused connection: where it was dropped and the engine's reason. */
  refusal: { x: number; y: number; reason: string; nonce: number } | null;
  refuse: (r: { x: number; y: number; reason: string } | null) => void;
}

export const useCanvasSession = create<CanvasSession>()((set) => ({
  connectAs: 'followedBy',
  setConnectAs: (connectAs) => set({ connectAs }),
  save: { kind: 'saved' },
  setSave: (save) => set({ save }),
  historyOpen: false,
  setHistoryOpen: (historyOpen) => set({ historyOpen }),
  refusal: null,
  refuse: (r) => set((s) => ({ refusal: r ? { ...r, nonce: (s.refusal?.nonce ?? 0) + 1 } : null })),
}));
