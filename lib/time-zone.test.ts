import { describe, expect, it } from 'vitest';
import { daysInMonth, localOf, startOfDayIn, utcToZonedLocal, wallClockOf, zonedLocalToUtc, zoneOffsetMs } from './time-zone';

describe('newsroom time zone', () => {
  it('reads Riyadh wall-clock time (UTC+3, no DST)', () => {
    expect(zonedLocalToUtc('2026-11-29T10:30', 'Asia/Riyadh')?.toISOString()).toBe('2026-11-29T07:30:00.000Z');
    expect(zoneOffsetMs(new Date('2026-06-01T00:00:00Z'), 'Asia/Riyadh')).toBe(3 * 3_600_000);
  });

  it('follows daylight saving time where there is one', () => {
    expect(zonedLocalToUtc('2026-01-15T12:00', 'Europe/Berlin')?.toISOString()).toBe('2026-01-15T11:00:00.000Z');
    expect(zonedLocalToUtc('2026-07-15T12:00', 'Europe/Berlin')?.toISOString()).toBe('2026-07-15T10:00:00.000Z');
    expect(zonedLocalToUtc('2026-03-29T03:30', 'Europe/Berlin')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('round-trips for the datetime-local input and refuses malformed values', () => {
    const instant = new Date('2026-11-29T07:30:00Z');
    expect(utcToZonedLocal(instant, 'Asia/Riyadh')).toBe('2026-11-29T10:30');
    expect(zonedLocalToUtc(utcToZonedLocal(instant, 'Africa/Cairo'), 'Africa/Cairo')?.toISOString()).toBe(instant.toISOString());
    expect(zonedLocalToUtc('2026-11-29T10:30:15', 'Asia/Riyadh')?.toISOString()).toBe('2026-11-29T07:30:15.000Z');
    expect(zonedLocalToUtc('29/11/2026 10:30', 'Asia/Riyadh')).toBeNull();
  });

  it('finds the newsroom’s midnight, which is not UTC’s', () => {
    // 22:30 UTC on the 28th is already 01:30 on the 29th in Riyadh.
    expect(startOfDayIn(new Date('2026-11-28T22:30:00Z'), 'Asia/Riyadh').toISOString()).toBe('2026-11-28T21:00:00.000Z');
    expect(startOfDayIn(new Date('2026-11-28T20:59:59Z'), 'Asia/Riyadh').toISOString()).toBe('2026-11-27T21:00:00.000Z');
    expect(startOfDayIn(new Date('2026-07-15T12:00:00Z'), 'Europe/Berlin').toISOString()).toBe('2026-07-14T22:00:00.000Z');
    expect(startOfDayIn(new Date('2026-07-15T12:00:00Z'), 'UTC').toISOString()).toBe('2026-07-15T00:00:00.000Z');
  });
});

describe('the schedule field\'s wall clock', () => {
  it('splits and joins the form value, and keeps a day within its month', () => {
    expect(wallClockOf('2026-12-06T09:05')).toEqual({ year: 2026, month: 12, day: 6, hour: 9, minute: 5 });
    expect(localOf({ year: 2026, month: 12, day: 6, hour: 9, minute: 5 })).toBe('2026-12-06T09:05');
    expect(localOf({ year: 2027, month: 2, day: 31, hour: 23, minute: 59 })).toBe('2027-02-28T23:59');
    expect(localOf({ year: 2028, month: 2, day: 31, hour: 0, minute: 0 })).toBe('2028-02-29T00:00');
    expect([daysInMonth(2026, 1), daysInMonth(2026, 4), daysInMonth(2026, 12)]).toEqual([31, 30, 31]);
  });
});
