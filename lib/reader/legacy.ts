import 'server-only';
import { permanentRedirect } from 'next/navigation';
import { getDb } from '@/db';
import { legacyKey } from '@/lib/imports/paths';
import { legacyTag } from './cache-tags';
import { lookupLegacy } from './legacy-lookup';
import { storyPath } from './paths';
import { taggedCache } from './tagged-cache';

// Old URLs of an imported site (/2024/05/slug, /?p=123, a Ghost /slug/): the
// pages that would answer 404 ask here first and answer 308 to the story.
// The decision, redirect or not, is cached under the path's tag: the import
// expires it when it adds the path, and every publish, slug or section change
// of the story expires it too (lib/stories/publication.ts, readerTags).

const getLegacy = (key: string) => taggedCache(() => lookupLegacy(getDb(), key), ['legacy', key], { tags: [legacyTag(key)] })();

/** Redirects (308) when the path, or the root with ?p=, is an old one we know; returns otherwise. */
export async function redirectIfLegacy(pathname: string, search = ''): Promise<void> {
  const key = legacyKey(pathname, search);
  if (!key) return;
  const target = await getLegacy(key);
  if (target) permanentRedirect(storyPath(target.sectionSlug, target.slug));
}

/** The path of a route's raw segments. */
export const pathOf = (segments: string[]) => `/${segments.join('/')}`;
