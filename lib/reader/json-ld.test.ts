import { describe, expect, it } from 'vitest';
import type { Article } from './article-lookup';
import { newsArticleJsonLd, serializeJsonLd } from './json-ld';

const article = {
  storyId: 's',
  headline: 'سوفت بنك تخطط لاستثمار </script><script>alert(1)</script>',
  standfirst: 'ملخص الخبر',
  seoDescription: null,
  language: 'ar',
  publishedAt: new Date('2026-11-01T08:00:00Z'),
  updatedAt: new Date('2026-11-02T09:30:00Z'),
  sectionName: 'تكنولوجيا',
  sectionSlug: 'technology',
  slug: 'سوفت-بنك',
  tags: [{ id: 't', name: 'ذكاء اصطناعي', slug: 'ذكاء-اصطناعي' }],
  bylines: [{ id: 'a', name: 'فريق التحرير', slug: 'فريق-التحرير' }],
  plainText: 'الفقرة الأولى من الخبر.\n\nالفقرة الثانية.',
} as unknown as Article;

const site = {
  name: 'صحيفة',
  url: 'https://sahifa.example',
  logo: { url: '/logo.png', width: 600, height: 60 },
  image: { url: '/share-default.jpg', width: 1200, height: 630 },
};

// Google's NewsArticle guidelines: no property is required; these are the recommended ones.
const GOOGLE_RECOMMENDED = ['headline', 'image', 'datePublished', 'dateModified', 'author'] as const;

describe('newsArticleJsonLd', () => {
  const ld = newsArticleJsonLd(article, site);

  it('holds the fields search engines need, with percent-encoded absolute URLs', () => {
    expect(ld).toMatchObject({
      '@type': 'NewsArticle',
      headline: article.headline,
      description: 'ملخص الخبر',
      inLanguage: 'ar',
      datePublished: '2026-11-01T08:00:00.000Z',
      dateModified: '2026-11-02T09:30:00.000Z',
      articleSection: 'تكنولوجيا',
      keywords: ['ذكاء اصطناعي'],
      publisher: { '@type': 'NewsMediaOrganization', name: 'صحيفة', logo: { '@type': 'ImageObject', url: 'https://sahifa.example/logo.png', width: 600, height: 60 } },
    });
    expect(ld.author).toEqual([{ '@type': 'Person', name: 'فريق التحرير', url: `https://sahifa.example/author/${encodeURIComponent('فريق-التحرير')}` }]);
    expect(ld.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': `https://sahifa.example/technology/${encodeURIComponent('سوفت-بنك')}` });
  });

  it('carries the subheadline as alternativeHeadline, only when there is one', () => {
    expect(ld.alternativeHeadline).toBeUndefined();
    expect(newsArticleJsonLd({ ...article, subheadline: 'سطر ثانٍ' } as Article, site).alternativeHeadline).toBe('سطر ثانٍ');
  });

  it('has every property Google recommends, an image and a publisher logo even without a lead image', () => {
    for (const name of GOOGLE_RECOMMENDED) expect(ld[name], name).toBeTruthy();
    expect(ld.image).toEqual([{ '@type': 'ImageObject', url: 'https://sahifa.example/share-default.jpg', width: 1200, height: 630 }]);
    const withLead = newsArticleJsonLd(article, { ...site, image: { url: '/media/1/og.jpg', width: 1200, height: 800 } });
    expect(withLead.image).toEqual([{ '@type': 'ImageObject', url: 'https://sahifa.example/media/1/og.jpg', width: 1200, height: 800 }]);
  });

  it('derives a description from the standfirst, else the first paragraph', () => {
    expect(newsArticleJsonLd({ ...article, standfirst: '' } as Article, site).description).toBe('الفقرة الأولى من الخبر.');
    expect(newsArticleJsonLd({ ...article, seoDescription: 'وصف البحث' } as Article, site).description).toBe('وصف البحث');
  });

  it('names the newsroom as author of a story without a byline', () => {
    expect(newsArticleJsonLd({ ...article, bylines: [] } as unknown as Article, site).author).toEqual([expect.objectContaining({ '@type': 'NewsMediaOrganization', name: 'صحيفة' })]);
  });

  it('serializes so that no text can close the script element', () => {
    const text = serializeJsonLd(ld);
    expect(text).not.toContain('</script>');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(ld)));
  });
});
