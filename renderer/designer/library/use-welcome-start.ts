/**
 * First start: once app.info() reports the seeded welcome sample, open its pattern with its
 * recording preselected for Replay and switch the hints on. Runs once per page load.
 */
import { useEffect } from 'react';
import type { CepApi } from '../../../electron/contract';
import { useLibraryStore } from '../../state/library-store';
import { useReplayStore } from '../../state/replay-store';
import { useWelcomeHints } from './welcome-hints';

let handled = false;

export function useWelcomeStart(api: CepApi): void {
  useEffect(() => {
    const start = (): boolean => {
      const welcome = useLibraryStore.getState().appInfo?.welcome;
      if (handled || !welcome) return false;
      handled = true;
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
