/** The recordings browser: library on the left; the chosen recording's facts, schema and events on the right. */
import { useMemo, useState } from 'react';
import { useApi } from '../components/api-context';
import { recordingById, useRecordingsStore } from '../state/recordings-store';
import { EventTable } from './EventTable';
import { parseFilter } from './filter-parse';
import { Modal } from './Modal';
import { RecordingHeader } from './RecordingHeader';
import { RecordingList } from './RecordingList';
import { SchemaTable } from './SchemaTable';
import { useDebounced } from './use-debounced';
import './recordings.css';

export function RecordingsBrowser() {
  const api = useApi();
  const recordings = useRecordingsStore((s) => s.recordings);
  const selectedId = useRecordingsStore((s) => s.selectedId);
  const status = useRecordingsStore((s) => s.status);
  const error = useRecordingsStore((s) => s.error);
  const recording = recordingById({ recordings }, selectedId);
  const [filterText, setFilterText] = useState('');
  const settledText = useDebounced(filterText, 250);
  const filter = useMemo(() => parseFilter(settledText), [settledText]);
  const store = useRecordingsStore.getState;

  return (
    <Modal title="Recordings" testId="recordings-browser" size="lg" onClose={() => store().closeBrowser()}>
      <div className="recordings-browser">
        <aside className="recordings-side">
          <button
            type="button"
            className="btn btn-primary"
            data-testid="recordings-import"
            onClick={() => store().setImportOpen(true)}
          >
            Import…
          </button>
          {status === 'error' && <p className="notice notice-error">{error?.message}</p>}
          {recordings.length === 0 && status === 'ready' && (
            <p className="text-muted">No recordings yet. Import a CSV or JSON Lines file.</p>
          )}
          <RecordingList
            recordings={recordings}
            selectedId={selectedId}
            onSelect={(id) => store().select(id)}
          />
        </aside>
        {recording && (
          <section className="recordings-main" key={recording.id}>
            <RecordingHeader api={api} recording={recording} />
            <details className="recording-schema">
              <summary>Schema ({recording.schema.length} fields)</summary>
              <SchemaTable
                fields={recording.schema}
                timestampField={recording.timestampField}
                keyField={recording.keyField}
              />
            </details>
            <input
              className="cx-input event-filter"
              data-testid="event-filter"
              aria-label="Filter events"
              placeholder="Filter: amount > 10000, type == 'transfer' && amount < 1, field=value or text"
              value={filterText}
              onChange={(e) => setFilterText(e.target.value)}
            />
            <EventTable
              api={api}
              recordingId={recording.id}
              schema={recording.schema}
              filter={filter}
              keyField={recording.keyField}
            />
          </section>
        )}
      </div>
    </Modal>
  );
}
