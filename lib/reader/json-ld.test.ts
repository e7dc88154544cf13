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
} as unknown as Article;

describe('newsArticleJsonLd', () => {
  const ld = newsArticleJsonLd(article, { name: 'صحيفة', url: 'https://sahifa.example' });

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
      publisher: { '@type': 'Organization', name: 'صحيفة' },
    });
    expect(ld.author).toEqual([{ '@type': 'Person', name: 'فريق التحرير', url: `https://sahifa.example/author/${encodeURIComponent('فريق-التحرير')}` }]);
    expect(ld.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': `https://sahifa.example/technology/${encodeURIComponent('سوفت-بنك')}` });
    expect(ld).not.toHaveProperty('image');
  });

  it('carries the subheadline as alternativeHeadline, only when there is one', () => {
    expect(ld.alternativeHeadline).toBeUndefined();
    expect(newsArticleJsonLd({ ...article, subheadline: 'سطر ثانٍ' }, { name: 'صحيفة', url: 'https://sahifa.example' }).alternativeHeadline).toBe('سطر ثانٍ');
  });

  it('carries the image only when there is one', () => {
    expect(newsArticleJsonLd(article, { name: 'صحيفة', url: 'https://sahifa.example', image: 'https://sahifa.example/m/1.webp' }).image).toEqual(['https://sahifa.example/m/1.webp']);
  });

  it('serializes so that no text can close the script element', () => {
    const text = serializeJsonLd(ld);
    expect(text).not.toContain('</script>');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(ld)));
  });
});
