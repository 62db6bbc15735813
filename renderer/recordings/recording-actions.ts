/** Recordings commands for the action registry (menus, palette). */
import type { Action } from '../actions/registry';
import { useRecordingsStore } from '../state/recordings-store';

export function createRecordingActions(): Action[] {
  const store = useRecordingsStore.getState;
  return [
    {
      id: 'recordings.import',
      label: 'Import recording…',
      category: 'Replay',
      keywords: ['csv', 'jsonl', 'events', 'upload', 'file'],
      run: () => store().setImportOpen(true),
    },
    {
      id: 'recordings.browse',
      label: 'Browse recordings',
      category: 'Replay',
      keywords: ['events', 'data', 'library'],
      run: () => store().openBrowser(),
    },
  ];
}
