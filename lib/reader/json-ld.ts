import type { Article } from './article-lookup';
import { authorPath, storyPath } from './paths';

// The NewsArticle structured data of an article page. Pure: the page passes
// in the site's name and absolute origin.

export type NewsArticleLd = Record<string, unknown> & { '@type': 'NewsArticle' };

export function newsArticleJsonLd(article: Article, site: { name: string; url: string; image?: string | null }): NewsArticleLd {
  const absolute = (path: string) => new URL(path, site.url).toString();
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    alternativeHeadline: article.subheadline || undefined,
    description: article.seoDescription || article.standfirst || undefined,
    inLanguage: article.language,
    datePublished: article.publishedAt.toISOString(),
    dateModified: article.updatedAt.toISOString(),
    articleSection: article.sectionName,
    keywords: article.tags.map((tag) => tag.name),
    author: article.bylines.map((byline) => ({ '@type': 'Person', name: byline.name, url: absolute(authorPath(byline.slug)) })),
    publisher: { '@type': 'Organization', name: site.name, url: absolute('/') },
    ...(site.image ? { image: [site.image] } : {}),
    mainEntityOfPage: { '@type': 'WebPage', '@id': absolute(storyPath(article.sectionSlug, article.slug)) },
  };
}

/** Serialized for a <script type="application/ld+json">: `<` escaped so no text can close the element. */
export function serializeJsonLd(data: NewsArticleLd): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
