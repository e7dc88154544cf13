import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Executor } from '@/db';
import { sections, sectionSlugHistory, tags, tagSlugHistory } from '@/db/schema';

// Resolves /{section} and /tag/{tag} to what readers get: the listing's owner,
// a permanent redirect (an old slug, a merged section, an archived section the
// admin pointed elsewhere) or nothing. Uncached and free of Next APIs, so
// integration tests run it; lib/reader/listings.ts caches it by tag.

/** Sections in the reader's navigation: neither hidden nor archived. */
export const inNavigation = and(eq(sections.hidden, false), isNull(sections.archivedAt));

export type Owner = { id: string; slug: string; name: string; description: string };
export type OwnerLookup = { kind: 'found'; owner: Owner } | { kind: 'redirect'; slug: string } | { kind: 'gone' } | { kind: 'missing' };

export async function lookupSection(db: Executor, slug: string): Promise<OwnerLookup> {
  const [section] = await db.select().from(sections).where(eq(sections.slug, slug));
  if (section) {
    const { id, name, description } = section;
    if (!section.archivedAt) return { kind: 'found', owner: { id, slug, name, description } };
    if (!section.redirectToId) return { kind: 'gone' };
    const [target] = await db.select({ slug: sections.slug }).from(sections).where(eq(sections.id, section.redirectToId));
    return target ? { kind: 'redirect', slug: target.slug } : { kind: 'gone' };
  }
  const [moved] = await db
    .select({ slug: sections.slug })
    .from(sectionSlugHistory)
    .innerJoin(sections, eq(sections.id, sectionSlugHistory.sectionId))
    .where(eq(sectionSlugHistory.slug, slug));
  return moved ? { kind: 'redirect', slug: moved.slug } : { kind: 'missing' };
}

export async function lookupTag(db: Executor, slug: string): Promise<OwnerLookup> {
  const [tag] = await db.select({ id: tags.id, slug: tags.slug, name: tags.name, description: tags.description }).from(tags).where(eq(tags.slug, slug));
  if (tag) return { kind: 'found', owner: tag };
  const [moved] = await db.select({ slug: tags.slug }).from(tagSlugHistory).innerJoin(tags, eq(tags.id, tagSlugHistory.tagId)).where(eq(tagSlugHistory.slug, slug));
  return moved ? { kind: 'redirect', slug: moved.slug } : { kind: 'missing' };
}

/** For proxy.ts: an archived section the admin sent nowhere answers 410; one indexed read, uncached. */
export async function isSectionGone(db: Executor, slug: string): Promise<boolean> {
  const [row] = await db
    .select({ id: sections.id })
    .from(sections)
    .where(and(eq(sections.slug, slug), isNotNull(sections.archivedAt), isNull(sections.redirectToId)));
  return Boolean(row);
}
