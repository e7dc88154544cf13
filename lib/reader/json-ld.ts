import type { Article } from './article-lookup';
import { articleDescription } from './excerpt';
import { authorPath, storyPath } from './paths';

// The NewsArticle structured data of an article page. Pure: the page passes in
// the site's name, absolute origin, logo and the share image (the story's lead
// image or the site's default), so every property Google lists as required or
// recommended is always there: headline, image, datePublished, dateModified,
// author (name, url) — and publisher with its logo, and a description derived
// from the standfirst or the first paragraph when the writer gave none.

export type NewsArticleLd = Record<string, unknown> & { '@type': 'NewsArticle' };
type Image = { url: string; width: number; height: number };
export type JsonLdSite = { name: string; url: string; logo: Image; image: Image };

export function newsArticleJsonLd(article: Article, site: JsonLdSite): NewsArticleLd {
  const absolute = (path: string) => new URL(path, site.url).toString();
  const publisher = {
    '@type': 'NewsMediaOrganization',
    name: site.name,
    url: absolute('/'),
    logo: { '@type': 'ImageObject', url: absolute(site.logo.url), width: site.logo.width, height: site.logo.height },
  };
  const url = absolute(storyPath(article.sectionSlug, article.slug));
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    alternativeHeadline: article.subheadline || undefined,
    description: articleDescription(article),
    url,
    inLanguage: article.language,
    datePublished: article.publishedAt.toISOString(),
    dateModified: article.updatedAt.toISOString(),
    articleSection: article.sectionName,
    keywords: article.tags.map((tag) => tag.name),
    image: [{ '@type': 'ImageObject', url: absolute(site.image.url), width: site.image.width, height: site.image.height }],
    // A story without a byline is the newsroom's own: Google wants an author either way.
    author: article.bylines.length > 0 ? article.bylines.map((byline) => ({ '@type': 'Person', name: byline.name, url: absolute(authorPath(byline.slug)) })) : [publisher],
    publisher,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
  };
}

/** Serialized for a <script type="application/ld+json">: `<` escaped so no text can close the element. */
export function serializeJsonLd(data: NewsArticleLd): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
