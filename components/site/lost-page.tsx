import { readerLabels } from '@/lib/i18n/reader-labels';
import { SearchForm } from '@/components/site/search-form';

type Props = { title: string; body: string | null; bodyDir?: 'ltr' | 'rtl'; inputId: string; testId?: string };

/** A page that has nothing to show (404, 410): what happened, a search box and the way home. */
export async function LostPage({ title, body, bodyDir, inputId, testId }: Props) {
  const t = readerLabels('notFound');
  const tSearch = readerLabels('search');
  return (
    <section className="mx-auto max-w-2xl py-16 text-center" data-testid={testId}>
      <h1 className="font-display text-3xl font-bold">{title}</h1>
      <p className="mt-4 text-lg text-muted" dir={bodyDir}>
        {body}
      </p>
      <div className="mx-auto mt-8 max-w-md text-start">
        <SearchForm landmark={t('search')} label={t('search')} submit={tSearch('submit')} inputId={inputId} />
      </div>
      <p className="mt-8">
        <a href="/" className="font-bold text-accent-ink underline">
          {t('backHome')}
        </a>
      </p>
    </section>
  );
}
