/**
 * What a matcher still holds, told to the user at end of input: partial matches that no window
 * closes (or, in processing time, that Flink never times out once the input ends), matches held
 * back by the skip strategy, and events still waiting for a watermark.
 */
import type { CepMatcher } from './matcher';

export interface PendingSummary {
  time: 'event' | 'processing';
  /** Keys holding any of the below. */
  keys: number;
  /** Live partial matches (start states excluded). */
  partialMatches: number;
  /** Completed matches held back by the skip strategy, never emitted. */
  heldMatches: number;
  /** Events buffered until a watermark passes them. */
  bufferedEvents: number;
}

export function pendingSummary(m: CepMatcher): PendingSummary {
  const out: PendingSummary = {
    time: m.options.time,
    keys: 0,
    partialMatches: 0,
    heldMatches: 0,
    bufferedEvents: 0,
  };
  // Waiting events sit in the matcher's one reorder buffer, by key (a key may hold no state yet).
  const waiting = new Map<string, number>();
  for (const e of m.pending.entries()) waiting.set(e.key, (waiting.get(e.key) ?? 0) + 1);
  out.bufferedEvents = m.pending.size;
  for (const ks of m.keys.values()) {
    let partial = (ks.countLen > 0 ? ks.countLen : 0) + (ks.chain?.size ?? 1) - 1;
    for (const run of ks.partial) if (run.startFid >= 0) partial++;
    const held = ks.completed.length;
    const buffered = waiting.get(ks.key) ?? 0;
    waiting.delete(ks.key);
    if (partial + held + buffered === 0) continue;
    out.keys++;
    out.partialMatches += partial;
    out.heldMatches += held;
  }
  out.keys += waiting.size;
  return out;
}

const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** One sentence for the CLI and the replay panel; null when nothing is pending. */
export function describePending(p: PendingSummary): string | null {
  const parts: string[] = [];
  if (p.partialMatches > 0) parts.push(plural(p.partialMatches, 'partial match', 'partial matches'));
  if (p.heldMatches > 0)
    parts.push(
      `${plural(p.heldMatches, 'completed match', 'completed matches')} held back by the skip strategy`,
    );
  if (p.bufferedEvents > 0) parts.push(`${plural(p.bufferedEvents, 'event')} waiting for a watermark`);
  if (parts.length === 0) return null;
  const what = `${parts.join(', ')} on ${plural(p.keys, 'key')}`;
  return p.time === 'processing'
    ? `Still open at end of input: ${what}. In processing time Flink fires no timer once the input ends, so they never time out, complete a trailing notFollowedBy or get released.`
    : `Still open at end of input: ${what} (no window closes them; Flink keeps them as state).`;
}
