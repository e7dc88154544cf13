import type { Formats } from 'next-intl';
import type { DIGIT_STYLES } from '@/lib/enums';

// How the staff UI writes numbers and dates: the one definition, handed to
// next-intl as named formats (lib/i18n/request.ts on the server, the newsroom's
// Providers in the browser). Every count goes through the `count` format, in
// messages as {count, number, count} and elsewhere as format.number(n, 'count');
// dates through `dateTime`, `date` and `time`. Pure: no I/O.

export type Digits = (typeof DIGIT_STYLES)[number];

/** The site's digits in the Arabic UI; the English UI writes Western digits whatever the setting. */
export function staffDigits(locale: string, digits: Digits): Digits {
  return locale === 'ar' ? digits : 'latn';
}

/**
 * The named formats. The numbering system is always explicit: the server's ICU
 * and the browser's may disagree on the default digits of «ar», and a client
 * component would then render one thing on the server and another on hydration.
 */
export function staffFormats(locale: string, digits: Digits) {
  const numberingSystem = staffDigits(locale, digits);
  return {
    // plain: years and clock digits, never grouped («٢٠٢٦», not «٢٬٠٢٦»).
    number: { count: { numberingSystem, useGrouping: true }, plain: { numberingSystem, useGrouping: false } },
    dateTime: {
      full: { dateStyle: 'full', timeStyle: 'short', numberingSystem },
      dateTime: { dateStyle: 'medium', timeStyle: 'short', numberingSystem },
      hour: { hour: 'numeric', numberingSystem },
      date: { dateStyle: 'medium', numberingSystem },
      time: { timeStyle: 'short', numberingSystem },
    },
  } satisfies Formats;
}
