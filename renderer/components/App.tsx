/**
 * The application shell: wires the back end, actions and theme, and lays out top bar, library,
 * canvas, inspector, bottom panel and status bar. Feature UIs live in their own components.
 */
import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { getApi } from '../api/get-api';
import { appRegistry } from '../actions/app-registry';
import { createShellActions } from '../actions/shell-actions';
import { useGlobalShortcuts } from '../actions/use-global-shortcuts';
import { LibraryFeature } from '../designer/library/LibraryFeature';
import { EditorsFeature } from '../designer/problems/EditorsFeature';
import { ExportFeature } from '../export/ExportFeature';
import { RecordingsFeature } from '../recordings/RecordingsFeature';
import { ReplayFeature } from '../replay/ReplayFeature';
import { TestsFeature } from '../testing/TestsFeature';
import { useLibraryStore } from '../state/library-store';
import { applyTheme, watchSystemTheme } from '../state/theme';
import { effectiveTheme, useUiStore } from '../state/ui-store';
import { ApiContext } from './api-context';
import { BottomPanel } from './BottomPanel';
import { CanvasArea } from './CanvasArea';
import { CommandPalette } from './CommandPalette';
import { Inspector } from './Inspector';
import { PatternLibrary } from './PatternLibrary';
import { ResizeHandle } from './ResizeHandle';
import { SkipLinks } from './SkipLinks';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';
import './layout.css';

export function App() {
  const api = useMemo(() => getApi(), []);
  const theme = useUiStore(effectiveTheme);
  const { sidebarOpen, inspectorOpen, bottomOpen, sidebarWidth, inspectorWidth, bottomHeight } = useUiStore(
    useShallow((s) => ({
      sidebarOpen: s.sidebarOpen,
      inspectorOpen: s.inspectorOpen,
      bottomOpen: s.bottomOpen,
      sidebarWidth: s.sidebarWidth,
      inspectorWidth: s.inspectorWidth,
      bottomHeight: s.bottomHeight,
    })),
  );
  const setPanelSize = useUiStore((s) => s.setPanelSize);

  useGlobalShortcuts();

  useEffect(() => appRegistry.register(...createShellActions(api)), [api]);

  useEffect(() => applyTheme(theme), [theme]);
  useEffect(() => watchSystemTheme((t) => useUiStore.getState().setSystemTheme(t)), []);

  useEffect(() => {
    const library = useLibraryStore.getState();
    void library.loadAppInfo(api);
    void library.refresh(api);
    // Another window or client changed a pattern: reload the list (cheap) rather than patching it,
    // and the open pattern too when it is the one that changed.
    return api.on('patterns.changed', (change) => {
      const store = useLibraryStore.getState();
      void store.refresh(api);
      if (change.id === store.openId && change.kind !== 'deleted') void store.reloadOpen(api);
    });
  }, [api]);

  return (
    <ApiContext value={api}>
      <div className="shell" data-testid="shell">
        <SkipLinks />
        <TopBar />
        <div className="workbench">
          {sidebarOpen && (
            <>
              <aside className="workbench-sidebar" style={{ width: sidebarWidth }}>
                <PatternLibrary />
              </aside>
              <ResizeHandle
                orientation="vertical"
                label="Resize pattern library"
                size={sidebarWidth}
                onResize={(s) => setPanelSize('sidebar', s)}
              />
            </>
          )}
          <main className="workbench-center">
            <div className="workbench-canvas">
              <CanvasArea />
            </div>
            {bottomOpen && (
              <>
                <ResizeHandle
                  orientation="horizontal"
                  label="Resize bottom panel"
                  size={bottomHeight}
                  invert
                  onResize={(s) => setPanelSize('bottom', s)}
                />
                <div className="workbench-bottom" style={{ height: bottomHeight }}>
                  <BottomPanel />
                </div>
              </>
            )}
          </main>
          {inspectorOpen && (
            <>
              <ResizeHandle
                orientation="vertical"
                label="Resize inspector"
                size={inspectorWidth}
                invert
                onResize={(s) => setPanelSize('inspector', s)}
              />
              <aside className="workbench-inspector" style={{ width: inspectorWidth }}>
                <Inspector />
              </aside>
            </>
          )}
        </div>
        <StatusBar />
        <CommandPalette />
        <RecordingsFeature />
        <EditorsFeature />
        <ReplayFeature />
        <TestsFeature />
        <LibraryFeature />
        <ExportFeature />
      </div>
    </ApiContext>
  );
}
