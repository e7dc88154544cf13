import { createHash } from 'node:crypto';

// Cache tags of reader reads. Publishing, corrections, take-downs and
// settings changes expire exactly the tags they touch. Pure: no I/O.

export const LATEST_TAG = 'latest';
export const SETTINGS_TAG = 'settings';
/** The curated lead and top stories of the home page. */
export const FRONT_TAG = 'front';

export const storyTag = (storyId: string) => `story:${storyId}`;
export const slugTag = (slug: string) => `slug:${slug}`;
export const sectionTag = (sectionSlug: string) => `section:${sectionSlug}`;
export const tagTag = (tagSlug: string) => `tag:${tagSlug}`;
export const authorTag = (authorSlug: string) => `author:${authorSlug}`;
/** The sections of the reader's navigation, in their order. */
export const SECTIONS_TAG = 'sections';
/** An old path of an imported post (lib/imports/paths.ts): its redirect, or the 404 it answered before the import. */
export const legacyTag = (path: string) => `legacy:${path}`;

/** Next drops a tag longer than this from unstable_cache, with a warning (next/dist/lib/constants). */
const DATA_CACHE_TAG_MAX_LENGTH = 256;

/**
 * A tag as Next's data cache gets it, in reads and expiries alike. An old path
 * can be longer than Next takes (an imported post's Arabic slug, a reader's
 * absurd address): dropped, its read would have no tag, and the 404 it cached
 * would outlive the import that gives the path its redirect. Such a tag
 * becomes its kind and a hash. The response cache keeps the tags as they are.
 */
export function dataCacheTag(tag: string): string {
  if (tag.length <= DATA_CACHE_TAG_MAX_LENGTH) return tag;
  return `${tag.slice(0, Math.min(32, Math.max(0, tag.indexOf(':'))))}:#${createHash('sha256').update(tag).digest('hex')}`;
}
