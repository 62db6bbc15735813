/**
 * The document store as the views that need not follow each key see it. While the user types in a
 * condition editor, each key is still written to the store at once (undo, the draft, autosave), but
 * the canvas, the inspector around the editor, validation and the other panels are told only when
 * typing pauses (SETTLE_MS without a key), as an IDE computes diagnostics after a pause: per key, the
 * page then does Monaco's work and the store write, not a React render, layout and paint of views
 * that show the same thing a few keys later.
 *
 * Nothing reads stale data: a view that renders for any reason reads the store as it is now; only
 * the re-render itself waits. Anything that could act on what a view shows settles it first: the
 * editor losing focus, a pointer press anywhere, a shortcut chord (flushPendingEdits).
 */
import { useStore, type StoreApi } from 'zustand';
import { type DocumentState, useDocumentStore } from './document-store';
import { registerPendingEdits } from './pending-edits';

/** Long enough to span the gap between a typist's keys, short enough to feel live. */
export const SETTLE_MS = 250;

let typing: ReturnType<typeof setTimeout> | null = null;
const waiting = new Set<() => void>();

/** Views told of store changes only when typing pauses; called for each key a condition editor takes. */
export function noteConditionTyping(): void {
  if (typing !== null) clearTimeout(typing);
  typing = setTimeout(settleDocumentViews, SETTLE_MS);
}

/** Ends the typing pause now: every view waiting for a change made meanwhile is told of it. */
export function settleDocumentViews(): void {
  if (typing !== null) clearTimeout(typing);
  typing = null;
  const listeners = [...waiting];
  waiting.clear();
  for (const listener of listeners) listener();
}

/** True while views are held back (for tests and the bench). */
export function documentViewsHeld(): boolean {
  return typing !== null;
}

/**
 * Subscribes to the store's changes as the settled views see them. For React's useSyncExternalStore,
 * which reads the state itself: the listener gets the state at the time it is told.
 */
export function subscribeSettled(
  listener: (state: DocumentState, previous: DocumentState) => void,
): () => void {
  const tell = (): void => {
    const state = useDocumentStore.getState();
    listener(state, state);
  };
  const unsubscribe = useDocumentStore.subscribe(() => {
    if (typing === null) tell();
    else waiting.add(tell);
  });
  return () => {
    unsubscribe();
    waiting.delete(tell);
  };
}

const settledApi: StoreApi<DocumentState> = {
  getState: useDocumentStore.getState,
  getInitialState: useDocumentStore.getInitialState,
  setState: useDocumentStore.setState,
  subscribe: subscribeSettled,
};

/** `useDocumentStore(selector)` for a view that may follow typing after a pause (see above). */
export function useSettledDocumentStore<T>(selector: (state: DocumentState) => T): T {
  return useStore(settledApi, selector);
}

// A shortcut chord acts on the document: the views show what it acts on first. A pointer press
// does too (a click in the inspector or on the canvas acts on what they show).
registerPendingEdits(settleDocumentViews);
if (typeof window !== 'undefined')
  window.addEventListener('pointerdown', settleDocumentViews, { capture: true });
