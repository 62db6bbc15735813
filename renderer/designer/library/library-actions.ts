/**
 * The library's commands in the action registry, so the palette, menus and shortcuts offer them:
 * rename/duplicate/delete act on the open pattern; files and samples create new patterns.
 */
import type { CepApi } from '../../../electron/contract';
import type { Action } from '../../actions/registry';
import { useLibraryStore } from '../../state/library-store';
import { useUiStore } from '../../state/ui-store';
import { useLibraryUiStore } from './library-ui-store';
import { duplicatePattern, saveOpenAsFile } from './pattern-ops';

function openSummary() {
  const { openId, patterns } = useLibraryStore.getState();
  return patterns.find((p) => p.id === openId) ?? null;
}

export function createLibraryActions(api: CepApi): Action[] {
  const hasOpen = () => openSummary() !== null;
  const ui = () => useLibraryUiStore.getState();
  return [
    {
      id: 'pattern.rename',
      label: 'Rename pattern…',
      category: 'Pattern',
      shortcuts: ['F2'],
      keywords: ['name', 'title'],
      enabled: hasOpen,
      run: () => {
        const open = openSummary();
        if (!open) return;
        // The inline field lives in the sidebar: show it first.
        useUiStore.getState().setPanelOpen('sidebar', true);
        ui().startRename(open.id);
      },
    },
    {
      id: 'pattern.duplicate',
      label: 'Duplicate pattern',
      category: 'Pattern',
      keywords: ['copy', 'clone'],
      enabled: hasOpen,
      run: () => {
        const open = openSummary();
        return open ? duplicatePattern(api, open.id) : undefined;
      },
    },
    {
      id: 'pattern.delete',
      label: 'Delete pattern…',
      category: 'Pattern',
      keywords: ['remove', 'trash'],
      enabled: hasOpen,
      run: () => {
        const open = openSummary();
        if (open) ui().askDelete({ id: open.id, name: open.name });
      },
    },
    {
      id: 'file.openPatternFile',
      label: 'Open file…',
      category: 'File',
      shortcuts: ['Mod+O'],
      keywords: ['import', 'load', 'cep.json', 'pattern'],
      run: () => ui().requestFilePick(),
    },
    {
      id: 'file.savePatternFile',
      label: 'Save as file…',
      category: 'File',
      shortcuts: ['Mod+Shift+S'],
      keywords: ['export', 'download', 'cep.json', 'pattern'],
      enabled: hasOpen,
      run: saveOpenAsFile,
    },
    {
      id: 'pattern.openSampleGallery',
      label: 'Open sample gallery…',
      category: 'Pattern',
      keywords: ['samples', 'examples', 'gallery', 'template'],
      run: () => ui().setGalleryOpen(true),
    },
  ];
}
