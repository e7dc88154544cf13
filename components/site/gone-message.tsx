import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SearchForm } from '@/components/site/search-form';
import { dominantDirection } from '@/lib/content/direction';
import { recordStatus } from '@/lib/page-cache/render-notes';

type Props = { state: 'taken_down' | 'retracted' | 'section_archived'; notice: string | null };

const TITLE = { taken_down: 'title', retracted: 'retractedTitle', section_archived: 'sectionTitle' } as const;

/**
 * A story readers can no longer have, answered with 410 by our server inside
 * the site's layout: a neutral notice for a take-down (its reason stays
 * internal), the public notice for a retraction.
 */
export async function ReaderGone({ state, notice }: Props) {
  recordStatus(410);
  const [t, tNotFound, tSearch] = await Promise.all([
    getTranslations({ locale: 'ar', namespace: 'gone' }),
    getTranslations({ locale: 'ar', namespace: 'notFound' }),
    getTranslations({ locale: 'ar', namespace: 'search' }),
  ]);
  return (
    <section className="mx-auto max-w-2xl py-16 text-center" data-testid="gone">
      <h1 className="font-display text-3xl font-bold">{t(TITLE[state])}</h1>
      <p className="mt-4 text-lg text-muted" dir={state === 'retracted' ? dominantDirection(notice ?? '', 'ar') : undefined}>
        {state === 'retracted' ? notice : state === 'section_archived' ? t('sectionBody') : t('body')}
      </p>
      <div className="mx-auto mt-8 max-w-md text-start">
        <SearchForm landmark={tNotFound('search')} label={tNotFound('search')} submit={tSearch('submit')} inputId="gone-search" />
      </div>
      <p className="mt-8">
        <a href="/" className="font-bold text-accent-ink underline">
          {tNotFound('backHome')}
        </a>
      </p>
    </section>
  );
}

export async function goneMetadata(state: Props['state']): Promise<Metadata> {
  const t = await getTranslations({ locale: 'ar', namespace: 'gone' });
  return { title: t(TITLE[state]), robots: { index: false } };
}
