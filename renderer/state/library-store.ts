/**
 * The pattern library as the back end reports it (patterns.list), plus which pattern is open.
 * Loading state and the last error are explicit so the sidebar never shows a stale or silent list.
 */
import { create } from 'zustand';
import {
  CepError,
  type AppInfo,
  type CepApi,
  type PatternDetail,
  type PatternSummary,
} from '../../electron/contract';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface LibraryState {
  status: LoadStatus;
  patterns: PatternSummary[];
  error: CepError | null;
  appInfo: AppInfo | null;
  openId: string | null;
  openPattern: PatternDetail | null;
  openStatus: LoadStatus;
  openError: CepError | null;
  refresh: (api: CepApi) => Promise<void>;
  loadAppInfo: (api: CepApi) => Promise<void>;
  open: (api: CepApi, id: string) => Promise<void>;
  /** Re-reads the open pattern after a change elsewhere, without the loading state (no flicker). */
  reloadOpen: (api: CepApi) => Promise<void>;
  close: () => void;
}

export const useLibraryStore = create<LibraryState>()((set, get) => ({
  status: 'idle',
  patterns: [],
  error: null,
  appInfo: null,
  openId: null,
  openPattern: null,
  openStatus: 'idle',
  openError: null,
  refresh: async (api) => {
    set({ status: 'loading' });
    try {
      const patterns = await api.patterns.list();
      set({ status: 'ready', patterns, error: null });
      const { openId } = get();
      if (openId && !patterns.some((p) => p.id === openId)) get().close();
    } catch (err) {
      set({ status: 'error', error: CepError.from(err) });
    }
  },
  loadAppInfo: async (api) => {
    try {
      set({ appInfo: await api.app.info() });
    } catch (err) {
      set({ error: CepError.from(err) });
    }
  },
  open: async (api, id) => {
    set({ openId: id, openStatus: 'loading', openError: null });
    try {
      const pattern = await api.patterns.get({ id });
      // A slower response for a pattern the user already left must not overwrite the newer one.
      if (get().openId === id) set({ openPattern: pattern, openStatus: 'ready' });
    } catch (err) {
      if (get().openId === id) set({ openPattern: null, openStatus: 'error', openError: CepError.from(err) });
    }
  },
  reloadOpen: async (api) => {
    const id = get().openId;
    if (!id) return;
    try {
      const pattern = await api.patterns.get({ id });
      if (get().openId === id) set({ openPattern: pattern, openStatus: 'ready', openError: null });
    } catch (err) {
      const error = CepError.from(err);
      // Deleted meanwhile: the list refresh closes it; other errors are shown.
      if (get().openId === id && error.code !== 'not-found') set({ openStatus: 'error', openError: error });
    }
  },
  close: () => set({ openId: null, openPattern: null, openStatus: 'idle', openError: null }),
}));
