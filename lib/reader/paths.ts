import { encodeSlug } from '@/lib/slug';

// Canonical reader URLs, percent-encoded as links, canonicals, feeds and sitemaps carry them.
export function storyPath(sectionSlug: string, storySlug: string): string {
  return `/${encodeSlug(sectionSlug)}/${encodeSlug(storySlug)}`;
}

export function sectionPath(sectionSlug: string): string {
  return `/${encodeSlug(sectionSlug)}`;
}

export function tagPath(tagSlug: string): string {
  return `/tag/${encodeSlug(tagSlug)}`;
}

export function authorPath(authorSlug: string): string {
  return `/author/${encodeSlug(authorSlug)}`;
}
