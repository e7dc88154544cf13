import type { Metadata } from 'next';
import { readerLabels } from '@/lib/i18n/reader-labels';
import { SearchForm } from '@/components/site/search-form';
import { getSiteSettings } from '@/lib/reader/queries';
import { now } from '@/lib/clock';
import { getEnv } from '@/lib/env';
import { formatNumber } from '@/lib/reader/format';
import { getSections } from '@/lib/reader/listings';
import { sectionPath } from '@/lib/reader/paths';
import { shareImageFor } from '@/lib/reader/share-image';
import { FeedLink } from '@/components/site/feed-link';
import { SITE_FEED_PATH } from '@/lib/feeds/site-url';
import { naskh } from '../fonts';
import { siteIcons } from '../site-icon';
import './site.css';

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings();
  return {
    metadataBase: new URL(getEnv().SITE_URL),
    title: { default: settings.siteName, template: `%s | ${settings.siteName}` },
    description: settings.siteDescription,
    // Pages that set no card of their own (search, not found) are shared with the site's.
    openGraph: { type: 'website', siteName: settings.siteName, locale: 'ar_AR', images: [shareImageFor(settings)] },
    twitter: { card: 'summary_large_image' },
    icons: siteIcons,
  };
}

// The reader site's root layout: Arabic, right to left, and no client
// providers, so its pages ship no JavaScript of their own.
export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const t = readerLabels('site');
  const tSearch = readerLabels('search');
  const [settings, sections] = await Promise.all([getSiteSettings(), getSections()]);
  return (
    <html lang="ar" dir="rtl" className={naskh.variable}>
      <body className="min-h-dvh flex flex-col">
        <FeedLink href={SITE_FEED_PATH} title={settings.siteName} />
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 bg-white p-2">
          {t('skipToContent')}
        </a>
        <header className="border-b border-rule no-print">
          <div className="mx-auto max-w-5xl px-4 py-4 flex flex-wrap items-center justify-between gap-4">
            <div className="flex flex-wrap items-baseline gap-x-4">
              <a href="/" className="font-display text-3xl font-bold text-accent no-underline">
                {settings.siteName}
              </a>
              <p className="text-sm text-muted">{settings.siteDescription}</p>
            </div>
            <SearchForm landmark={tSearch('siteSearch')} label={tSearch('siteLabel')} submit={tSearch('submit')} inputId="site-search" compact />
          </div>
          <nav aria-label={t('mainNav')} className="mx-auto max-w-5xl px-4 pb-3">
            <ul className="flex flex-wrap gap-x-5 gap-y-1 font-bold">
              <li>
                <a href="/" className="no-underline hover:underline">
                  {t('home')}
                </a>
              </li>
              {sections.map((section) => (
                <li key={section.slug}>
                  <a href={sectionPath(section.slug)} className="no-underline hover:underline">
                    {section.name}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" className="flex-1 mx-auto w-full max-w-5xl px-4 py-8">
          {children}
        </main>
        <footer className="border-t border-rule text-sm text-muted no-print">
          <div className="mx-auto flex max-w-5xl flex-wrap justify-between gap-4 px-4 py-6">
            <p>{t('footer', { year: formatNumber(now().getFullYear(), settings, { grouping: false }), site: settings.siteName })}</p>
            <a href={SITE_FEED_PATH} type="application/rss+xml" className="underline">
              {t('feed')}
            </a>
          </div>
        </footer>
      </body>
    </html>
  );
}
