/** Top bar: brand, the open pattern's name, command search, panel toggles, theme switch and menu. */
import { appRegistry } from '../actions/app-registry';
import { formatShortcut, isMacPlatform } from '../actions/shortcut';
import { useDocumentStore } from '../state/document-store';
import { useLibraryStore } from '../state/library-store';
import { useUiStore } from '../state/ui-store';
import { AppMenu } from './AppMenu';
import { Icon } from './Icon';
import { ThemeSwitch } from './ThemeSwitch';
import './top-bar.css';

export function TopBar() {
  const patternName = useLibraryStore((s) => s.openPattern?.name ?? null);
  const hasDocument = useDocumentStore((s) => s.document !== null);
  const isMac = isMacPlatform();
  const sidebarOpen = useUiStore((s) => s.sidebarOpen);
  const inspectorOpen = useUiStore((s) => s.inspectorOpen);
  const bottomOpen = useUiStore((s) => s.bottomOpen);
  const paletteShortcut = formatShortcut('Mod+K', isMac);

  return (
    <header className="top-bar" data-testid="top-bar">
      <div className="top-bar-brand">
        <Icon name="logo" size={18} className="top-bar-logo" />
        <span className="top-bar-app">Cepheus</span>
      </div>
      <span className="top-bar-divider" aria-hidden="true" />
      <div className="top-bar-title" data-testid="pattern-title" title={patternName ?? undefined}>
        {patternName ?? <span className="top-bar-title-empty">No pattern open</span>}
      </div>
      <div className="top-bar-commands">
        <button
          type="button"
          className="btn top-bar-command"
          data-testid="top-bar-new"
          title={`New pattern (${formatShortcut('Alt+N', isMac)})`}
          onClick={() => void appRegistry.run('pattern.new')}
        >
          New pattern
        </button>
        <button
          type="button"
          className="btn top-bar-command"
          data-testid="top-bar-export"
          disabled={!hasDocument}
          title={`Export (${formatShortcut('Mod+E', isMac)})`}
          onClick={() => void appRegistry.run('pattern.export')}
        >
          Export…
        </button>
      </div>
      <button
        type="button"
        className="top-bar-search"
        data-testid="palette-button"
        onClick={() => void appRegistry.run('view.commandPalette')}
      >
        <Icon name="search" size={14} />
        <span>Search commands</span>
        <kbd className="kbd">{paletteShortcut}</kbd>
      </button>
      <div className="top-bar-actions">
        <button
          type="button"
          className="icon-btn"
          aria-pressed={sidebarOpen}
          title="Toggle pattern library"
          onClick={() => void appRegistry.run('view.toggleSidebar')}
        >
          <Icon name="sidebar" />
        </button>
        <button
          type="button"
          className="icon-btn"
          aria-pressed={bottomOpen}
          title="Toggle bottom panel"
          onClick={() => void appRegistry.run('view.toggleBottomPanel')}
        >
          <Icon name="panel" />
        </button>
        <button
          type="button"
          className="icon-btn"
          aria-pressed={inspectorOpen}
          title="Toggle inspector"
          onClick={() => void appRegistry.run('view.toggleInspector')}
        >
          <Icon name="inspector" />
        </button>
        <span className="top-bar-divider" aria-hidden="true" />
        <ThemeSwitch />
        <AppMenu />
      </div>
    </header>
  );
}
