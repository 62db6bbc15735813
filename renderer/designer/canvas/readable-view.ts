/**
 * Long patterns at a zoom one can read. Auto-layout wraps rows to the canvas' width at 100% zoom;
 * opening a pattern shows all of it when that stays legible, otherwise its start at a readable zoom
 * (the rest is a scroll or the minimap away) instead of a strip of unreadable cards.
 */
import type { ReactFlowInstance } from '@xyflow/react';
import type { FlowEdge, FlowNode } from '../../canvas/document-to-flow';
import { fitPadding, freeInsets } from './fit-padding';

/** Below this zoom a card's 14 px name drops under ~10 px: too small to read. */
export const READABLE_ZOOM = 0.75;
const MAX_FIT_ZOOM = 1.2;
/** Room the row keeps from the canvas' left and right edges, in screen pixels. */
const SIDE_MARGIN = 24;
/** Side panels' usual width before the canvas exists (first open of the app). */
const PANELS_WIDTH = 560;

/** The widest a wrapped row may be so that, at 100% zoom, it fits across the canvas. */
export function readableRowWidth(): number {
  const canvas = document.querySelector('.designer-canvas')?.getBoundingClientRect();
  const width = canvas && canvas.width > 0 ? canvas.width : window.innerWidth - PANELS_WIDTH;
  return Math.max(300, Math.round(width - 2 * SIDE_MARGIN));
}

/** Fits the whole pattern when it stays readable, else shows its beginning at a readable zoom. */
export function showPattern(rf: ReactFlowInstance<FlowNode, FlowEdge>): void {
  const nodes = rf.getNodes();
  const canvas = document.querySelector('.designer-canvas')?.getBoundingClientRect();
  const insets = freeInsets();
  if (nodes.length === 0 || !canvas || !insets) {
    void rf.fitView({ padding: fitPadding(), maxZoom: MAX_FIT_ZOOM });
    return;
  }
  const bounds = rf.getNodesBounds(nodes);
  const free = {
    width: Math.max(1, canvas.width - insets.left - insets.right),
    height: Math.max(1, canvas.height - insets.top - insets.bottom),
  };
  const fit = Math.min(free.width / bounds.width, free.height / bounds.height);
  if (fit >= READABLE_ZOOM) {
    void rf.fitView({ padding: fitPadding(), maxZoom: MAX_FIT_ZOOM });
    return;
  }
  const zoom = Math.min(1, Math.max(READABLE_ZOOM, free.width / bounds.width));
  const spare = Math.max(0, free.width - bounds.width * zoom);
  void rf.setViewport({
    x: insets.left + spare / 2 - bounds.x * zoom,
    y: insets.top - bounds.y * zoom,
    zoom,
  });
}
