/** Shown over an empty canvas: what to do first, with the keyboard route to it. */
import { appRegistry } from '../actions/app-registry';
import { formatShortcut, isMacPlatform } from '../actions/shortcut';
import { useLibraryStore } from '../state/library-store';
import { Icon } from './Icon';

export function EmptyCanvasHint() {
  const hasPattern = useLibraryStore((s) => s.openPattern !== null);
  const shortcut = formatShortcut('Mod+K', isMacPlatform());
  return (
    <div className="canvas-empty" data-testid="canvas-empty">
      <div className="canvas-empty-card">
        <Icon name="canvas" size={32} />
        <div className="empty-state-title">
          {hasPattern ? 'This pattern has no stages on the canvas' : 'Design a pattern'}
        </div>
        <div className="empty-state-text">
          {hasPattern
            ? 'Add stages to describe the sequence of events to match.'
            : 'Open a pattern from the library on the left, or start a new one.'}{' '}
          Press <kbd className="kbd">{shortcut}</kbd> for all commands.
        </div>
        {!hasPattern && (
          <button
            type="button"
            className="btn btn-primary canvas-empty-action"
            data-testid="canvas-empty-new"
            onClick={() => void appRegistry.run('pattern.new')}
          >
            New pattern
          </button>
        )}
      </div>
    </div>
  );
}
