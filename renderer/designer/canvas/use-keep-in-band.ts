/**
 * When the canvas changes size (the bottom panel opens for a replay, a side panel is dragged wider),
 * a pattern that was wholly in view can end up under the minimap, the legend or the toolbar. Keep it
 * in the free band: pan by the least amount when it fits at the current zoom, else zoom out just
 * enough (never in). A pattern that was not wholly in view before is left where the user put it
 * (they are navigating it).
 */
import { useEffect, type RefObject } from 'react';
import { flowInstance } from './canvas-bridge';
import { fitPadding, freeInsets } from './fit-padding';

/** The pan (screen pixels) that brings [lo, hi] inside [min, max], or 0 when it is in or cannot fit. */
export function panInto(lo: number, hi: number, min: number, max: number): number {
  if (hi - lo > max - min) return 0;
  if (lo < min) return min - lo;
  if (hi > max) return max - hi;
  return 0;
}

type Size = { width: number; height: number };

type Insets = NonNullable<ReturnType<typeof freeInsets>>;

/** Whether `box` (pane pixels) lies in the free band of a pane of size `size`. */
function inBand(
  box: { left: number; top: number; right: number; bottom: number },
  size: Size,
  insets: Insets,
): boolean {
  return (
    box.left >= insets.left - 1 &&
    box.top >= insets.top - 1 &&
    box.right <= size.width - insets.right + 1 &&
    box.bottom <= size.height - insets.bottom + 1
  );
}

function keepInBand(before: Size, now: Size): void {
  const rf = flowInstance();
  const insets = freeInsets();
  if (!rf || !insets) return;
  const nodes = rf.getNodes();
  if (nodes.length === 0) return;
  const bounds = rf.getNodesBounds(nodes);
  const v = rf.getViewport();
  // The viewport is anchored at the pane's top-left, which a resize of the panels around it keeps.
  const box = {
    left: bounds.x * v.zoom + v.x,
    top: bounds.y * v.zoom + v.y,
    right: (bounds.x + bounds.width) * v.zoom + v.x,
    bottom: (bounds.y + bounds.height) * v.zoom + v.y,
  };
  if (!inBand(box, before, insets) || inBand(box, now, insets)) return;
  const dx = panInto(box.left, box.right, insets.left, now.width - insets.right);
  const dy = panInto(box.top, box.bottom, insets.top, now.height - insets.bottom);
  const fits =
    box.right - box.left <= now.width - insets.left - insets.right &&
    box.bottom - box.top <= now.height - insets.top - insets.bottom;
  // No animation: a second resize right after (two panels reopened together) must see where this one
  // left the view, not a frame of the transition.
  if (fits) void rf.setViewport({ x: v.x + dx, y: v.y + dy, zoom: v.zoom });
  else void rf.fitView({ padding: fitPadding(), maxZoom: v.zoom });
}

export function useKeepInBand(canvas: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    let last: Size | null = null;
    let settled: Size | null = null;
    let frame = 0;
    const observer = new ResizeObserver(([entry]) => {
      const now = { width: entry.contentRect.width, height: entry.contentRect.height };
      if (last === null || last.width === 0 || last.height === 0) {
        last = now;
        return;
      }
      // A drag of a panel's edge resizes many times: judge against the size before it began.
      settled ??= last;
      last = now;
      cancelAnimationFrame(frame);
      // After the floating panels (minimap, legend) have settled at the new size.
      frame = requestAnimationFrame(() => {
        const before = settled;
        settled = null;
        if (before) keepInBand(before, now);
      });
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [canvas]);
}
