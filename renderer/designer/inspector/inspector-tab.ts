/**
 * Which face of the inspector is showing: the properties of the selection, or the whole document as
 * JSON. Leaving the JSON face while its text does not load would drop the user's text, so the JSON
 * view installs a guard and a refused switch waits in `leaving` until the user answers (keep
 * editing, or discard the JSON edits).
 */
import { create } from 'zustand';

export type InspectorTab = 'properties' | 'json';

interface InspectorTabState {
  tab: InspectorTab;
  /** A switch away from the JSON face waiting for the user's answer. */
  leaving: InspectorTab | null;
  /** Shows a face; away from JSON text that does not load, asks first. */
  show: (tab: InspectorTab) => void;
  /** Switches without asking: the user chose to discard the JSON edits. */
  discardAndShow: (tab: InspectorTab) => void;
  /** The user chose to keep editing the JSON. */
  stay: () => void;
}

/** True when the JSON face may be left now (its text loads, or was applied). */
let jsonLeaveGuard: (() => boolean) | null = null;

export function setJsonLeaveGuard(guard: (() => boolean) | null): void {
  jsonLeaveGuard = guard;
}

export const useInspectorTab = create<InspectorTabState>()((set, get) => ({
  tab: 'properties',
  leaving: null,
  show: (tab) => {
    if (get().tab === 'json' && tab !== 'json' && jsonLeaveGuard && !jsonLeaveGuard()) {
      set({ leaving: tab });
      return;
    }
    set({ tab, leaving: null });
  },
  discardAndShow: (tab) => set({ tab, leaving: null }),
  stay: () => set({ leaving: null }),
}));
