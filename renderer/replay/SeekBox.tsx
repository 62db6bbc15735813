/** Seek by event number ("1200") or by time (ISO text such as "2026-03-02T09:30"), Enter to go. */
import { useState } from 'react';
import type { SeekTarget } from '../state/replay-store';
import { parseSeek } from './seek-parse';

export function SeekBox({ onSeek }: { onSeek: (target: SeekTarget) => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="seek-box"
      onSubmit={(e) => {
        e.preventDefault();
        const target = parseSeek(text);
        if (typeof target === 'string') return setError(target);
        setError(null);
        onSeek(target);
      }}
    >
      <input
        className="cx-input"
        data-testid="replay-seek-input"
        aria-label="Seek to event number or time"
        placeholder="Go to # or time"
        value={text}
        aria-invalid={error !== null}
        title={error ?? 'Event number (from 0) or a time, UTC unless given'}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="btn" data-testid="replay-seek-go">
        Go
      </button>
    </form>
  );
}
