import type { Metadata } from 'next';
import { readerLabels } from '@/lib/i18n/reader-labels';
import { LostPage } from '@/components/site/lost-page';
import { recordStatus } from '@/lib/page-cache/render-notes';

export async function NotFoundMessage() {
  const t = readerLabels('notFound');
  return <LostPage title={t('title')} body={t('body')} inputId="not-found-search" />;
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
  const t = readerLabels('notFound');
  return { title: t('title'), robots: { index: false } };
}
