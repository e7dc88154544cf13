import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { readerLabels } from '@/lib/i18n/reader-labels';
import { z } from 'zod';
import { ArticleView } from '@/components/article/article-view';
import { PreviewBanner } from '@/components/article/preview-banner';
import { requireCapability } from '@/lib/auth/current-user';
import { getSiteSettings } from '@/lib/reader/queries';
import { getPreview } from '@/lib/stories/preview';

// The working copy in the reader's own layout and components, for staff: what
// readers would see if it were published now. Never indexed (see next.config.ts).
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

// Once per request: the page and its metadata both need the working copy (its access check and four queries).
const previewOf = cache(async (rawId: string) => {
  const user = await requireCapability('stories:view');
  const id = z.uuid().safeParse(rawId);
  return id.success ? getPreview(user, id.data) : null;
});

async function load(params: Props['params']) {
  const article = await previewOf((await params).id);
  if (!article) notFound();
  return article;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await load(params);
  const t = readerLabels('preview');
  return { title: t('pageTitle', { headline: article.headline }), robots: { index: false, follow: false } };
}

export default async function PreviewPage({ params }: Props) {
  const [article, settings] = await Promise.all([load(params), getSiteSettings()]);
  return (
    <>
      <PreviewBanner />
      <ArticleView article={article} settings={settings} />
    </>
  );
}
