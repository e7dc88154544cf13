import { eq } from 'drizzle-orm';
import type { Executor } from '@/db';
import { legacyRedirects } from '@/db/schema';
import { whereStoryLives } from './article-lookup';

// An old path of an imported post (lib/imports) to where its story lives now.
// Uncached and free of Next APIs; lib/reader/legacy.ts wraps it in the tagged
// cache. Only stories readers have (or had: a taken-down one's URL answers 410).

export type LegacyTarget = { sectionSlug: string; slug: string };

export async function lookupLegacy(db: Executor, key: string): Promise<LegacyTarget | null> {
  return whereStoryLives(db, db.select({ storyId: legacyRedirects.storyId }).from(legacyRedirects).where(eq(legacyRedirects.path, key)));
}
