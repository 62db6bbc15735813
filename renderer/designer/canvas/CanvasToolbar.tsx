/** Top-right canvas toolbar: undo/redo, auto-layout, fit, history, and the save state. */
import { useStore } from 'zustand';
import { formatShortcut, isMacPlatform } from '../../actions/shortcut';
import { redo, undo, useDocumentStore } from '../../state/document-store';
import { useCanvasSession } from './canvas-bridge';
import { fitView, runAutoLayout } from './canvas-commands';
import { SaveIndicator } from './SaveIndicator';

export function CanvasToolbar() {
  const canUndo = useStore(useDocumentStore.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(useDocumentStore.temporal, (s) => s.futureStates.length > 0);
  const historyOpen = useCanvasSession((s) => s.historyOpen);
  const openHistory = useCanvasSession((s) => s.setHistoryOpen);
  const mac = isMacPlatform();
  const k = (s: string) => formatShortcut(s, mac);
  return (
    <div className="designer-toolbar" role="toolbar" aria-label="Canvas">
      <SaveIndicator />
      <span className="palette-sep" aria-hidden />
      <button
        type="button"
        className="tool-btn"
        data-testid="canvas-undo"
        disabled={!canUndo}
        onClick={undo}
        title={`Undo (${k('Mod+Z')})`}
      >
        ↶
      </button>
      <button
        type="button"
        className="tool-btn"
        data-testid="canvas-redo"
        disabled={!canRedo}
        onClick={redo}
        title={`Redo (${k('Mod+Shift+Z')})`}
      >
        ↷
      </button>
      <button
        type="button"
        className="tool-btn tool-btn-text"
        data-testid="canvas-auto-layout"
        onClick={() => void runAutoLayout()}
        title={`Arrange stages left to right in pattern order (${k('Shift+L')})`}
      >
        Auto-layout
      </button>
      <button
        type="button"
        className="tool-btn tool-btn-text"
        data-testid="canvas-fit"
        onClick={fitView}
        title={`Fit the pattern in view (${k('Shift+F')})`}
      >
        Fit
      </button>
      <button
        type="button"
        className="tool-btn tool-btn-text"
        data-testid="canvas-history"
        aria-pressed={historyOpen}
        onClick={() => openHistory(!historyOpen)}
        title={`Versions: save (${k('Mod+S')}), compare, restore (${k('Mod+Shift+H')})`}
      >
        History
      </button>
    </div>
  );
}
