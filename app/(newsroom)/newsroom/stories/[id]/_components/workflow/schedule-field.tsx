'use client';

import { useFormatter, useNow, useTimeZone, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { Select } from '@/components/ui/input';
import { daysInMonth, localOf, utcToZonedLocal, wallClockOf, zonedLocalToUtc, type WallClock } from '@/lib/time-zone';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);
/** How many years ahead a story can be scheduled from this field. */
const YEARS_AHEAD = 2;

/**
 * When a scheduled story goes out, in the newsroom's own terms: day, month,
 * year, hour and minute as native selects (keyboard, screen reader and phone
 * behaviour for free), written in Arabic with the site's digits and read on
 * the newsroom's wall clock, with the whole moment spelt out beneath. The
 * browser's datetime-local would show its own locale's format (often the US
 * one) and its own time zone's idea of the day. Submits "YYYY-MM-DDTHH:mm"
 * as scheduleAt, which the action reads in the site's time zone.
 */
export function ScheduleField() {
  const t = useTranslations('workflow');
  const format = useFormatter();
  const timeZone = useTimeZone() ?? 'UTC';
  const now = useNow();
  const [clock, setClock] = useState<WallClock>(() => wallClockOf(utcToZonedLocal(new Date(now.getTime() + 3_600_000), timeZone)));
  const id = useId();
  const value = localOf(clock);
  const instant = zonedLocalToUtc(value, timeZone);
  const set = (part: keyof WallClock) => (event: React.ChangeEvent<HTMLSelectElement>) => setClock((current) => ({ ...current, [part]: Number(event.target.value) }));
  const thisYear = wallClockOf(utcToZonedLocal(now, timeZone)).year;
  // Names and numbers of a fixed UTC instant, so no time zone shifts a month or an hour.
  const monthName = (month: number) => format.dateTime(new Date(Date.UTC(2026, month - 1, 15)), { month: 'long', timeZone: 'UTC' });
  const hourName = (hour: number) => format.dateTime(new Date(Date.UTC(2026, 0, 1, hour)), 'hour', { timeZone: 'UTC' });
  const parts: { part: keyof WallClock; options: [number, string][] }[] = [
    { part: 'day', options: range(1, daysInMonth(clock.year, clock.month)).map((day) => [day, format.number(day, 'plain')]) },
    { part: 'month', options: range(1, 12).map((month) => [month, monthName(month)]) },
    { part: 'year', options: range(thisYear, thisYear + YEARS_AHEAD).map((year) => [year, format.number(year, 'plain')]) },
    { part: 'hour', options: range(0, 23).map((hour) => [hour, hourName(hour)]) },
    { part: 'minute', options: range(0, 59).map((minute) => [minute, format.number(minute, 'plain', { minimumIntegerDigits: 2 })]) },
  ];
  return (
    <fieldset className="space-y-2" data-testid="schedule-field">
      <legend className="font-bold">{t('scheduleAt', { zone: timeZone })}</legend>
      <input type="hidden" name="scheduleAt" value={value} />
      <div className="flex flex-wrap items-end gap-2">
        {parts.map(({ part, options }) => (
          <label key={part} className="space-y-1" htmlFor={`${id}-${part}`}>
            <span className="block text-sm">{t(`schedulePart.${part}`)}</span>
            <Select id={`${id}-${part}`} value={part === 'day' ? Math.min(clock.day, daysInMonth(clock.year, clock.month)) : clock[part]} onChange={set(part)} className="w-auto">
              {options.map(([optionValue, label]) => (
                <option key={optionValue} value={optionValue}>
                  {label}
                </option>
              ))}
            </Select>
          </label>
        ))}
      </div>
      <output className="block text-sm" aria-live="polite" data-testid="schedule-summary">
        {instant && t('scheduleSummary', { time: format.dateTime(instant, 'full') })}
      </output>
    </fieldset>
  );
}
