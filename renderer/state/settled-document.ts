/**
 * Typing in the inspector, and the views that need not follow each key. While the user types (a
 * condition editor, a stage's name), the canvas, the inspector around the field, validation and the
 * other panels are told of the document's changes only when typing pauses (SETTLE_MS without a
 * key), as an IDE computes diagnostics after a pause: per key, the page then does the field's own
 * work, not a React render, layout and paint of views that show the same thing a few keys later.
 *
 * A condition editor goes further: its keys are not even written to the store per key. They wait
 * in a typing writer (registerTypingWriter) that writes them when typing pauses, before the views
 * are told, and at the latest MAX_UNWRITTEN_MS after the first unwritten key while typing goes on
 * (the draft a crash would restore is never further behind than that). Anything that acts on the
 * document or leaves the page writes them first: the editor losing focus, a pointer press anywhere,
 * a shortcut chord (flushPendingEdits), beforeunload / pagehide (the editor's own flush).
 *
 * Nothing reads stale data: a view that renders for any reason reads the store as it is now; only
 * the re-render itself waits. `useTypingHeld` tells the few labels that must not show a stale
 * verdict meanwhile (the inspector's badge says "checking…").
 */
import { create, useStore, type StoreApi } from 'zustand';
import { type DocumentState, useDocumentStore } from './document-store';
import { registerPendingEdits } from './pending-edits';

/** Long enough to span the gap between a typist's keys, short enough to feel live. */
export const SETTLE_MS = 250;
/** While typing goes on without a pause, the keys still reach the store (and the draft) this often. */
export const MAX_UNWRITTEN_MS = 1000;

/** The pause, unless localStorage `cepheus.typingPauseMs` sets another (tests that must not race it). */
function typingPauseMs(): number {
  try {
    const own = Number(globalThis.localStorage?.getItem('cepheus.typingPauseMs'));
    return Number.isFinite(own) && own > 0 ? own : SETTLE_MS;
  } catch {
    return SETTLE_MS;
  }
}

let pauseMs = SETTLE_MS;
let typing: ReturnType<typeof setTimeout> | null = null;
let writeDue: ReturnType<typeof setTimeout> | null = null;
const waiting = new Set<() => void>();
const writers = new Set<() => void>();

/** True from the first key of a burst until typing pauses: the document's views are behind. */
export const useTypingHeld = create<{ held: boolean }>()(() => ({ held: false }));

/** Writes what the typing writers hold, views still held. */
function writeTyped(): void {
  if (writeDue !== null) clearTimeout(writeDue);
  writeDue = null;
  for (const write of [...writers]) write();
}

/**
 * Registers a field's pending keys (a condition editor's): `write` stores them if any are pending;
 * it is called when typing pauses, before the views are told, and every MAX_UNWRITTEN_MS meanwhile.
 */
export function registerTypingWriter(write: () => void): () => void {
  writers.add(write);
  return () => {
    writers.delete(write);
  };
}

/** When the last key was taken (Date.now()). */
let lastKeyAt = 0;

/** The pause timer: views settle once no key came for pauseMs, else it waits out the rest. */
function pauseCheck(): void {
  const left = lastKeyAt + pauseMs - Date.now();
  if (left > 0) typing = setTimeout(pauseCheck, left);
  else settleDocumentViews();
}

/**
 * Views told of store changes only when typing pauses; called for each key a field takes. A key
 * only notes its time: one timer per pause, not one cleared and set again per key.
 */
export function noteTyping(): void {
  lastKeyAt = Date.now();
  if (typing === null) {
    pauseMs = typingPauseMs();
    useTypingHeld.setState({ held: true });
    typing = setTimeout(pauseCheck, pauseMs);
  }
  writeDue ??= setTimeout(writeTyped, Math.max(MAX_UNWRITTEN_MS, 4 * pauseMs));
}

/** Ends the typing pause now: pending keys are written, then every view waiting is told. */
export function settleDocumentViews(): void {
  writeTyped();
  if (typing !== null) clearTimeout(typing);
  const wasHeld = typing !== null;
  typing = null;
  const listeners = [...waiting];
  waiting.clear();
  for (const listener of listeners) listener();
  if (wasHeld) useTypingHeld.setState({ held: false });
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
