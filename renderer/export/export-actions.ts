/** The export command for the action registry (menu, palette, Mod+E). */
import type { Action } from '../actions/registry';
import { useDocumentStore } from '../state/document-store';
import { useExportStore } from './export-store';

export function createExportActions(): Action[] {
  return [
    {
      id: 'pattern.export',
      label: 'Export…',
      category: 'Pattern',
      shortcuts: ['Mod+E'],
      keywords: ['flink', 'java', 'sql', 'json', 'match_recognize', 'download', 'save', 'code'],
      enabled: () => useDocumentStore.getState().document !== null,
      run: () => useExportStore.getState().openDialog(),
    },
  ];
}
