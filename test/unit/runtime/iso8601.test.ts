import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoCommonShape, parseIso8601, parseIsoGeneral } from '../../../engine/runtime/iso8601';
import { toEpochMillis } from '../../../engine/runtime/event-time';

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

describe('parseIso8601: the common shape read digit by digit', () => {
  const same = (text: string): void => expect(parseIso8601(text)).toBe(parseIsoGeneral(text));

  it('answers exactly as the general reader, valid or not, at the edges of the calendar', () => {
    const edges = [
      '2026-03-02T09:00:00.000Z',
      '2026-03-02T09:00:00Z',
      '2024-02-29T23:59:59.999Z',
      '2023-02-29T00:00:00.000Z',
      '2000-02-29T00:00:00Z',
      '1900-02-29T00:00:00Z',
      '2100-02-29T00:00:00Z',
      '2026-04-31T00:00:00Z',
      '1970-01-01T00:00:00.000Z',
      '1969-12-31T23:59:59.999Z',
      '0100-03-01T00:00:00Z',
      '0099-12-31T00:00:00Z',
      '0000-01-01T00:00:00Z',
      '9999-12-31T23:59:59.999Z',
      '2026-00-10T00:00:00Z',
      '2026-13-10T00:00:00Z',
      '2026-01-00T00:00:00Z',
      '2026-01-01T24:00:00Z',
      '2026-01-01T23:60:00Z',
      '2026-01-01T23:59:60Z',
      '2026-01-01t12:00:00Z',
      '2026-01-01T12:00:00.000z',
      '2026-01-01T12:00:00+02:00',
      '2026-01-01 12:00:00.000Z',
      '2026-01-01T12:0a:00.000Z',
      '2026-01-01T12:00:00.0a0Z',
      'x026-01-01T12:00:00.000Z',
      ' 2026-01-01T12:00:00Z',
      '2026-01-01',
    ];
    for (const text of edges) same(text);
    // The edges must exercise the fast path, or this test would prove nothing.
    expect(isoCommonShape('2024-02-29T23:59:59.999Z')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59, 999));
    expect(isoCommonShape('2023-02-29T00:00:00.000Z')).toBeNull();
  });

  it('agrees with the general reader on arbitrary dates and times', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 86_400_999 }),
        fc.boolean(),
        (year, month, day, msOfDay, fraction) => {
          const t = Math.floor(msOfDay / 1000);
          const time = `${pad(Math.floor(t / 3600), 2)}:${pad(Math.floor(t / 60) % 60, 2)}:${pad(t % 60, 2)}`;
          same(
            `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${time}${fraction ? `.${pad(msOfDay % 1000, 3)}` : ''}Z`,
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('event time reads numbers as numbers and ISO text as dates, whichever path', () => {
    expect(toEpochMillis('2026-03-02T09:00:00.000Z', 'iso8601')).toBe(Date.UTC(2026, 2, 2, 9));
    expect(toEpochMillis('2026-03-02T09:00:00+01:00', 'iso8601')).toBe(Date.UTC(2026, 2, 2, 8));
    expect(toEpochMillis('123e-5', 'epochMillis')).toBe(0.00123);
    expect(toEpochMillis('1700000000', 'epochSeconds')).toBe(1.7e12);
  });
});
