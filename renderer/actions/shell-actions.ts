/**
 * The shell's own actions: palette, theme, panels, library refresh. Feature areas (designer,
 * replay, export) register theirs the same way from their own modules.
 */
import type { CepApi } from '../../electron/contract';
import { useLibraryStore } from '../state/library-store';
import { createAndOpenPattern } from '../state/new-pattern';
import { useUiStore } from '../state/ui-store';
import { createFocusActions } from './focus-regions';
import type { Action } from './registry';

export function createShellActions(api: CepApi): Action[] {
  const ui = () => useUiStore.getState();
  return [
    {
      id: 'view.commandPalette',
      label: 'Show all commands',
      category: 'View',
      shortcuts: ['Mod+K', 'Mod+Shift+P'],
      keywords: ['palette', 'search', 'find'],
      run: () => ui().setPaletteOpen(true),
    },
    {
      id: 'pattern.open',
      label: 'Open pattern…',
      category: 'Pattern',
      shortcuts: ['Mod+P'],
      keywords: ['go', 'find', 'switch', 'library', 'name'],
      run: () => ui().setPaletteOpen(true, 'patterns'),
    },
    {
      id: 'view.toggleTheme',
      label: 'Toggle light/dark theme',
      category: 'View',
      shortcuts: ['Mod+Shift+L'],
      keywords: ['dark', 'light', 'colour', 'color', 'appearance'],
      run: () => ui().toggleTheme(),
    },
    {
      id: 'view.themeSystem',
      label: 'Theme: follow system',
      category: 'View',
      keywords: ['os', 'auto'],
      run: () => ui().setThemePreference('system'),
    },
    {
      id: 'view.themeLight',
      label: 'Theme: light',
      category: 'View',
      run: () => ui().setThemePreference('light'),
    },
    {
      id: 'view.themeDark',
      label: 'Theme: dark',
      category: 'View',
      run: () => ui().setThemePreference('dark'),
    },
    {
      id: 'view.toggleSidebar',
      label: 'Toggle pattern library',
      category: 'View',
      shortcuts: ['Mod+B'],
      keywords: ['sidebar'],
      run: () => ui().togglePanel('sidebar'),
    },
    {
      id: 'view.toggleInspector',
      label: 'Toggle inspector',
      category: 'View',
      shortcuts: ['Mod+Alt+B'],
      keywords: ['properties'],
      run: () => ui().togglePanel('inspector'),
    },
    {
      id: 'view.toggleBottomPanel',
      label: 'Toggle bottom panel',
      category: 'View',
      shortcuts: ['Mod+J'],
      keywords: ['panel'],
      run: () => ui().togglePanel('bottom'),
    },
    {
      id: 'view.showProblems',
      label: 'Show problems',
      category: 'View',
      shortcuts: ['Mod+Shift+M'],
      keywords: ['errors', 'diagnostics'],
      run: () => ui().showBottomTab('problems'),
    },
    {
      id: 'view.showReplay',
      label: 'Show replay',
      category: 'View',
      keywords: ['debug', 'step'],
      run: () => ui().showBottomTab('replay'),
    },
    {
      id: 'view.showResults',
      label: 'Show results',
      category: 'View',
      keywords: ['matches', 'output'],
      run: () => ui().showBottomTab('results'),
    },
    {
      id: 'pattern.new',
      label: 'New pattern',
      category: 'Pattern',
      shortcuts: ['Alt+N'],
      keywords: ['create', 'add'],
      run: () => createAndOpenPattern(api),
    },
    {
      id: 'pattern.refreshLibrary',
      label: 'Reload pattern library',
      category: 'Pattern',
      keywords: ['refresh', 'list'],
      run: () => useLibraryStore.getState().refresh(api),
    },
    {
      id: 'pattern.close',
      label: 'Close pattern',
      category: 'Pattern',
      enabled: () => useLibraryStore.getState().openId !== null,
      run: () => useLibraryStore.getState().close(),
    },
    ...createFocusActions(),
  ];
}
