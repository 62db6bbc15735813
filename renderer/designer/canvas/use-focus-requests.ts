/**
 * Brings whatever the document store was asked to focus (from Problems, Inspector, Add stage after, …)
 * into view: a pan at the current zoom, and only when it is not already in the canvas's free band.
 * Zooming in would lose the user's overview each time.
 */
import { useEffect } from 'react';
import { useDocumentStore } from '../../state/document-store';
import { flowInstance } from './canvas-bridge';
import { freeInsets } from './fit-padding';

export function useFocusRequests(): void {
  const request = useDocumentStore((s) => s.focusRequest);
  useEffect(() => {
    const rf = flowInstance();
    if (!request || !rf) return;
    const edge = request.edgeId ? rf.getEdge(request.edgeId) : undefined;
    const ids = request.nodeId ? [request.nodeId] : edge ? [edge.source, edge.target] : [];
    // After React Flow has drawn a node that was just added.
    const frame = requestAnimationFrame(() => {
      const nodes = ids.map((id) => rf.getInternalNode(id)).filter((n) => n !== undefined);
      if (nodes.length === 0) return;
      const box = nodes.reduce(
        (b, n) => {
          const { x, y } = n.internals.positionAbsolute;
          const w = n.measured.width ?? n.width ?? 220;
          const h = n.measured.height ?? n.height ?? 90;
          return {
            left: Math.min(b.left, x),
            top: Math.min(b.top, y),
            right: Math.max(b.right, x + w),
            bottom: Math.max(b.bottom, y + h),
          };
        },
        { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity },
      );
      const pane = document.querySelector('.designer-canvas')?.getBoundingClientRect();
      const insets = freeInsets();
      if (pane && insets) {
        const a = rf.flowToScreenPosition({ x: box.left, y: box.top });
        const b = rf.flowToScreenPosition({ x: box.right, y: box.bottom });
        const visible =
          a.x >= pane.left + insets.left &&
          a.y >= pane.top + insets.top &&
          b.x <= pane.right - insets.right &&
          b.y <= pane.bottom - insets.bottom;
        if (visible) return;
      }
      const { zoom } = rf.getViewport();
      void rf.setCenter((box.left + box.right) / 2, (box.top + box.bottom) / 2, { zoom, duration: 250 });
    });
    return () => cancelAnimationFrame(frame);
  }, [request]);
}
