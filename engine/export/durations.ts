/** Milliseconds written the way each Flink format spells a duration, choosing the largest exact unit. */

const UNITS = [
  { ms: 86_400_000, json: 'DAYS', java: 'ofDays', sql: 'DAY' },
  { ms: 3_600_000, json: 'HOURS', java: 'ofHours', sql: 'HOUR' },
  { ms: 60_000, json: 'MINUTES', java: 'ofMinutes', sql: 'MINUTE' },
  { ms: 1_000, json: 'SECONDS', java: 'ofSeconds', sql: 'SECOND' },
  { ms: 1, json: 'MILLISECONDS', java: 'ofMillis', sql: null },
] as const;

function largestUnit(ms: number): (typeof UNITS)[number] {
  return UNITS.find((u) => ms % u.ms === 0) ?? UNITS[UNITS.length - 1];
}

/** Dynamic-CEP `Time`: `{unit, size}` with a java.util.concurrent.TimeUnit name. */
export function jsonTime(ms: number): { unit: string; size: number } {
  const u = largestUnit(ms);
  return { unit: u.json, size: ms / u.ms };
}

const JSON_UNIT_MS: Record<string, number> = Object.fromEntries(UNITS.map((u) => [u.json, u.ms]));

/** Reads a dynamic-CEP `Time` back as milliseconds; null for a unit we do not know. */
export function jsonTimeToMs(unit: string, size: number): number | null {
  const factor = JSON_UNIT_MS[unit];
  return factor === undefined ? null : size * factor;
}

/** `Duration.ofHours(1)` (java.time, Flink 1.19+ and 2.x). */
export function javaDuration(ms: number): string {
  const u = largestUnit(ms);
  return `Duration.${u.java}(${ms / u.ms}L)`;
}

/** `INTERVAL '1' HOUR`; sub-second values as fractional seconds (millisecond resolution, as Flink requires). */
export function sqlInterval(ms: number): string {
  const u = largestUnit(ms);
  if (u.sql !== null) return `INTERVAL '${ms / u.ms}' ${u.sql}`;
  const seconds = Math.floor(ms / 1000);
  const millis = String(ms % 1000).padStart(3, '0');
  return `INTERVAL '${seconds}.${millis}' SECOND`;
}
