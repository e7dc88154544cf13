import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SearchForm } from '@/components/site/search-form';
import { SearchResults } from '@/components/site/search-results';
import { getDb } from '@/db';
import { formatNumber } from '@/lib/reader/format';
import { getSiteSettings } from '@/lib/reader/queries';
import { highlightRows } from '@/lib/search/highlight';
import { searchParamsSchema, type SearchParams } from '@/lib/search/schemas';
import { SEARCH_PAGE_SIZE, searchStories } from '@/lib/search/search-stories';
import { suggestQuery } from '@/lib/search/suggest';
import { hrefWith } from '@/lib/url';

// Reader search: server-rendered from the URL (?q=…&page=…&sort=newest), no
// client code. Results are not cached; proxy.ts rate-limits it per client IP.
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const [{ q }, t] = await Promise.all([searchParams.then((raw) => searchParamsSchema.parse(raw)), getTranslations({ locale: 'ar', namespace: 'search' })]);
  // Result pages are endless and say nothing new: kept out of search engines.
  return { title: q ? t('resultsFor', { query: q }) : t('title'), robots: { index: false, follow: true } };
}

const linkTo = (params: SearchParams, patch: Partial<SearchParams>) => {
  const next = { ...params, ...patch };
  return hrefWith('/search', { q: next.q, sort: next.sort === 'relevance' ? undefined : next.sort, page: next.page > 1 ? next.page : undefined });
};

export default async function SearchPage({ searchParams }: Props) {
  const params = searchParamsSchema.parse(await searchParams);
  const [t, settings] = await Promise.all([getTranslations({ locale: 'ar', namespace: 'search' }), getSiteSettings()]);
  const outcome = params.q ? await searchStories(getDb(), params) : null;
  const hits = outcome?.kind === 'results' ? await highlightRows(getDb(), outcome.rows, outcome.prepared.highlight) : [];
  // Only a search that found nothing gets «هل تقصد: …».
  const suggestion = outcome?.kind === 'results' && outcome.total === 0 ? await suggestQuery(getDb(), params.q, outcome.query) : null;
  const number = (value: number) => formatNumber(value, settings);

  return (
    <section aria-labelledby="search-heading" className="space-y-6">
      <h1 id="search-heading" className="font-display text-2xl font-bold border-b-2 border-ink pb-2">
        {params.q ? t('resultsFor', { query: params.q }) : t('title')}
      </h1>
      <div className="space-y-2">
        <SearchForm landmark={t('title')} label={t('label')} submit={t('submit')} inputId="search-query" q={params.q} describedBy="search-hint" />
        <p id="search-hint" className="text-sm text-muted">
          {t('hint')}
        </p>
      </div>

      {outcome?.query.truncated && <p role="note">{t('truncated')}</p>}
      {outcome?.kind === 'empty' && <p>{t('nothingToSearch')}</p>}
      {outcome?.kind === 'results' && outcome.total === 0 && <p>{t('noResults', { query: params.q })}</p>}
      {suggestion && (
        <p data-testid="did-you-mean">
          {t('didYouMean')}{' '}
          <a className="font-bold underline" href={linkTo(params, { q: suggestion, page: 1 })}>
            {suggestion}
          </a>
        </p>
      )}
      {outcome?.kind === 'results' && outcome.total > 0 && (
        <>
          <div className="flex flex-wrap items-baseline justify-between gap-4">
            <p className="text-muted">
              {outcome.capped ? t('countCapped', { formatted: number(outcome.total) }) : t('count', { count: outcome.total, formatted: number(outcome.total) })}
            </p>
            <nav aria-label={t('sortLabel')} className="flex gap-4 text-sm">
              {(['relevance', 'newest'] as const).map((sort) => (
                <a
                  key={sort}
                  href={linkTo(params, { sort, page: 1 })}
                  aria-current={params.sort === sort ? 'true' : undefined}
                  className="underline aria-[current=true]:font-bold aria-[current=true]:no-underline"
                >
                  {t(sort === 'relevance' ? 'sortRelevance' : 'sortNewest')}
                </a>
              ))}
            </nav>
          </div>
          <SearchResults hits={hits} settings={settings} start={(outcome.page - 1) * SEARCH_PAGE_SIZE + 1} />
          {outcome.pages > 1 && (
            <nav aria-label={t('pagination')} className="flex items-center justify-between gap-4">
              {outcome.page > 1 ? (
                <a className="underline" href={linkTo(params, { page: outcome.page - 1 })} rel="prev">
                  {t('previous')}
                </a>
              ) : (
                <span />
              )}
              <span className="text-sm text-muted">{t('page', { page: number(outcome.page), pages: number(outcome.pages) })}</span>
              {outcome.page < outcome.pages ? (
                <a className="underline" href={linkTo(params, { page: outcome.page + 1 })} rel="next">
                  {t('next')}
                </a>
              ) : (
                <span />
              )}
            </nav>
          )}
        </>
      )}
    </section>
  );
}
