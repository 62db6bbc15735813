/** Which face of the inspector is showing: the properties of the selection, or the whole document as JSON. */
import { create } from 'zustand';

export type InspectorTab = 'properties' | 'json';

export const useInspectorTab = create<{ tab: InspectorTab; show: (tab: InspectorTab) => void }>()((set) => ({
  tab: 'properties',
  show: (tab) => set({ tab }),
}));
