/**
 * The designer canvas' commands in the action registry, so menus, shortcuts and the command palette
 * share them. Clipboard, delete and undo defer to text fields and Monaco while one has focus.
 */
import type { Action } from '../../actions/registry';
import { redo, undo, useDocumentStore } from '../../state/document-store';
import { activeSaver } from '../library/save-controller';
import { useCanvasSession } from './canvas-bridge';
import {
  addNodeAt,
  addStageAfterSelection,
  copySelection,
  cutSelection,
  deleteAndReconnectSelection,
  deleteSelection,
  duplicateSelection,
  fitView,
  paste,
  runAutoLayout,
  selectAll,
} from './canvas-commands';

const hasDocument = () => useDocumentStore.getState().document !== null;
const hasSelection = () => {
  const { nodeIds, edgeIds } = useDocumentStore.getState().selection;
  return nodeIds.length + edgeIds.length > 0;
};

/** True while a text input, text area or Monaco editor has focus: its own clipboard and undo win. */
export function typingInText(): boolean {
  const el = document.activeElement;
  if (!(el instanceof HTMLElement)) return false;
  return (
    el.isContentEditable ||
    el.tagName === 'INPUT' ||
    el.tagName === 'TEXTAREA' ||
    el.tagName === 'SELECT' ||
    el.closest('.monaco-editor') !== null
  );
}

/** Plain keys and the clipboard chords belong to a text field or Monaco while one has focus. */
const keysOnCanvas = (): boolean => !typingInText();
const withDocument =
  (extra: () => boolean = () => true) =>
  () =>
    hasDocument() && extra();

export function createCanvasActions(): Action[] {
  const history = () => useDocumentStore.temporal.getState();
  return [
    {
      id: 'edit.undo',
      label: 'Undo',
      category: 'Edit',
      shortcuts: ['Mod+Z'],
      enabled: withDocument(() => history().pastStates.length > 0),
      keysActive: keysOnCanvas,
      run: undo,
    },
    {
      id: 'edit.redo',
      label: 'Redo',
      category: 'Edit',
      shortcuts: ['Mod+Shift+Z', 'Mod+Y'],
      enabled: withDocument(() => history().futureStates.length > 0),
      keysActive: keysOnCanvas,
      run: redo,
    },
    {
      id: 'edit.copy',
      label: 'Copy stages',
      category: 'Edit',
      shortcuts: ['Mod+C'],
      enabled: withDocument(hasSelection),
      keysActive: keysOnCanvas,
      run: () => void copySelection(),
    },
    {
      id: 'edit.cut',
      label: 'Cut stages',
      category: 'Edit',
      shortcuts: ['Mod+X'],
      enabled: withDocument(hasSelection),
      keysActive: keysOnCanvas,
      run: cutSelection,
    },
    {
      id: 'edit.paste',
      label: 'Paste stages',
      category: 'Edit',
      shortcuts: ['Mod+V'],
      enabled: withDocument(),
      keysActive: keysOnCanvas,
      run: paste,
    },
    {
      id: 'edit.duplicate',
      label: 'Duplicate stages',
      category: 'Edit',
      shortcuts: ['Mod+D'],
      enabled: withDocument(hasSelection),
      keysActive: keysOnCanvas,
      run: duplicateSelection,
    },
    {
      id: 'edit.delete',
      label: 'Delete selection',
      category: 'Edit',
      shortcuts: ['Delete', 'Backspace'],
      keywords: ['remove'],
      enabled: withDocument(hasSelection),
      keysActive: keysOnCanvas,
      run: deleteSelection,
    },
    {
      id: 'edit.deleteReconnect',
      label: 'Delete and reconnect',
      category: 'Edit',
      shortcuts: ['Shift+Delete', 'Shift+Backspace'],
      keywords: ['remove', 'heal', 'join', 'bridge', 'splice'],
      enabled: withDocument(() => useDocumentStore.getState().selection.nodeIds.length > 0),
      keysActive: keysOnCanvas,
      run: deleteAndReconnectSelection,
    },
    {
      id: 'edit.selectAll',
      label: 'Select all stages',
      category: 'Edit',
      shortcuts: ['Mod+A'],
      enabled: withDocument(),
      keysActive: keysOnCanvas,
      run: selectAll,
    },
    {
      id: 'pattern.addStage',
      label: 'Add stage',
      category: 'Pattern',
      shortcuts: ['Shift+S'],
      keywords: ['node', 'step'],
      enabled: hasDocument,
      run: () => addNodeAt('stage'),
    },
    {
      id: 'pattern.addStageAfter',
      label: 'Add stage after the selected one',
      category: 'Pattern',
      shortcuts: ['Shift+A'],
      keywords: ['append', 'insert', 'next', 'chain'],
      enabled: withDocument(() => useDocumentStore.getState().selection.nodeIds.length > 0),
      run: addStageAfterSelection,
    },
    {
      id: 'pattern.connect',
      label: 'Connect selected stage to…',
      category: 'Pattern',
      shortcuts: ['Shift+C'],
      keywords: ['edge', 'link', 'contiguity', 'keyboard'],
      enabled: withDocument(() => useDocumentStore.getState().selection.nodeIds.length === 1),
      run: () => useCanvasSession.getState().setConnectFrom(useDocumentStore.getState().selection.nodeIds[0]),
    },
    {
      id: 'pattern.addGroup',
      label: 'Add group',
      category: 'Pattern',
      shortcuts: ['Shift+G'],
      keywords: ['loop', 'repeat', 'nest'],
      enabled: hasDocument,
      run: () => addNodeAt('group'),
    },
    {
      id: 'view.autoLayout',
      label: 'Auto-layout stages',
      category: 'View',
      shortcuts: ['Shift+L'],
      keywords: ['arrange', 'tidy', 'elk'],
      enabled: hasDocument,
      run: runAutoLayout,
    },
    {
      id: 'view.fitView',
      label: 'Fit pattern to view',
      category: 'View',
      shortcuts: ['Shift+F'],
      keywords: ['zoom', 'center', 'fit'],
      enabled: hasDocument,
      run: fitView,
    },
    {
      id: 'pattern.save',
      label: 'Save version',
      category: 'Pattern',
      shortcuts: ['Mod+S'],
      keywords: ['version', 'commit', 'snapshot', 'store'],
      enabled: hasDocument,
      run: async () => {
        await activeSaver()?.saveVersion();
      },
    },
    {
      id: 'pattern.saveLabelled',
      label: 'Save version with label…',
      category: 'Pattern',
      shortcuts: ['Mod+Alt+S'],
      keywords: ['version', 'name', 'tag', 'message'],
      enabled: hasDocument,
      run: () => useCanvasSession.getState().setHistoryOpen(true, true),
    },
    {
      id: 'pattern.history',
      label: 'Version history',
      category: 'Pattern',
      shortcuts: ['Mod+Shift+H'],
      keywords: ['versions', 'diff', 'restore', 'compare'],
      enabled: hasDocument,
      run: () => useCanvasSession.getState().setHistoryOpen(!useCanvasSession.getState().historyOpen),
    },
  ];
}
