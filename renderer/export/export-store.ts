/**
 * The export dialog's session state: open or not, the chosen target and the option fields as typed.
 * Options are kept as text (what the inputs show); `export-options.ts` turns them into ExportOptions.
 */
import { create } from 'zustand';
import type { ExportTarget } from '../../engine/export/types';

/** Option fields as the user typed them; `null` means "not touched: use the pattern's own value". */
export interface ExportOptionFields {
  eventClass: string;
  javaPackage: string;
  table: string;
  timeField: string | null;
  partitionKey: string | null;
}

export const DEFAULT_OPTION_FIELDS: ExportOptionFields = {
  eventClass: 'Event',
  javaPackage: '',
  table: 'events',
  timeField: null,
  partitionKey: null,
};

interface ExportState {
  open: boolean;
  target: ExportTarget;
  fields: ExportOptionFields;
  /** Opens the dialog; the key and time fields go back to the pattern's own values. */
  openDialog(): void;
  close(): void;
  setTarget(target: ExportTarget): void;
  setField<K extends keyof ExportOptionFields>(key: K, value: ExportOptionFields[K]): void;
}

export const useExportStore = create<ExportState>((set) => ({
  open: false,
  target: 'flink-json',
  fields: DEFAULT_OPTION_FIELDS,
  openDialog: () =>
    set((s) => ({ open: true, fields: { ...s.fields, partitionKey: null, timeField: null } })),
  close: () => set({ open: false }),
  setTarget: (target) => set({ target }),
  setField: (key, value) => set((s) => ({ fields: { ...s.fields, [key]: value } })),
}));
