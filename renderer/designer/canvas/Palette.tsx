/**
 * The palette over the canvas' top-left corner: add a stage or a group (click, or drag onto the
 * canvas to place it), and choose the contiguity new connections get.
 */
import type { DragEvent } from 'react';
import { formatShortcut, isMacPlatform } from '../../actions/shortcut';
import { CONTIGUITIES, CONTIGUITY_STYLES, type Contiguity } from '../../canvas/contiguity';
import { useCanvasSession } from './canvas-bridge';
import { addNodeAt } from './canvas-commands';

export const PALETTE_DRAG_TYPE = 'application/x-cepheus-node';

function startDrag(kind: 'stage' | 'group') {
  return (event: DragEvent<HTMLButtonElement>) => {
    event.dataTransfer.setData(PALETTE_DRAG_TYPE, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };
}

export function Palette() {
  const connectAs = useCanvasSession((s) => s.connectAs);
  const setConnectAs = useCanvasSession((s) => s.setConnectAs);
  const mac = isMacPlatform();
  return (
    <div
      className="designer-palette"
      data-testid="designer-palette"
      role="toolbar"
      aria-label="Add to pattern"
    >
      <button
        type="button"
        className="palette-item"
        data-testid="palette-add-stage"
        draggable
        onDragStart={startDrag('stage')}
        onClick={() => addNodeAt('stage')}
        title={`Add a stage: one condition on events (${formatShortcut('Shift+S', mac)}). Drag onto the canvas to place it.`}
      >
        <span className="palette-glyph palette-glyph-stage" aria-hidden />
        Stage
      </button>
      <button
        type="button"
        className="palette-item"
        data-testid="palette-add-group"
        draggable
        onDragStart={startDrag('group')}
        onClick={() => addNodeAt('group')}
        title={`Add a group: a sub-chain repeated as one unit (${formatShortcut('Shift+G', mac)}). Drag onto the canvas to place it.`}
      >
        <span className="palette-glyph palette-glyph-group" aria-hidden />
        Group
      </button>
      <span className="palette-sep" aria-hidden />
      <label className="palette-connect" title={CONTIGUITY_STYLES[connectAs].help}>
        <span>Connect as</span>
        <select
          data-testid="palette-connect-as"
          value={connectAs}
          onChange={(e) => setConnectAs(e.target.value as Contiguity)}
        >
          {CONTIGUITIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
