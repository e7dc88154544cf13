import { readerLabels } from '@/lib/i18n/reader-labels';

/** The mark on every preview: this is not what readers have, yet. */
export async function PreviewBanner({ children }: { children?: React.ReactNode }) {
  const t = readerLabels('preview');
  return (
    <div role="note" aria-label={t('label')} className="no-print mx-auto mb-8 max-w-3xl rounded-md border-2 border-dashed border-amber-600 bg-amber-50 px-4 py-3" data-testid="preview-banner">
      <p className="font-display font-bold">{t('title')}</p>
      <p className="text-sm">{t('body')}</p>
      {children}
    </div>
  );
}
