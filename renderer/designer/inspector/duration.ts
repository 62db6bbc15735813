/**
 * Durations in the inspector: stored as whole milliseconds, edited as a number with a unit
 * (ms / s / min / h) so "5 min" is typed as 5 and min, not as 300000.
 */
export type DurationUnit = 'ms' | 's' | 'min' | 'h';

export const DURATION_UNITS: readonly { unit: DurationUnit; ms: number; label: string }[] = [
  { unit: 'ms', ms: 1, label: 'ms' },
  { unit: 's', ms: 1000, label: 's' },
  { unit: 'min', ms: 60_000, label: 'min' },
  { unit: 'h', ms: 3_600_000, label: 'h' },
];

const unitMs = (unit: DurationUnit): number => DURATION_UNITS.find((u) => u.unit === unit)?.ms ?? 1;

/** The largest unit that shows `ms` as a whole number: 300000 → 5 min, 1500 → 1500 ms. */
export function splitDuration(ms: number): { value: number; unit: DurationUnit } {
  for (let i = DURATION_UNITS.length - 1; i > 0; i--) {
    const u = DURATION_UNITS[i];
    if (ms !== 0 && ms % u.ms === 0) return { value: ms / u.ms, unit: u.unit };
  }
  return { value: ms, unit: 'ms' };
}

export type DurationParse = { ok: true; ms: number } | { ok: false; error: string };

/**
 * A typed amount in a unit → whole milliseconds ≥ min (1 by default). Fractions are fine as long as they land on a
 * whole millisecond (1.5 s = 1500 ms); anything else gets a message saying what to type instead.
 */
export function parseDuration(text: string, unit: DurationUnit, min = 1): DurationParse {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'Enter a duration' };
  if (!/^\d*\.?\d+$|^\d+\.$/.test(trimmed))
    return { ok: false, error: 'Enter a positive number, such as 5 or 1.5' };
  const exact = Number(trimmed) * unitMs(unit);
  const ms = Math.round(exact);
  if (Math.abs(ms - exact) > 1e-6) return { ok: false, error: 'Must be a whole number of milliseconds' };
  if (ms < min) return { ok: false, error: `Must be at least ${min} ms` };
  if (!Number.isSafeInteger(ms)) return { ok: false, error: 'Too long' };
  return { ok: true, ms };
}

/** Short form for summaries and badges: 300000 → "5 min", 1500 → "1.5 s", 250 → "250 ms". */
export function formatDuration(ms: number): string {
  const whole = splitDuration(ms);
  if (whole.unit !== 'ms' || ms < 1000) return `${whole.value} ${whole.unit}`;
  // Not a whole number of seconds: seconds with up to three decimals reads better than "1500 ms".
  if (ms < 60_000) return `${(ms / 1000).toString()} s`;
  return `${whole.value} ms`;
}
