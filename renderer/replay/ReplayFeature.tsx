/**
 * Mounted once by the shell: registers the replay commands, follows `replay.progress` (the
 * whole-recording analysis feeding the timeline and near misses), remembers the first-run sample's
 * recording for its pattern, and closes the session when another pattern is opened.
 */
import { useEffect } from 'react';
import { appRegistry } from '../actions/app-registry';
import { useApi } from '../components/api-context';
import { useDocumentStore } from '../state/document-store';
import { useLibraryStore } from '../state/library-store';
import { useReplayStore } from '../state/replay-store';
import { useUiStore } from '../state/ui-store';
import { createReplayActions } from './replay-actions';

/** Rows the replay panel needs to be readable; a smaller bottom panel grows once when a session opens. */
const REPLAY_MIN_HEIGHT = 400;

export function ReplayFeature() {
  const api = useApi();
  const patternId = useDocumentStore((s) => s.patternId) ?? null;
  const openId = useLibraryStore((s) => s.openId);
  const welcome = useLibraryStore((s) => s.appInfo?.welcome ?? null);
  const sessionId = useReplayStore((s) => s.session?.sessionId ?? null);
  const current = patternId ?? openId;

  useEffect(() => appRegistry.register(...createReplayActions(api)), [api]);

  useEffect(
    () =>
      api.on('replay.progress', (p) => {
        const store = useReplayStore.getState();
        store.onProgress(p.sessionId, p.phase, p.done, p.total);
        if (p.phase === 'analysis' && p.done >= p.total) void store.refreshAnalysis(api);
      }),
    [api],
  );

  useEffect(() => {
    if (welcome && useReplayStore.getState().recordingByPattern[welcome.patternId] === undefined) {
      useReplayStore.getState().chooseRecording(welcome.patternId, welcome.recordingId);
    }
  }, [welcome]);

  useEffect(() => {
    const store = useReplayStore.getState();
    if (store.patternId !== null && store.patternId !== current) void store.close(api);
  }, [api, current]);

  useEffect(() => {
    if (!sessionId) return;
    const ui = useUiStore.getState();
    if (ui.bottomHeight < REPLAY_MIN_HEIGHT) ui.setPanelSize('bottom', REPLAY_MIN_HEIGHT);
    // The analysis may finish before the first push arrives; poll until the timeline is complete.
    const timer = setInterval(() => {
      const s = useReplayStore.getState();
      if (s.session?.sessionId !== sessionId) return;
      if (s.timeline?.complete && s.nearMisses?.complete) clearInterval(timer);
      else void s.refreshAnalysis(api);
    }, 1500);
    return () => clearInterval(timer);
  }, [api, sessionId]);

  return null;
}
