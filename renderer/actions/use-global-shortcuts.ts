import { useEffect } from 'react';
import { appRegistry } from './app-registry';
import { flushPendingEdits } from '../state/pending-edits';
import { isMacPlatform } from './shortcut';

/**
 * Routes key presses to actions. Plain keys are left to text fields and Monaco; chords with a
 * modifier work everywhere, as in other desktop editors.
 */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    const isMac = isMacPlatform();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const hasModifier = event.ctrlKey || event.metaKey || event.altKey;
      // A chord acts on the document: keys typed in a condition a moment ago must be in it first.
      if (hasModifier) flushPendingEdits();
      if (!hasModifier && isTextTarget(event.target)) return;
      const action = appRegistry.findByKey(event, isMac);
      if (!action) return;
      event.preventDefault();
      event.stopPropagation();
      void appRegistry.run(action.id);
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);
}

function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.tagName === 'INPUT' ||
    target.tagName === 'TEXTAREA' ||
    target.closest('.monaco-editor') !== null
  );
}
