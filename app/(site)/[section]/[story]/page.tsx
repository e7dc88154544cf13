import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleView } from '@/components/article/article-view';
import { getEnv } from '@/lib/env';
import { slugFromParam } from '@/lib/reader/params';
import { storyPath } from '@/lib/reader/paths';
import { getArticle, getSiteSettings } from '@/lib/reader/queries';

// Rendered per request, with no Suspense boundary above the lookup: the status
// code (200, 308 for an old slug or section, 404) is settled before anything
// streams. See README, "Status codes".
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
  if (result.kind !== 'article') return {};
  const { article } = result;
  const description = article.seoDescription || article.standfirst || article.plainText.slice(0, 160);
  const canonical = storyPath(article.sectionSlug, article.slug);
  return {
    title: article.seoTitle || article.headline,
    description,
    alternates: { canonical },
    openGraph: {
      type: 'article',
      title: article.headline,
      description,
      url: canonical,
      locale: article.language === 'ar' ? 'ar_AR' : 'en_US',
      publishedTime: article.publishedAt.toISOString(),
      modifiedTime: article.updatedAt.toISOString(),
      section: article.sectionName,
      tags: article.tags.map((tag) => tag.name),
    },
  };
}

export default async function ArticlePage({ params }: Props) {
  const result = await resolve(params);
  if (result.kind === 'redirect') permanentRedirect(storyPath(result.sectionSlug, result.slug));
  // Taken-down and retracted stories answer 410 once the workflow can produce them; until then, not found.
  if (result.kind !== 'article') notFound();
  const { article } = result;
  const settings = await getSiteSettings();
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    inLanguage: article.language,
    datePublished: article.publishedAt.toISOString(),
    dateModified: article.updatedAt.toISOString(),
    articleSection: article.sectionName,
    keywords: article.tags.map((tag) => tag.name).join(', '),
    author: article.bylines.map((byline) => ({ '@type': 'Person', name: byline.name })),
    publisher: { '@type': 'Organization', name: settings.siteName },
    mainEntityOfPage: new URL(storyPath(article.sectionSlug, article.slug), getEnv().SITE_URL).toString(),
  };
  return (
    <>
      <ArticleView article={article} settings={settings} />
      <script
        type="application/ld+json"
        // The one raw-HTML sink: serialized JSON with `<` escaped so no text can close the script element.
        dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, '\\u003c') }}
      />
    </>
  );
}
