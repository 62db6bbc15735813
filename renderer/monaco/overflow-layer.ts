/**
 * Where an editor's widgets that may leave its box are drawn (the suggest list and its details, the
 * hover): one fixed layer over the viewport, with CSS containment, instead of inside the editor.
 *
 * Why: with `fixedOverflowWidgets` Monaco places them with `position: fixed` in viewport
 * coordinates, so the inspector's scrolling box does not clip them. Inside the editor's box, though,
 * a fixed element's containing block is the page: each time the suggest list opens, closes or is
 * re-laid while typing, Chromium re-lays the whole page (~800 objects) when Monaco reads the
 * editor's position. In a `contain: strict` layer that covers the viewport, the layer is their
 * containing block (the same coordinates) and a relayout boundary, so that work stays inside it.
 */
import './overflow-layer.css';

let layer: HTMLElement | null = null;

function overflowLayer(): HTMLElement {
  if (layer?.isConnected) return layer;
  layer = document.createElement('div');
  // `monaco-editor`: Monaco's widget styles and the theme's colour variables are scoped under it.
  layer.className = 'monaco-editor cepheus-overflow-layer';
  layer.dataset.testid = 'monaco-overflow-layer';
  document.body.appendChild(layer);
  return layer;
}

/**
 * A node of its own for one editor's overflowing widgets (Monaco's `overflowWidgetsDomNode`; the
 * editor counts focus inside it as its own, so editors must not share one) and its removal.
 */
export function overflowWidgetsHost(): { node: HTMLElement; attach: () => () => void } {
  const node = document.createElement('div');
  node.className = 'cepheus-overflow-host';
  return {
    node,
    attach() {
      overflowLayer().appendChild(node);
      return () => node.remove();
    },
  };
}
