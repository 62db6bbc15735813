/**
 * Session UI state of the shell: theme, which panels are open and how big, the palette, the status
 * notice. Panel layout persists in localStorage; the theme preference persists through theme.ts.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import {
  readThemePreference,
  resolveTheme,
  systemTheme,
  writeThemePreference,
  type Theme,
  type ThemePreference,
} from './theme';

export type BottomTab = 'problems' | 'replay' | 'results' | 'tests';

/** What the palette lists: commands (Ctrl+K) or patterns to open by name (Ctrl+P). */
export type PaletteMode = 'commands' | 'patterns';

export interface Notice {
  kind: 'info' | 'error';
  text: string;
}

export interface PanelLayout {
  sidebarOpen: boolean;
  inspectorOpen: boolean;
  bottomOpen: boolean;
  sidebarWidth: number;
  inspectorWidth: number;
  bottomHeight: number;
}

export interface UiState extends PanelLayout {
  themePreference: ThemePreference;
  systemTheme: Theme;
  bottomTab: BottomTab;
  paletteOpen: boolean;
  paletteMode: PaletteMode;
  notice: Notice | null;
  setThemePreference: (preference: ThemePreference) => void;
  setSystemTheme: (theme: Theme) => void;
  toggleTheme: () => void;
  setPanelOpen: (panel: 'sidebar' | 'inspector' | 'bottom', open: boolean) => void;
  togglePanel: (panel: 'sidebar' | 'inspector' | 'bottom') => void;
  setPanelSize: (panel: 'sidebar' | 'inspector' | 'bottom', size: number) => void;
  showBottomTab: (tab: BottomTab) => void;
  setPaletteOpen: (open: boolean, mode?: PaletteMode) => void;
  setNotice: (notice: Notice | null) => void;
}

/** Pixel limits keep a dragged panel usable and the canvas visible. */
export const panelLimits = {
  sidebar: { min: 180, max: 480 },
  inspector: { min: 240, max: 640 },
  bottom: { min: 120, max: 600 },
} as const;

const openKey = { sidebar: 'sidebarOpen', inspector: 'inspectorOpen', bottom: 'bottomOpen' } as const;
const sizeKey = { sidebar: 'sidebarWidth', inspector: 'inspectorWidth', bottom: 'bottomHeight' } as const;

export function effectiveTheme(state: Pick<UiState, 'themePreference' | 'systemTheme'>): Theme {
  return resolveTheme(state.themePreference, state.systemTheme);
}

export const useUiStore = create<UiState>()(
  persist(
    (set, get) => ({
      sidebarOpen: true,
      inspectorOpen: true,
      bottomOpen: true,
      sidebarWidth: 240,
      inspectorWidth: 320,
      bottomHeight: 220,
      themePreference: readThemePreference(),
      systemTheme: systemTheme(),
      bottomTab: 'problems',
      paletteOpen: false,
      paletteMode: 'commands',
      notice: null,
      setThemePreference: (themePreference) => {
        writeThemePreference(themePreference);
        set({ themePreference });
      },
      setSystemTheme: (theme) => set({ systemTheme: theme }),
      toggleTheme: () => get().setThemePreference(effectiveTheme(get()) === 'dark' ? 'light' : 'dark'),
      setPanelOpen: (panel, open) => set({ [openKey[panel]]: open }),
      togglePanel: (panel) => set((s) => ({ [openKey[panel]]: !s[openKey[panel]] })),
      setPanelSize: (panel, size) => {
        const { min, max } = panelLimits[panel];
        set({ [sizeKey[panel]]: Math.round(Math.min(max, Math.max(min, size))) });
      },
      showBottomTab: (bottomTab) => set({ bottomTab, bottomOpen: true }),
      setPaletteOpen: (paletteOpen, paletteMode = 'commands') => set({ paletteOpen, paletteMode }),
      setNotice: (notice) => set({ notice }),
    }),
    {
      name: 'cepheus.layout',
      version: 1,
      partialize: (s): PanelLayout & { bottomTab: BottomTab } => ({
        sidebarOpen: s.sidebarOpen,
        inspectorOpen: s.inspectorOpen,
        bottomOpen: s.bottomOpen,
        sidebarWidth: s.sidebarWidth,
        inspectorWidth: s.inspectorWidth,
        bottomHeight: s.bottomHeight,
        bottomTab: s.bottomTab,
      }),
    },
  ),
);
