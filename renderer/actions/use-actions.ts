import { useSyncExternalStore } from 'react';
import { appRegistry } from './app-registry';
import type { Action } from './registry';

let version = 0;
let snapshot: Action[] = [];
let snapshotVersion = -1;
appRegistry.subscribe(() => {
  version += 1;
});

function getSnapshot(): Action[] {
  // useSyncExternalStore needs a stable value between changes, so rebuild only after a change.
  if (snapshotVersion !== version) {
    snapshot = appRegistry.list();
    snapshotVersion = version;
  }
  return snapshot;
}

/** All registered actions; re-renders when actions are added or removed. */
export function useActions(): Action[] {
  return useSyncExternalStore((cb) => appRegistry.subscribe(cb), getSnapshot);
}
