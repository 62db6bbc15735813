/**
 * The event browser beside the replay: whether it is open, its filter text, and a result whose
 * events it lists ("Events" on a result row). It browses the replayed recording; a row click seeks.
 */
import { create } from 'zustand';

export interface EventPanelResult {
  /** "result #3 (match)". */
  label: string;
  seqs: number[];
}

export interface EventPanelState {
  open: boolean;
  filterText: string;
  /** Lists only these events (a result's), until cleared. */
  result: EventPanelResult | null;
  setOpen(open: boolean): void;
  toggle(): void;
  setFilterText(text: string): void;
  showResult(result: EventPanelResult): void;
  clearResult(): void;
}

export const useEventPanelStore = create<EventPanelState>()((set) => ({
  open: false,
  filterText: '',
  result: null,
  setOpen: (open) => set({ open }),
  toggle: () => set((s) => ({ open: !s.open })),
  setFilterText: (filterText) => set({ filterText }),
  showResult: (result) => set({ open: true, result }),
  clearResult: () => set({ result: null }),
}));
