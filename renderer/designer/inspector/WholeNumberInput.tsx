/**
 * A whole-number input that keeps what the user types (even half-typed or wrong) and commits only
 * valid values; a wrong value shows its message inline instead of being silently replaced.
 */
import { useState } from 'react';

interface WholeNumberInputProps {
  id?: string;
  value: number | undefined;
  min: number;
  onCommit: (value: number) => void;
  onError?: (error: string | null) => void;
  testId?: string;
  ariaLabel?: string;
}

export function parseWholeNumber(
  text: string,
  min: number,
): { ok: true; value: number } | { ok: false; error: string } {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return { ok: false, error: `Enter a whole number ≥ ${min}` };
  const value = Number(t);
  if (!Number.isSafeInteger(value)) return { ok: false, error: 'Too large' };
  if (value < min) return { ok: false, error: `Must be at least ${min}` };
  return { ok: true, value };
}

export function WholeNumberInput({
  id,
  value,
  min,
  onCommit,
  onError,
  testId,
  ariaLabel,
}: WholeNumberInputProps) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const [seen, setSeen] = useState(value);
  // An outside change (undo, JSON view) replaces the draft (adjusting state while rendering, as React advises).
  if (seen !== value) {
    setSeen(value);
    setText(value === undefined ? '' : String(value));
  }
  return (
    <input
      id={id}
      className="insp-input insp-number"
      inputMode="numeric"
      value={text}
      data-testid={testId}
      aria-label={ariaLabel}
      onChange={(e) => {
        setText(e.target.value);
        const parsed = parseWholeNumber(e.target.value, min);
        onError?.(parsed.ok ? null : parsed.error);
        if (parsed.ok && parsed.value !== value) onCommit(parsed.value);
      }}
      onBlur={() => {
        if (!parseWholeNumber(text, min).ok) {
          setText(value === undefined ? '' : String(value));
          onError?.(null);
        }
      }}
    />
  );
}
