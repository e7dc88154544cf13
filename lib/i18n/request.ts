import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { defaultLocale, isLocale, LOCALE_COOKIE } from './config';

// next-intl without locale routing: the locale comes from an explicit
// request (reader pages ask for Arabic) or from the staff member's cookie.
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  let locale = isLocale(requested) ? requested : undefined;
  if (!locale) {
    const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
    locale = isLocale(fromCookie) ? fromCookie : defaultLocale;
  }
  return {
    locale,
    messages: (await import(`../../messages/${locale}.json`)).default,
    timeZone: 'Asia/Riyadh',
  };
});
