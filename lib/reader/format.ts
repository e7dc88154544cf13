// Date formatting for reader pages, by the site's settings. Pure: no I/O.

export type DateSettings = { digits: 'arab' | 'latn'; timeZone: string; showHijri: boolean };

// Making an Intl formatter costs far more than using one (ICU loads the
// locale's data), and a listing formats dozens of dates: one per settings.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(locale, options);
    // Bounded: keys vary only with the site's settings.
    if (formatters.size > 64) formatters.clear();
    formatters.set(key, made);
  }
  return made;
}

export function formatDate(date: Date, settings: DateSettings, locale = 'ar'): string {
  return formatter(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: settings.timeZone, numberingSystem: settings.digits }).format(date);
}

/** The Hijri (Umm al-Qura) date line, when the site shows one. */
export function formatHijriDate(date: Date, settings: DateSettings, locale = 'ar'): string {
  return formatter(`${locale}-u-ca-islamic-umalqura`, { dateStyle: 'long', timeZone: settings.timeZone, numberingSystem: settings.digits }).format(date);
}

const numberFormatters = new Map<string, Intl.NumberFormat>();

/** A count or a year in the site's digits, without thousands grouping for years. */
export function formatNumber(value: number, settings: Pick<DateSettings, 'digits'>, options: { grouping?: boolean } = {}, locale = 'ar'): string {
  const key = `${locale} ${settings.digits} ${options.grouping ?? true}`;
  let made = numberFormatters.get(key);
  if (!made) {
    made = new Intl.NumberFormat(locale, { numberingSystem: settings.digits, useGrouping: options.grouping ?? true });
    // Bounded: two digit systems, two groupings, a locale or two.
    if (numberFormatters.size > 16) numberFormatters.clear();
    numberFormatters.set(key, made);
  }
  return made.format(value);
}
