import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration, splitDuration } from '../../../renderer/designer/inspector/duration';

describe('duration helpers', () => {
  it('shows a duration in the largest unit that keeps it whole', () => {
    expect(splitDuration(300_000)).toEqual({ value: 5, unit: 'min' });
    expect(splitDuration(7_200_000)).toEqual({ value: 2, unit: 'h' });
    expect(splitDuration(90_000)).toEqual({ value: 90, unit: 's' });
    expect(splitDuration(1500)).toEqual({ value: 1500, unit: 'ms' });
    expect(splitDuration(0)).toEqual({ value: 0, unit: 'ms' });
  });

  it('parses amounts in a unit to whole milliseconds', () => {
    expect(parseDuration('5', 'min')).toEqual({ ok: true, ms: 300_000 });
    expect(parseDuration('1.5', 's')).toEqual({ ok: true, ms: 1500 });
    expect(parseDuration(' 250 ', 'ms')).toEqual({ ok: true, ms: 250 });
    expect(parseDuration('.5', 'h')).toEqual({ ok: true, ms: 1_800_000 });
  });

  it('refuses what is not a positive whole number of milliseconds, saying what to type', () => {
    expect(parseDuration('', 's')).toMatchObject({ ok: false, error: 'Enter a duration' });
    expect(parseDuration('-3', 's')).toEqual({
      ok: false,
      error: 'Enter a positive number, such as 5 or 1.5',
    });
    expect(parseDuration('abc', 's')).toMatchObject({ ok: false });
    expect(parseDuration('1e3', 's')).toMatchObject({ ok: false });
    expect(parseDuration('0.5', 'ms')).toMatchObject({
      ok: false,
      error: 'Must be a whole number of milliseconds',
    });
    expect(parseDuration('0', 's')).toMatchObject({ ok: false, error: 'Must be at least 1 ms' });
    expect(parseDuration('0', 's', 0)).toEqual({ ok: true, ms: 0 });
  });

  it('round-trips every whole duration through its display unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 * 86_400_000 }), (ms) => {
        const { value, unit } = splitDuration(ms);
        expect(parseDuration(String(value), unit)).toEqual({ ok: true, ms });
      }),
    );
  });

  it('formats short labels', () => {
    expect(formatDuration(300_000)).toBe('5 min');
    expect(formatDuration(1500)).toBe('1.5 s');
    expect(formatDuration(250)).toBe('250 ms');
    expect(formatDuration(3_600_000)).toBe('1 h');
  });
});
