import type { Metadata } from 'next';
import { permanentRedirect } from 'next/navigation';
import { readerLabels } from '@/lib/i18n/reader-labels';
import { ArticleView } from '@/components/article/article-view';
import { goneMetadata, ReaderGone } from '@/components/site/gone-message';
import { notFoundMetadata, ReaderNotFound } from '@/components/site/not-found-message';
import { ShareLinks } from '@/components/site/share-links';
import { StoryTeaser } from '@/components/site/story-card';
import { getEnv } from '@/lib/env';
import { articleDescription } from '@/lib/reader/excerpt';
import { newsArticleJsonLd, serializeJsonLd } from '@/lib/reader/json-ld';
import { getRelated } from '@/lib/reader/listings';
import { slugFromParam } from '@/lib/reader/params';
import { storyPath } from '@/lib/reader/paths';
import { pathOf, redirectIfLegacy } from '@/lib/reader/legacy';
import { getArticle, getSiteSettings } from '@/lib/reader/queries';
import { logoFor, shareImageFor } from '@/lib/reader/share-image';

// Rendered per request, with no Suspense boundary above the lookup: the status
// code (200, 308 for an old slug or section, 404, 410) is settled before
// anything streams. See README, "Status codes".
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ section: string; story: string }> };

async function resolve(params: Props['params']) {
  const raw = await params;
  const section = slugFromParam(raw.section);
  const story = slugFromParam(raw.story);
  if (!section || !story) return { kind: 'missing' } as const;
  return getArticle(section, story);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const result = await resolve(params);
  if (result.kind === 'gone') return goneMetadata(result.state);
  if (result.kind !== 'article') return notFoundMetadata();
  const { article } = result;
  const settings = await getSiteSettings();
  const description = articleDescription(article);
  const canonical = storyPath(article.sectionSlug, article.slug);
  const title = article.seoTitle || article.headline;
  // The lead image, else the site's default share image: a shared link always shows a picture.
  const images = [shareImageFor(settings, article.leadImage)];
  return {
    title,
    description,
    alternates: { canonical },
    openGraph: {
      type: 'article',
      title: article.headline,
      description,
      url: canonical,
      siteName: settings.siteName,
      locale: article.language === 'ar' ? 'ar_AR' : 'en_US',
      publishedTime: article.publishedAt.toISOString(),
      modifiedTime: article.updatedAt.toISOString(),
      section: article.sectionName,
      tags: article.tags.map((tag) => tag.name),
      authors: article.bylines.map((byline) => byline.name),
      images,
    },
    twitter: { card: 'summary_large_image', title: article.headline, description, images },
  };
}

export default async function ArticlePage({ params }: Props) {
  const result = await resolve(params);
  if (result.kind === 'redirect') permanentRedirect(storyPath(result.sectionSlug, result.slug));
  if (result.kind === 'gone') return <ReaderGone state={result.state} notice={result.notice} />;
  if (result.kind !== 'article') {
    // An imported site's old path of two segments (/category/slug, /archives/123) answers 308 before a 404.
    const raw = await params;
    await redirectIfLegacy(pathOf([raw.section, raw.story]));
    return <ReaderNotFound />;
  }
  const { article } = result;
  const t = readerLabels('article');
  const [settings, related] = await Promise.all([getSiteSettings(), getRelated(article)]);
  const siteUrl = getEnv().SITE_URL;
  const jsonLd = newsArticleJsonLd(article, { name: settings.siteName, url: siteUrl, logo: logoFor(settings), image: shareImageFor(settings, article.leadImage) });
  const articleUrl = new URL(storyPath(article.sectionSlug, article.slug), siteUrl).toString();
  return (
    <>
      <ArticleView article={article} settings={settings} />
      <div className="mx-auto max-w-3xl">
        {/* On paper the address is what a reader can use: printed decoded, Arabic as Arabic rather than %D8…. */}
        <p className="print-only mt-6 text-sm" dir="ltr" data-testid="print-url">
          {decodeURI(articleUrl)}
        </p>
        <ShareLinks url={articleUrl} title={article.headline} />
        {related.length > 0 && (
          <section aria-labelledby="related-heading" className="no-print mt-10 border-t border-rule pt-6" data-testid="related">
            <h2 id="related-heading" className="mb-4 font-display text-xl font-bold">
              {t('related')}
            </h2>
            <ul className="grid gap-6 sm:grid-cols-2">
              {related.map((story) => (
                <li key={story.storyId}>
                  <StoryTeaser story={story} settings={settings} />
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      {/* The one raw-HTML sink: serialized JSON with `<` escaped (lib/reader/json-ld.ts). */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(jsonLd) }} />
    </>
  );
}
