import type { Metadata } from 'next';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { Providers } from '@/components/newsroom/providers';
import { staffFormats } from '@/lib/format';
import { directionOf, isLocale, defaultLocale } from '@/lib/i18n/config';
import { getSiteSettings } from '@/lib/reader/queries';
import { naskh } from '../fonts';
import { siteIcons } from '../site-icon';
import '../globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('newsroom');
  return { title: { default: t('title'), template: `%s | ${t('title')}` }, robots: { index: false, follow: false }, icons: siteIcons };
}

// The staff area's root layout: its language and direction follow the
// staff member's UI locale, and it alone carries the client providers.
export default async function NewsroomRootLayout({ children }: { children: React.ReactNode }) {
  const requested = await getLocale();
  const locale = isLocale(requested) ? requested : defaultLocale;
  const [messages, settings] = await Promise.all([getMessages(), getSiteSettings()]);
  return (
    <html lang={locale} dir={directionOf(locale)} className={naskh.variable}>
      <body className="min-h-dvh bg-paper">
        <Providers locale={locale} messages={messages} timeZone={settings.timeZone} formats={staffFormats(locale, settings.digits)}>
          {children}
        </Providers>
      </body>
    </html>
  );
}
