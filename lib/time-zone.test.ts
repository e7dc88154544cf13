import { describe, expect, it } from 'vitest';
import { startOfDayIn, utcToZonedLocal, zonedLocalToUtc, zoneOffsetMs } from './time-zone';

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
