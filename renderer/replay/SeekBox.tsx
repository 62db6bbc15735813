/**
 * Seek by event number ("1200"; the first event is #1) or by time (ISO text such as
 * "2026-03-02T09:30"), Enter to go. A wrong entry is refused at the field; a seek gives the
 * keys back to the panel so → steps on from there.
 */
import { useState } from 'react';
import type { SeekTarget } from '../state/replay-store';
import { returnFocusToReplay } from './replay-focus';
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
        returnFocusToReplay();
      }}
    >
      <input
        className="cx-input"
        data-testid="replay-seek-input"
        aria-label="Seek to event number or time"
        aria-describedby={error ? 'replay-seek-error' : undefined}
        placeholder="Go to # or time"
        value={text}
        aria-invalid={error !== null}
        title="Event number (the first is 1) or a time, UTC unless an offset is given"
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
      />
      <button type="submit" className="btn" data-testid="replay-seek-go">
        Go
      </button>
      {error && (
        <span id="replay-seek-error" className="seek-error" role="alert" data-testid="replay-seek-error">
          {error}
        </span>
      )}
    </form>
  );
}
