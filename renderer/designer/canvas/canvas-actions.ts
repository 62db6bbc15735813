/**
 * The designer canvas' commands in the action registry, so menus, shortcuts and the command palette
 * share them. Clipboard, delete and undo defer to text fields and Monaco while one has focus.
 */
import type { Action } from '../../actions/registry';
import { redo, undo, useDocumentStore } from '../../state/document-store';
import { useCanvasSession } from './canvas-bridge';
import {
  addNodeAt,
  copySelection,
  cutSelection,
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

const onCanvas =
  (extra: () => boolean = () => true) =>
  () =>
    hasDocument() && !typingInText() && extra();

export function createCanvasActions(): Action[] {
  const history = () => useDocumentStore.temporal.getState();
  return [
    {
      id: 'edit.undo',
      label: 'Undo',
      category: 'Edit',
      shortcut: 'Mod+Z',
      enabled: onCanvas(() => history().pastStates.length > 0),
      run: undo,
    },
    {
      id: 'edit.redo',
      label: 'Redo',
      category: 'Edit',
      shortcut: 'Mod+Shift+Z',
      enabled: onCanvas(() => history().futureStates.length > 0),
      run: redo,
    },
    {
      id: 'edit.redoAlt',
      label: 'Redo (alternative)',
      category: 'Edit',
      shortcut: 'Mod+Y',
      enabled: onCanvas(() => history().futureStates.length > 0),
      run: redo,
    },
    {
      id: 'edit.copy',
      label: 'Copy stages',
      category: 'Edit',
      shortcut: 'Mod+C',
      enabled: onCanvas(hasSelection),
      run: () => void copySelection(),
    },
    {
      id: 'edit.cut',
      label: 'Cut stages',
      category: 'Edit',
      shortcut: 'Mod+X',
      enabled: onCanvas(hasSelection),
      run: cutSelection,
    },
    {
      id: 'edit.paste',
      label: 'Paste stages',
      category: 'Edit',
      shortcut: 'Mod+V',
      enabled: onCanvas(),
      run: paste,
    },
    {
      id: 'edit.duplicate',
      label: 'Duplicate stages',
      category: 'Edit',
      shortcut: 'Mod+D',
      enabled: onCanvas(hasSelection),
      run: duplicateSelection,
    },
    {
      id: 'edit.delete',
      label: 'Delete selection',
      category: 'Edit',
      shortcut: 'Delete',
      keywords: ['remove'],
      enabled: onCanvas(hasSelection),
      run: deleteSelection,
    },
    {
      id: 'edit.deleteBackspace',
      label: 'Delete selection (Backspace)',
      category: 'Edit',
      shortcut: 'Backspace',
      enabled: onCanvas(hasSelection),
      run: deleteSelection,
    },
    {
      id: 'edit.selectAll',
      label: 'Select all stages',
      category: 'Edit',
      shortcut: 'Mod+A',
      enabled: onCanvas(),
      run: selectAll,
    },
    {
      id: 'pattern.addStage',
      label: 'Add stage',
      category: 'Pattern',
      shortcut: 'Shift+S',
      keywords: ['node', 'step'],
      enabled: hasDocument,
      run: () => addNodeAt('stage'),
    },
    {
      id: 'pattern.addGroup',
      label: 'Add group',
      category: 'Pattern',
      shortcut: 'Shift+G',
      keywords: ['loop', 'repeat', 'nest'],
      enabled: hasDocument,
      run: () => addNodeAt('group'),
    },
    {
      id: 'view.autoLayout',
      label: 'Auto-layout stages',
      category: 'View',
      shortcut: 'Shift+L',
      keywords: ['arrange', 'tidy', 'elk'],
      enabled: hasDocument,
      run: runAutoLayout,
    },
    {
      id: 'view.fitView',
      label: 'Fit pattern to view',
      category: 'View',
      shortcut: 'Shift+F',
      keywords: ['zoom', 'center', 'fit'],
      enabled: hasDocument,
      run: fitView,
    },
    {
      id: 'pattern.history',
      label: 'Version history',
      category: 'Pattern',
      shortcut: 'Mod+Shift+H',
      keywords: ['versions', 'diff', 'restore', 'compare'],
      enabled: hasDocument,
      run: () => useCanvasSession.getState().setHistoryOpen(true),
    },
  ];
}
