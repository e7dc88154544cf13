import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { readerLabels } from '@/lib/i18n/reader-labels';
import { cache } from 'react';
import { ArticleView } from '@/components/article/article-view';
import { PreviewBanner } from '@/components/article/preview-banner';
import { getSiteSettings } from '@/lib/reader/queries';
import { openSharedStory } from '@/lib/share/links';

// A share link: the live working copy of one story, read-only, for someone
// outside the newsroom. Tampered, expired and revoked tokens all get the same 404.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ token: string }> };

// One lookup per request, shared by the metadata and the page.
const open = cache(async (token: string) => (token.length <= 200 ? openSharedStory(token) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await open((await params).token);
  if (!article) return { robots: { index: false, follow: false } };
  const t = readerLabels('preview');
  return { title: t('pageTitle', { headline: article.headline }), robots: { index: false, follow: false } };
}

export default async function SharedStoryPage({ params }: Props) {
  const article = await open((await params).token);
  if (!article) notFound();
  const t = readerLabels('preview');
  const settings = await getSiteSettings();
  return (
    <>
      <PreviewBanner>
        <p className="mt-1 text-sm">{t('shared')}</p>
      </PreviewBanner>
      <ArticleView article={article} settings={settings} />
    </>
  );
}
