/**
 * Mounted once by the shell: keeps the recordings list current (initial load + `recordings.changed`
 * pushes), registers the recordings commands, and hosts the browser and import dialogs.
 */
import { useEffect } from 'react';
import { appRegistry } from '../actions/app-registry';
import { useApi } from '../components/api-context';
import { useRecordingsStore } from '../state/recordings-store';
import { ImportDialog } from './ImportDialog';
import { createRecordingActions } from './recording-actions';
import { RecordingsBrowser } from './RecordingsBrowser';

export function RecordingsFeature() {
  const api = useApi();
  const browserOpen = useRecordingsStore((s) => s.browserOpen);
  const importOpen = useRecordingsStore((s) => s.importOpen);

  useEffect(() => appRegistry.register(...createRecordingActions()), []);
  useEffect(() => {
    void useRecordingsStore.getState().refresh(api);
    return api.on('recordings.changed', () => void useRecordingsStore.getState().refresh(api));
  }, [api]);

  return (
    <>
      {browserOpen && <RecordingsBrowser />}
      {importOpen && <ImportDialog onImported={(id) => useRecordingsStore.getState().select(id)} />}
    </>
  );
}
