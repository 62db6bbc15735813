/** Display formatting for recordings: sizes, counts, times and time ranges. */
import { isoText } from '../../engine/debug/time-text';

const number = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return number.format(n);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/**
 * ISO-8601 in UTC, milliseconds only when not zero: 2026-03-02T09:00:05Z, 2026-03-02T09:00:05.120Z. The
 * debugger's explanations write times the same way (engine/debug/time-text), so one time reads alike
 * in every panel.
 */
export function formatTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  return isoText(ms);
}

/** A duration rounded to what the reader needs: "250 ms", "4.5 s", "11 min 2 s", "2 h 5 min", "1.5 d". */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  const sign = ms < 0 ? '-' : '';
  if (abs < 1000) return `${sign}${Math.round(abs)} ms`;
  if (abs < 59_950) return `${sign}${(abs / 1000).toFixed(abs < 9_950 ? 1 : 0).replace(/\.0$/, '')} s`;
  // Round the whole first, then split, so 2:59:59.9 reads "3 h", never "2 h 60 min".
  if (abs < 3_599_500) {
    const secs = Math.round(abs / 1000);
    const rest = secs % 60;
    return `${sign}${Math.floor(secs / 60)} min${rest ? ` ${rest} s` : ''}`;
  }
  if (abs < 86_370_000) {
    const mins = Math.round(abs / 60_000);
    const rest = mins % 60;
    return `${sign}${Math.floor(mins / 60)} h${rest ? ` ${rest} min` : ''}`;
  }
  return `${sign}${(abs / 86_400_000).toFixed(1).replace(/\.0$/, '')} d`;
}

export function formatRange(min: number | null, max: number | null): string {
  if (min === null || max === null) return 'no events';
  return `${formatTime(min)} → ${formatTime(max)} (${formatDuration(max - min)})`;
}

/** A payload value as one table cell. */
export function formatCell(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Reads a dotted field ("user.id") from a payload. */
export function fieldOf(payload: Record<string, unknown>, field: string): unknown {
  if (field in payload) return payload[field];
  let value: unknown = payload;
  for (const part of field.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
