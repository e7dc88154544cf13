import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SearchForm } from '@/components/site/search-form';
import { recordStatus } from '@/lib/page-cache/render-notes';

export async function NotFoundMessage() {
  const [t, tSearch] = await Promise.all([getTranslations({ locale: 'ar', namespace: 'notFound' }), getTranslations({ locale: 'ar', namespace: 'search' })]);
  return (
    <section className="mx-auto max-w-2xl py-16 text-center">
      <h1 className="font-display text-3xl font-bold">{t('title')}</h1>
      <p className="mt-4 text-lg text-muted">{t('body')}</p>
      <div className="mx-auto mt-8 max-w-md text-start">
        <SearchForm landmark={t('search')} label={t('search')} submit={tSearch('submit')} inputId="not-found-search" />
      </div>
      <p className="mt-8">
        <a href="/" className="font-bold text-accent-ink underline">
          {t('backHome')}
        </a>
      </p>
    </section>
  );
}

/**
 * A reader page that found nothing: the not-found page inside the site's
 * layout, answered with 404 by our server (lib/page-cache/render-notes.ts),
 * and stored under the tags its lookup read, so a story published later at
 * this address replaces it at once.
 */
export function ReaderNotFound() {
  recordStatus(404);
  return <NotFoundMessage />;
}

export async function notFoundMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: 'ar', namespace: 'notFound' });
  return { title: t('title'), robots: { index: false } };
}
