import { readerLabels } from '@/lib/i18n/reader-labels';
import { formatNumber, type DateSettings } from '@/lib/reader/format';

/** Newer and older pages of a listing, as plain links. Page 1 is the bare path, so it has one URL. */
export async function Pagination({ path, page, pages, settings }: { path: string; page: number; pages: number; settings: Pick<DateSettings, 'digits'> }) {
  if (pages <= 1) return null;
  const t = readerLabels('pagination');
  const href = (n: number) => (n === 1 ? path : `${path}?page=${n}`);
  return (
    <nav aria-label={t('label')} className="no-print mt-8 flex items-center justify-between gap-4 border-t border-rule pt-4">
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev" className="font-bold">
          {t('newer')}
        </a>
      ) : (
        <span />
      )}
      <span className="text-sm text-muted">{t('position', { page: formatNumber(page, settings), pages: formatNumber(pages, settings) })}</span>
      {page < pages ? (
        <a href={href(page + 1)} rel="next" className="font-bold">
          {t('older')}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
