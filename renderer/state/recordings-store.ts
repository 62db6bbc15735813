/**
 * The recordings library (recordings.list) and the recordings UI's open dialogs. The list follows
 * `recordings.changed` pushes (wired by the recordings feature), so imports from another window or
 * the samples service appear without a manual refresh.
 */
import { create } from 'zustand';
import { CepError, type CepApi, type RecordingSummary } from '../../electron/contract';

export type RecordingsStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface RecordingsState {
  status: RecordingsStatus;
  recordings: RecordingSummary[];
  error: CepError | null;
  /** The recordings browser dialog, and the recording shown in it. */
  browserOpen: boolean;
  selectedId: number | null;
  /** The import dialog. */
  importOpen: boolean;
  refresh(api: CepApi): Promise<void>;
  openBrowser(selectedId?: number | null): void;
  closeBrowser(): void;
  select(id: number | null): void;
  setImportOpen(open: boolean): void;
  rename(api: CepApi, id: number, name: string): Promise<void>;
  remove(api: CepApi, id: number): Promise<void>;
}

export const useRecordingsStore = create<RecordingsState>()((set, get) => ({
  status: 'idle',
  recordings: [],
  error: null,
  browserOpen: false,
  selectedId: null,
  importOpen: false,
  refresh: async (api) => {
    set({ status: 'loading' });
    try {
      const recordings = await api.recordings.list();
      const { selectedId } = get();
      set({
        status: 'ready',
        recordings,
        error: null,
        selectedId:
          selectedId !== null && recordings.some((r) => r.id === selectedId)
            ? selectedId
            : (recordings[0]?.id ?? null),
      });
    } catch (err) {
      set({ status: 'error', error: CepError.from(err) });
    }
  },
  openBrowser: (selectedId) =>
    set((s) => ({
      browserOpen: true,
      selectedId: selectedId ?? s.selectedId ?? s.recordings[0]?.id ?? null,
    })),
  closeBrowser: () => set({ browserOpen: false }),
  select: (selectedId) => set({ selectedId }),
  setImportOpen: (importOpen) => set({ importOpen }),
  rename: async (api, id, name) => {
    const updated = await api.recordings.rename({ id, name });
    set((s) => ({ recordings: s.recordings.map((r) => (r.id === id ? updated : r)) }));
  },
  remove: async (api, id) => {
    await api.recordings.delete({ id });
    set((s) => {
      const recordings = s.recordings.filter((r) => r.id !== id);
      return { recordings, selectedId: s.selectedId === id ? (recordings[0]?.id ?? null) : s.selectedId };
    });
  },
}));

export function recordingById(
  state: Pick<RecordingsState, 'recordings'>,
  id: number | null,
): RecordingSummary | undefined {
  return id === null ? undefined : state.recordings.find((r) => r.id === id);
}
