/** The recordings library: name, rows, size and time span; arrow keys move the selection. */
import type { KeyboardEvent } from 'react';
import type { RecordingSummary } from '../../electron/contract';
import { formatBytes, formatCount, formatDuration } from './format';

export interface RecordingListProps {
  recordings: RecordingSummary[];
  selectedId: number | null;
  onSelect: (id: number) => void;
}

export function RecordingList({ recordings, selectedId, onSelect }: RecordingListProps) {
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const index = recordings.findIndex((r) => r.id === selectedId);
    const next = recordings[Math.min(recordings.length - 1, Math.max(0, index + step))];
    if (next) onSelect(next.id);
  };
  return (
    <ul
      className="recording-list"
      role="listbox"
      aria-label="Recordings"
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="recording-list"
    >
      {recordings.map((r) => (
        <li
          key={r.id}
          role="option"
          aria-selected={r.id === selectedId}
          className="recording-item"
          data-testid={`recording-item-${r.id}`}
          onClick={() => onSelect(r.id)}
        >
          <span className="recording-name">{r.name}</span>
          <span className="recording-meta">
            {formatCount(r.rowCount)} events · {formatBytes(r.sourceBytes)}
            {r.minTs !== null && r.maxTs !== null && ` · ${formatDuration(r.maxTs - r.minTs)}`}
          </span>
        </li>
      ))}
    </ul>
  );
}
