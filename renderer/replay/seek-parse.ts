/** The seek box's text: an event number ("1200", "#7"; the first event is #1) or a time (ISO, UTC unless an offset is given). */
import { parseEventNumber } from '../../engine/debug/event-label';
import type { SeekTarget } from '../state/replay-store';

export function parseSeek(text: string): SeekTarget | string {
  const t = text.trim().replace(/^#/, '');
  if (t === '') return 'Type an event number or a time';
  const n = parseEventNumber(t);
  if (Number.isFinite(n))
    return n >= 1 ? { index: n - 1 } : 'Events are numbered from 1 (the first event is #1)';
  const iso = /[zZ]|[+-]\d\d:?\d\d$/.test(t) ? t : `${t}Z`;
  const ms = Date.parse(iso);
  return Number.isFinite(ms)
    ? { ts: ms }
    : `“${text}” is neither an event number nor a time (e.g. 2026-03-02T09:30:00Z)`;
}
