import type { JSONContent } from '@tiptap/core';
import type { BylineRef, LeadImageRef, PublicNote, TagRef } from '@/db/schema';
import { sanitizeDoc } from '@/lib/content/document';
import { FIRST_WIDTH, firstRendition, mediaUrl, SOCIAL_NAME } from '@/lib/media/plan';
import { absoluteUrl, storyUrl } from '@/lib/feeds/site-url';
import { authorPath, sectionPath, tagPath } from '@/lib/reader/paths';

// What the content API answers, field by field (public/openapi.json describes
// the same shapes). Pure: rows in, JSON-ready objects out, with absolute
// URLs from the site's public origin. Field names are snake_case, like the
// query parameters.

export type ApiRef = { slug: string; name: string; url: string };
/**
 * The document stores a figure's library id, never a URL (lib/content/figure.ts);
 * a partner has no library, so each figure gains `src`: the WebP rendition made
 * at upload, which always exists.
 */
function withImageUrls(siteUrl: string, node: JSONContent): JSONContent {
  const content = node.content?.map((child) => withImageUrls(siteUrl, child));
  const attrs = node.type === 'figure' && typeof node.attrs?.mediaId === 'string' ? { ...node.attrs, src: absoluteUrl(siteUrl, mediaUrl(node.attrs.mediaId, firstRendition(Number(node.attrs.width) || FIRST_WIDTH).name)) } : node.attrs;
  return { ...node, ...(attrs ? { attrs } : {}), ...(content ? { content } : {}) };
}

/** A projection row with its section, as lib/api/stories.ts reads it. */
export type StoryRow = {
  storyId: string;
  slug: string;
  sectionSlug: string;
  sectionName: string;
  language: string;
  kicker: string;
  headline: string;
  subheadline: string;
  standfirst: string;
  body: JSONContent;
  plainText: string;
  leadImage: LeadImageRef | null;
  bylines: BylineRef[];
  tags: TagRef[];
  notes: PublicNote[];
  seoTitle: string | null;
  seoDescription: string | null;
  publishedAt: Date;
  updatedAt: Date;
};

export function apiStory(siteUrl: string, row: StoryRow) {
  const image = row.leadImage;
  return {
    id: row.storyId,
    url: storyUrl(siteUrl, row.sectionSlug, row.slug),
    slug: row.slug,
    section: { slug: row.sectionSlug, name: row.sectionName, url: absoluteUrl(siteUrl, sectionPath(row.sectionSlug)) },
    language: row.language,
    kicker: row.kicker,
    headline: row.headline,
    subheadline: row.subheadline,
    standfirst: row.standfirst,
    // The same cleaning as the reader's renderer: nothing a reader page would drop reaches a partner either.
    body: withImageUrls(siteUrl, sanitizeDoc(row.body)),
    plain_text: row.plainText,
    lead_image: image && { url: absoluteUrl(siteUrl, mediaUrl(image.id, SOCIAL_NAME)), width: image.width, height: image.height, alt: image.alt, caption: image.caption, credit: image.credit },
    bylines: row.bylines.map((b) => ({ slug: b.slug, name: b.name, url: absoluteUrl(siteUrl, authorPath(b.slug)) })),
    tags: row.tags.map((t) => ({ slug: t.slug, name: t.name, url: absoluteUrl(siteUrl, tagPath(t.slug)) })),
    notes: row.notes,
    seo: { title: row.seoTitle, description: row.seoDescription },
    published_at: row.publishedAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export type ApiStory = ReturnType<typeof apiStory>;
export type ApiSection = ApiRef & { description: string; position: number; in_navigation: boolean };
export type ApiTag = ApiRef & { description: string; stories: number };
export type ApiAuthor = ApiRef & { job_title: string | null; bio: string | null; stories: number };

export const apiSection = (siteUrl: string, s: { slug: string; name: string; description: string; position: number; hidden: boolean }): ApiSection => ({
  slug: s.slug,
  name: s.name,
  url: absoluteUrl(siteUrl, sectionPath(s.slug)),
  description: s.description,
  position: s.position,
  in_navigation: !s.hidden,
});

export const apiTag = (siteUrl: string, t: { slug: string; name: string; description: string; stories: number }): ApiTag => ({
  slug: t.slug,
  name: t.name,
  url: absoluteUrl(siteUrl, tagPath(t.slug)),
  description: t.description,
  stories: t.stories,
});

export const apiAuthor = (siteUrl: string, a: { slug: string; name: string; jobTitle: string | null; bio: string | null; stories: number }): ApiAuthor => ({
  slug: a.slug,
  name: a.name,
  url: absoluteUrl(siteUrl, authorPath(a.slug)),
  job_title: a.jobTitle,
  bio: a.bio,
  stories: a.stories,
});
