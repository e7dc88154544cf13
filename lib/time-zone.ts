// Wall-clock times in the newsroom's time zone, converted with Intl alone. Pure.

/** How far ahead of UTC the zone's wall clock is at an instant, in ms. */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

/** "2026-11-29T10:30" (seconds optional) on the zone's wall clock → the instant. Null for a malformed value. */
export function zonedLocalToUtc(local: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi, sec] = match.map((part) => Number(part ?? 0)) as [number, number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, sec);
  // Guess with the offset at the wall time read as UTC, then correct once across a DST change.
  let instant = wall - zoneOffsetMs(new Date(wall), timeZone);
  const corrected = wall - zoneOffsetMs(new Date(instant), timeZone);
  if (corrected !== instant) instant = corrected;
  return new Date(instant);
}

/** The instant as "YYYY-MM-DDTHH:mm" on the zone's wall clock: the form value of the schedule field. */
export function utcToZonedLocal(instant: Date, timeZone: string): string {
  const shifted = new Date(instant.getTime() + zoneOffsetMs(instant, timeZone));
  return shifted.toISOString().slice(0, 16);
}

/** The instant the zone's current day began: "published today" counts from the newsroom's midnight, not the server's. */
export function startOfDayIn(instant: Date, timeZone: string): Date {
  return zonedLocalToUtc(`${utcToZonedLocal(instant, timeZone).slice(0, 10)}T00:00`, timeZone) as Date;
}

/** A wall-clock time, field by field (month 1–12), as the schedule field's selects hold it. */
export type WallClock = { year: number; month: number; day: number; hour: number; minute: number };

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

export function wallClockOf(local: string): WallClock {
  const [year, month, day, hour, minute] = local.split(/[-T:]/).map(Number) as [number, number, number, number, number];
  return { year, month, day, hour, minute };
}

/** Back to "YYYY-MM-DDTHH:mm"; a day past the month's end (31 February) is moved to its last day. */
export function localOf({ year, month, day, hour, minute }: WallClock): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(day, daysInMonth(year, month)))}T${pad(hour)}:${pad(minute)}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
