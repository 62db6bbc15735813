/**
 * Keyboard stepping keeps working after a click on a replay control (a side tab, the Go box, the
 * speed list), as in DevTools: the click does its job, then focus goes back to the replay panel,
 * where ← → step. Keyboard users (Tab, Enter) keep focus where they put it.
 */
import type { MouseEvent } from 'react';

export const REPLAY_FOCUS_ID = 'replay-session';

export function returnFocusToReplay(): void {
  document.getElementById(REPLAY_FOCUS_ID)?.focus({ preventScroll: true });
}

/** A click made with a pointer (not Enter or Space on a focused control, which report detail 0). */
export function byPointer(e: MouseEvent): boolean {
  return e.detail > 0;
}
