/**
 * How much of the canvas its floating panels cover, as fitView padding: a fitted pattern sits in
 * the free space between the palette and toolbar on top and the minimap and legend at the bottom,
 * never underneath them.
 */
import type { FitViewOptions } from '@xyflow/react';

type Padding = NonNullable<FitViewOptions['padding']>;

/** Before the canvas is laid out: the panels' usual size at a desktop window. */
export const DEFAULT_FIT_PADDING: Padding = { top: '72px', bottom: '120px', left: '32px', right: '32px' };

/** Free-band insets of the canvas in screen pixels (null before the canvas is laid out). */
export function freeInsets(): { top: number; bottom: number; left: number; right: number } | null {
  const canvas = document.querySelector('.designer-canvas')?.getBoundingClientRect();
  if (!canvas || canvas.height === 0) return null;
  const boxes = (selector: string): DOMRect[] =>
    [...document.querySelectorAll(`.designer-canvas ${selector}`)]
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0);
  const top = Math.max(0, ...boxes('.designer-palette, .designer-toolbar').map((r) => r.bottom - canvas.top));
  const bottom = Math.max(
    0,
    ...boxes('.react-flow__minimap, .edge-legend, .react-flow__controls').map((r) => canvas.bottom - r.top),
  );
  // The free band must keep some height, or a tiny window would zoom to nothing.
  const room = canvas.height - top - bottom;
  const squeeze = room < 120 ? (120 - room) / 2 : 0;
  return {
    top: Math.max(16, top + 16 - squeeze),
    bottom: Math.max(16, bottom + 16 - squeeze),
    left: 32,
    right: 32,
  };
}

export function fitPadding(): Padding {
  const insets = freeInsets();
  if (!insets) return DEFAULT_FIT_PADDING;
  return {
    top: `${insets.top}px`,
    bottom: `${insets.bottom}px`,
    left: `${insets.left}px`,
    right: `${insets.right}px`,
  };
}
