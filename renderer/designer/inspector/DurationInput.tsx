/** A duration as a number plus a unit (ms / s / min / h), stored as whole milliseconds. */
import { useState } from 'react';
import { DURATION_UNITS, parseDuration, splitDuration, type DurationUnit } from './duration';

interface DurationInputProps {
  id?: string;
  ms: number;
  onCommit: (ms: number) => void;
  onError?: (error: string | null) => void;
  testId?: string;
  disabled?: boolean;
  /** Smallest accepted value in ms (1 unless zero makes sense, like out-of-orderness). */
  min?: number;
}

export function DurationInput({ id, ms, onCommit, onError, testId, disabled, min = 1 }: DurationInputProps) {
  const [draft, setDraft] = useState(() => {
    const d = splitDuration(ms);
    return { text: String(d.value), unit: d.unit };
  });
  const [seen, setSeen] = useState(ms);
  // An outside change (undo, JSON view) replaces the draft, keeping the user's unit when the value
  // still reads as a number in it (5000 ms stays "5000 ms").
  if (seen !== ms) {
    setSeen(ms);
    const parsed = parseDuration(draft.text, draft.unit, min);
    if (!parsed.ok || parsed.ms !== ms) {
      const d = splitDuration(ms);
      setDraft({ text: String(d.value), unit: d.unit });
    }
  }

  const update = (text: string, unit: DurationUnit): void => {
    setDraft({ text, unit });
    const parsed = parseDuration(text, unit, min);
    onError?.(parsed.ok ? null : parsed.error);
    if (parsed.ok && parsed.ms !== ms) onCommit(parsed.ms);
  };

  return (
    <span className="insp-duration" data-testid={testId}>
      <input
        id={id}
        className="insp-input insp-number"
        inputMode="decimal"
        value={draft.text}
        disabled={disabled}
        aria-label="Amount"
        onChange={(e) => update(e.target.value, draft.unit)}
      />
      <select
        className="insp-select insp-unit"
        value={draft.unit}
        disabled={disabled}
        aria-label="Unit"
        onChange={(e) => update(draft.text, e.target.value as DurationUnit)}
      >
        {DURATION_UNITS.map((u) => (
          <option key={u.unit} value={u.unit}>
            {u.label}
          </option>
        ))}
      </select>
    </span>
  );
}
