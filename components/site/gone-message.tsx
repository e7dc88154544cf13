import type { Metadata } from 'next';
import { readerLabels } from '@/lib/i18n/reader-labels';
import { LostPage } from '@/components/site/lost-page';
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
  const t = readerLabels('gone');
  return (
    <LostPage
      title={t(TITLE[state])}
      body={state === 'retracted' ? notice : state === 'section_archived' ? t('sectionBody') : t('body')}
      bodyDir={state === 'retracted' ? dominantDirection(notice ?? '', 'ar') : undefined}
      inputId="gone-search"
      testId="gone"
    />
  );
}

export async function goneMetadata(state: Props['state']): Promise<Metadata> {
  const t = readerLabels('gone');
  return { title: t(TITLE[state]), robots: { index: false } };
}
