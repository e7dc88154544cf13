import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { staffFormats } from '@/lib/format';
import { getSiteSettings } from '@/lib/reader/queries';
import { defaultLocale, isLocale, LOCALE_COOKIE } from './config';

// next-intl without locale routing: the locale comes from an explicit
// request (reader pages ask for Arabic) or from the staff member's cookie.
// Staff pages also get the site's time zone and digits (lib/format.ts);
// reader pages format their numbers and dates with lib/reader/format.ts.
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  if (isLocale(requested)) return { locale: requested, messages: (await import(`../../messages/${requested}.json`)).default, timeZone: 'Asia/Riyadh' };
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(fromCookie) ? fromCookie : defaultLocale;
  const [messages, settings] = await Promise.all([import(`../../messages/${locale}.json`), getSiteSettings()]);
  return { locale, messages: messages.default, timeZone: settings.timeZone, formats: staffFormats(locale, settings.digits) };
});
