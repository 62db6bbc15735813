/** Chooses the recording the open pattern replays, with import/browse shortcuts, and starts the session. */
import { useRecordingsStore } from '../state/recordings-store';
import { useReplayStore } from '../state/replay-store';
import { formatCount, formatDuration } from '../recordings/format';

export interface RecordingPickerProps {
  patternId: string;
  onStart: (recordingId: number) => void;
  compact?: boolean;
  /** While a session is open: the event browser beside the replay, and whether it is open. */
  events?: { open: boolean; toggle: () => void };
}

export function RecordingPicker({ patternId, onStart, compact = false, events }: RecordingPickerProps) {
  const recordings = useRecordingsStore((s) => s.recordings);
  const chosen = useReplayStore((s) => s.recordingByPattern[patternId] ?? null);
  const choose = (pattern: string, id: number | null) =>
    useReplayStore.getState().chooseRecording(pattern, id);
  const valid = recordings.some((r) => r.id === chosen) ? chosen : null;
  const current = valid ?? recordings[0]?.id ?? null;

  return (
    <div
      className={compact ? 'recording-picker is-compact' : 'recording-picker'}
      data-testid="recording-picker"
    >
      <label className="recording-picker-label">
        Recording
        <select
          className="cx-input"
          data-testid="replay-recording-select"
          value={current ?? ''}
          onChange={(e) => choose(patternId, e.target.value ? Number(e.target.value) : null)}
          disabled={recordings.length === 0}
        >
          {recordings.length === 0 && <option value="">No recordings yet</option>}
          {recordings.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name} — {formatCount(r.rowCount)} events
              {r.minTs !== null && r.maxTs !== null ? `, ${formatDuration(r.maxTs - r.minTs)}` : ''}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="btn btn-primary"
        data-testid="replay-start"
        disabled={current === null}
        onClick={() => {
          if (current === null) return;
          choose(patternId, current);
          onStart(current);
        }}
      >
        {compact ? 'Restart' : 'Start replay'}
      </button>
      <button
        type="button"
        className="btn"
        data-testid="replay-import"
        onClick={() => useRecordingsStore.getState().setImportOpen(true)}
      >
        Import…
      </button>
      {events ? (
        <button
          type="button"
          className="btn"
          aria-pressed={events.open}
          data-testid="replay-events-toggle"
          title="The recording's events beside the replay (click one to go there)"
          onClick={events.toggle}
        >
          {events.open ? 'Hide events' : 'Events'}
        </button>
      ) : (
        <button
          type="button"
          className="btn"
          onClick={() => useRecordingsStore.getState().openBrowser(current)}
        >
          Browse…
        </button>
      )}
    </div>
  );
}
