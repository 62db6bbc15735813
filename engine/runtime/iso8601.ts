/**
 * ISO-8601 timestamps to epoch milliseconds. Text without a zone is read as UTC, so the app's import,
 * the CLI and servers give the same time on every machine (Date.parse would use the local zone).
 */
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;
function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes);
}

/** Epoch milliseconds of an ISO-8601 timestamp, or null when the text is not one. */
export function parseIso8601(text: string): number | null {
  return isoCommonShape(text) ?? parseIsoGeneral(text);
}

/** The general reader (a regular expression); parseIso8601 gives exactly its answers. */
export function parseIsoGeneral(text: string): number | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((part) => Number(part ?? 0));
  const fraction = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, fraction);
  // Date.UTC rolls 31 February over into March; a real date survives the round trip.
  if (new Date(ms).getUTCDate() !== day) return null;
  return ms - offsetMinutes(m[8]) * 60_000;
}

const ZERO = 0x30;

/** Two digits at i as a number, or a negative number when either is not a digit. */
function two(text: string, i: number): number {
  const a = text.charCodeAt(i) - ZERO;
  const b = text.charCodeAt(i + 1) - ZERO;
  return a < 0 || a > 9 || b < 0 || b > 9 ? -1 : a * 10 + b;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (the days_from_civil algorithm), as Date.UTC
 * counts them for years from 100 on.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/**
 * The shape almost every recording uses, 2026-03-02T09:00:00.000Z or without the fraction, read
 * digit by digit (the regular expression costs ~1 µs per event in a replay or a run). Null means
 * "not this shape" (then the general reader answers), never "invalid": years before 100 (which
 * Date.UTC reads as 19xx) and days past the month's end go to the general reader too.
 */
export function isoCommonShape(text: string): number | null {
  const length = text.length;
  if (length !== 24 && length !== 20) return null;
  if (text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d || text.charCodeAt(10) !== 0x54) return null;
  if (text.charCodeAt(13) !== 0x3a || text.charCodeAt(16) !== 0x3a || text.charCodeAt(length - 1) !== 0x5a)
    return null;
  let fraction = 0;
  if (length === 24) {
    if (text.charCodeAt(19) !== 0x2e) return null;
    const f0 = text.charCodeAt(20) - ZERO;
    const f12 = two(text, 21);
    if (f0 < 0 || f0 > 9 || f12 < 0) return null;
    fraction = f0 * 100 + f12;
  }
  const century = two(text, 0);
  const year2 = two(text, 2);
  const month = two(text, 5);
  const day = two(text, 8);
  const hour = two(text, 11);
  const minute = two(text, 14);
  const second = two(text, 17);
  if (century < 1 || year2 < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) return null;
  if (minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  const year = century * 100 + year2;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month - 1] + (leap ? 1 : 0)) return null;
  return (
    daysFromCivil(year, month, day) * 86_400_000 + ((hour * 60 + minute) * 60 + second) * 1000 + fraction
  );
}
