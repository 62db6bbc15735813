/**
 * The system's open and save dialogs for the back end's `files` group: the only way a path reaches
 * the back end from the desktop window is a file the person picked here (electron/contract/files.ts).
 */
import { BrowserWindow, dialog } from 'electron';
import type { FileDialogs } from '../services';

const RECORDING_FILTERS = [
  { name: 'Recordings', extensions: ['csv', 'jsonl', 'ndjson', 'json', 'gz'] },
  { name: 'All files', extensions: ['*'] },
];

export function createFileDialogs(): FileDialogs {
  const parent = (): BrowserWindow | undefined => BrowserWindow.getFocusedWindow() ?? undefined;
  return {
    openRecording: async () => {
      const options = {
        title: 'Import a recording',
        properties: ['openFile' as const],
        filters: RECORDING_FILTERS,
      };
      const window = parent();
      const r = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0];
    },
    saveFile: async (suggestedName) => {
      const options = { title: 'Save as', defaultPath: suggestedName };
      const window = parent();
      const r = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
  };
}
