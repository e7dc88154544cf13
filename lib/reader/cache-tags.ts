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
