/** Inspector, JSON view and problem navigation commands, for menus, shortcuts and the palette. */
import type { Action } from '../../actions/registry';
import { useDocumentStore } from '../../state/document-store';
import { useUiStore } from '../../state/ui-store';
import { useValidationStore } from '../../state/validation-store';
import { useInspectorTab } from '../inspector/inspector-tab';
import { revealDiagnostic } from './reveal';

const hasDocument = (): boolean => useDocumentStore.getState().document !== null;

/** Walks the problems in the Problems order (errors first), wrapping around. */
let cursor = -1;

function goToProblem(step: 1 | -1): void {
  const list = [...useValidationStore.getState().diagnostics].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  if (list.length === 0) return;
  cursor = (((cursor + step) % list.length) + list.length) % list.length;
  revealDiagnostic(list[cursor]);
}

export function createEditorActions(): Action[] {
  const showInspector = (tab: 'properties' | 'json'): void => {
    useUiStore.getState().setPanelOpen('inspector', true);
    useInspectorTab.getState().show(tab);
  };
  return [
    {
      id: 'designer.showJson',
      label: 'Show Pattern as JSON',
      category: 'View',
      keywords: ['json', 'source', 'text'],
      enabled: hasDocument,
      run: () => showInspector('json'),
    },
    {
      id: 'designer.showProperties',
      label: 'Show Properties',
      category: 'View',
      keywords: ['inspector', 'settings'],
      enabled: hasDocument,
      run: () => showInspector('properties'),
    },
    {
      id: 'designer.patternSettings',
      label: 'Pattern Settings',
      category: 'View',
      keywords: ['within', 'skip', 'schema', 'partition'],
      enabled: hasDocument,
      run: () => {
        useDocumentStore.getState().select({});
        showInspector('properties');
      },
    },
    {
      id: 'designer.nextProblem',
      label: 'Go to Next Problem',
      category: 'View',
      shortcuts: ['F8'],
      enabled: () => hasDocument() && useValidationStore.getState().diagnostics.length > 0,
      run: () => goToProblem(1),
    },
    {
      id: 'designer.previousProblem',
      label: 'Go to Previous Problem',
      category: 'View',
      shortcuts: ['Shift+F8'],
      enabled: () => hasDocument() && useValidationStore.getState().diagnostics.length > 0,
      run: () => goToProblem(-1),
    },
  ];
}
