// Date formatting for reader pages, by the site's settings. Pure: no I/O.

export type DateSettings = { digits: 'arab' | 'latn'; timeZone: string; showHijri: boolean };

export function formatDate(date: Date, settings: DateSettings, locale = 'ar'): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: settings.timeZone,
    numberingSystem: settings.digits,
  }).format(date);
}

/** The Hijri (Umm al-Qura) date line, when the site shows one. */
export function formatHijriDate(date: Date, settings: DateSettings, locale = 'ar'): string {
  return new Intl.DateTimeFormat(`${locale}-u-ca-islamic-umalqura`, {
    dateStyle: 'long',
    timeZone: settings.timeZone,
    numberingSystem: settings.digits,
  }).format(date);
}

/** A count or a year in the site's digits, without thousands grouping for years. */
export function formatNumber(value: number, settings: Pick<DateSettings, 'digits'>, options: { grouping?: boolean } = {}, locale = 'ar'): string {
  return new Intl.NumberFormat(locale, { numberingSystem: settings.digits, useGrouping: options.grouping ?? true }).format(value);
}
