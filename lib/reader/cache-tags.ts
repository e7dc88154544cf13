// Cache tags of reader reads. Publishing, corrections, take-downs and
// settings changes expire exactly the tags they touch. Pure: no I/O.

export const LATEST_TAG = 'latest';
export const SETTINGS_TAG = 'settings';

export const storyTag = (storyId: string) => `story:${storyId}`;
export const slugTag = (slug: string) => `slug:${slug}`;
export const sectionTag = (sectionSlug: string) => `section:${sectionSlug}`;
export const tagTag = (tagSlug: string) => `tag:${tagSlug}`;
