/** Plain-language pieces shared by describePattern and diffDocuments. */
import type { Contiguity, Quantifier } from '../pattern/spec';
import type { PatternSettings } from './schema';

const UNITS: [number, string][] = [
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
  [1000, 'second'],
  [1, 'millisecond'],
];

/** 600000 → "10 minutes", 5400000 → "1 hour 30 minutes". */
export function durationText(ms: number): string {
  if (ms <= 0) return '0 milliseconds';
  const parts: string[] = [];
  let rest = ms;
  for (const [size, unit] of UNITS) {
    const count = Math.floor(rest / size);
    if (count > 0) {
      parts.push(`${count} ${unit}${count === 1 ? '' : 's'}`);
      rest -= count * size;
    }
  }
  return parts.join(' ');
}

/** "exactly once", "2 to 4 times, in a row", "one or more times (greedy), optional". */
export function quantifierText(q: Quantifier): string {
  let base: string;
  switch (q.kind) {
    case 'one':
      base = 'exactly once';
      break;
    case 'times':
      base = q.from === q.to ? `${q.from ?? '?'} times` : `${q.from ?? '?'} to ${q.to ?? '?'} times`;
      break;
    case 'timesOrMore':
      base = `${q.from ?? '?'} or more times`;
      break;
    case 'oneOrMore':
      base = 'one or more times';
  }
  const extras: string[] = [];
  if (q.inner === 'consecutive') extras.push('in a row');
  if (q.inner === 'allowCombinations') extras.push('in any combination');
  if (q.greedy) extras.push('greedy');
  if (q.window !== undefined) extras.push(`each within ${durationText(q.window)} of the previous`);
  if (q.optional) extras.push('optional');
  return [base, ...extras].join(', ');
}

export const CONTIGUITY_TEXT: Record<Contiguity, string> = {
  next: 'immediately followed by (next)',
  followedBy: 'followed by (followedBy)',
  followedByAny: 'followed by any later (followedByAny)',
  notNext: 'not immediately followed by (notNext)',
  notFollowedBy: 'not followed by (notFollowedBy)',
};

export function withinText(w: PatternSettings['within']): string {
  if (!w) return 'no time limit';
  return w.type === 'FIRST_AND_LAST'
    ? `within ${durationText(w.ms)} from first to last event`
    : `within ${durationText(w.ms)} between consecutive events`;
}

export function skipText(s: PatternSettings['skip']): string {
  switch (s.kind) {
    case 'NO_SKIP':
      return 'no skip';
    case 'SKIP_TO_NEXT':
      return 'skip to next';
    case 'SKIP_PAST_LAST_EVENT':
      return 'skip past last event';
    case 'SKIP_TO_FIRST':
    case 'SKIP_TO_LAST':
      return `skip to ${s.kind === 'SKIP_TO_FIRST' ? 'first' : 'last'} "${s.stage}"${s.throwExceptionOnMiss ? ' (fail on miss)' : ''}`;
  }
}

export function timeText(t: PatternSettings['time']): string {
  return t.mode === 'processing'
    ? 'processing time'
    : `event time from "${t.field}" (${t.format}, ${t.outOfOrdernessMs === 0 ? 'in order' : `up to ${durationText(t.outOfOrdernessMs)} out of order`}, watermark every ${durationText(t.watermarkIntervalMs)})`;
}
