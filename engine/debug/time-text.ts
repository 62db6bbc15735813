/**
 * Times and durations in the debugger's words: a time appears as the recording writes it (ISO-8601
 * text, epoch milliseconds or epoch seconds), a duration as "11 min 2 s". Pure formatting of given
 * values (no clock).
 */
import type { TimeFormat } from '../runtime/event-time';

export interface TimeText {
  /** A point in time, in the recording's own format. */
  readonly at: (ms: number) => string;
  /** A length of time: "250 ms", "1.5 s", "11 min 2 s", "2 h 5 min". */
  readonly span: (ms: number) => string;
}

/** ISO-8601 in UTC without zero milliseconds: 2026-03-02T09:10:05Z. */
export function isoText(ms: number): string {
  if (!Number.isFinite(ms)) return ms > 0 ? '+∞' : '−∞';
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, 19)}Z` : iso;
}

function trimNumber(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

export function spanText(ms: number): string {
  if (!Number.isFinite(ms)) return ms > 0 ? '∞' : '−∞';
  const sign = ms < 0 ? '−' : '';
  let rest = Math.abs(ms);
  if (rest < 1000) return `${sign}${trimNumber(rest)} ms`;
  const parts: string[] = [];
  const units: [number, string][] = [
    [86_400_000, 'd'],
    [3_600_000, 'h'],
    [60_000, 'min'],
  ];
  for (const [size, name] of units) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)} ${name}`);
      rest %= size;
    }
  }
  if (rest > 0) parts.push(`${trimNumber(rest / 1000)} s`);
  return sign + parts.join(' ');
}

/** Times as a recording in `format` writes them (processing time: the recorded time, shown as ISO). */
export function timeTextFor(format: TimeFormat | null): TimeText {
  const at =
    format === 'epochMillis'
      ? (ms: number) => (Number.isFinite(ms) ? trimNumber(ms) : isoText(ms))
      : format === 'epochSeconds'
        ? (ms: number) => (Number.isFinite(ms) ? trimNumber(ms / 1000) : isoText(ms))
        : isoText;
  return { at, span: spanText };
}
