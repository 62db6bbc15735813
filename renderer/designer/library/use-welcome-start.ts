/**
 * First start: once app.info() reports the seeded welcome sample, open its pattern with its
 * recording preselected for Replay and switch the hints on. The back end reports the welcome for
 * as long as it runs, so it is handled once per seeded sample (remembered in localStorage): a
 * reload later in that first session reopens the pattern last open instead (use-reopen-last).
 */
import { useEffect } from 'react';
import type { CepApi } from '../../../electron/contract';
import { useLibraryStore } from '../../state/library-store';
import { useReplayStore } from '../../state/replay-store';
import { useWelcomeHints } from './welcome-hints';

let handled = false;
const HANDLED_KEY = 'cepheus.welcome.handledPattern';

/** Whether this seeded sample's welcome already ran on an earlier page load; marks it as run. */
function alreadyWelcomed(patternId: string): boolean {
  try {
    if (localStorage.getItem(HANDLED_KEY) === patternId) return true;
    localStorage.setItem(HANDLED_KEY, patternId);
  } catch {
    // Storage blocked: welcome on every load, as a first start would.
  }
  return false;
}

export function useWelcomeStart(api: CepApi): void {
  useEffect(() => {
    const start = (): boolean => {
      const welcome = useLibraryStore.getState().appInfo?.welcome;
      if (handled || !welcome) return false;
      handled = true;
      if (alreadyWelcomed(welcome.patternId)) return true;
      useReplayStore.getState().chooseRecording(welcome.patternId, welcome.recordingId);
      useWelcomeHints.getState().activate();
      // Only when the user has not already opened something meanwhile.
      if (useLibraryStore.getState().openId === null)
        void useLibraryStore.getState().open(api, welcome.patternId);
      return true;
    };
    if (start()) return;
    return useLibraryStore.subscribe((s, prev) => {
      if (s.appInfo !== prev.appInfo) start();
    });
  }, [api]);
}
