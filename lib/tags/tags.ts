import 'server-only';
import { asc, count, eq, ilike, or, sql } from 'drizzle-orm';
import { getDb, type Executor, type Transaction } from '@/db';
import { publishedStories, storyRevisions, storyTags, tags, tagSlugHistory, type TagRef } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { CurrentUser } from '@/lib/auth/actor';
import { authorize, failure, fieldFailure, isUniqueViolation, success, type Outcome } from '@/lib/dal';
import { LATEST_TAG, slugTag, tagTag } from '@/lib/reader/cache-tags';
import { slugify } from '@/lib/slug';
import type { UpdateTagInput } from './schemas';

// Tags, for editors and admins. Stories name their tags by id; the published
// projection and revisions keep a copy of each tag's name and slug, so a rename
// or merge rewrites those copies in the same transaction (a pending approved
// revision would otherwise publish the old name again).

export type TagRow = { id: string; slug: string; name: string; description: string; stories: number };
export type Changed = { tags: string[] };

const LIST_LIMIT = 200;

/** Tags with how many stories carry them, most used first; q matches the name or the slug. */
export async function listTagsForEditor(actor: CurrentUser | null, filter: { q?: string }): Promise<TagRow[]> {
  authorize(actor, 'tags:manage');
  const db = getDb();
  const used = db.select({ tagId: storyTags.tagId, n: count().as('n') }).from(storyTags).groupBy(storyTags.tagId).as('used');
  const pattern = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await db
    .select({ id: tags.id, slug: tags.slug, name: tags.name, description: tags.description, stories: sql<number>`coalesce(${used.n}, 0)::int` })
    .from(tags)
    .leftJoin(used, eq(used.tagId, tags.id))
    .where(pattern ? or(ilike(tags.name, pattern), ilike(tags.slug, pattern)) : undefined)
    .orderBy(sql`coalesce(${used.n}, 0) desc`, asc(tags.name))
    .limit(LIST_LIMIT);
  return rows;
}

async function slugProblem(tx: Executor, slug: string, tagId: string): Promise<string | null> {
  if (!slug) return 'errors.slugInvalid';
  const [live] = await tx.select({ id: tags.id }).from(tags).where(eq(tags.slug, slug));
  if (live && live.id !== tagId) return 'errors.slugTaken';
  const [old] = await tx.select({ id: tagSlugHistory.tagId }).from(tagSlugHistory).where(eq(tagSlugHistory.slug, slug));
  if (old && old.id !== tagId) return 'errors.slugTaken';
  return null;
}

/**
 * Replaces the tag `fromId` by `ref` in a TagRef[] column, keeping positions
 * and dropping a second copy when the story already had `ref`. Answers the
 * slugs of the published stories it touched, whose pages show their tags.
 */
async function rewriteTagCopies(tx: Transaction, fromId: string, ref: TagRef): Promise<string[]> {
  const rewrite = (column: typeof publishedStories.tags | typeof storyRevisions.tags) => sql`(
    select coalesce(jsonb_agg(elem order by ord), '[]'::jsonb) from (
      select distinct on (elem->>'id') elem, ord from (
        select case when e->>'id' = ${fromId} then ${JSON.stringify(ref)}::jsonb else e end as elem, ord
        from jsonb_array_elements(${column}) with ordinality as x(e, ord)
      ) replaced order by elem->>'id', ord
    ) deduped)`;
  const holds = (column: typeof publishedStories.tags | typeof storyRevisions.tags) => sql`${column} @> ${JSON.stringify([{ id: fromId }])}::jsonb`;
  await tx.update(storyRevisions).set({ tags: rewrite(storyRevisions.tags) }).where(holds(storyRevisions.tags));
  const live = await tx.update(publishedStories).set({ tags: rewrite(publishedStories.tags) }).where(holds(publishedStories.tags)).returning({ slug: publishedStories.slug });
  return live.map((row) => row.slug);
}

async function historyOf(tx: Executor, tagId: string): Promise<string[]> {
  return (await tx.select({ slug: tagSlugHistory.slug }).from(tagSlugHistory).where(eq(tagSlugHistory.tagId, tagId))).map((row) => row.slug);
}

const touched = (tagSlugs: string[], storySlugs: string[]): Changed => ({ tags: [LATEST_TAG, ...new Set(tagSlugs.map(tagTag)), ...storySlugs.map(slugTag)] });

/** Name, slug and description. A new slug keeps the old one as a redirect. */
export async function updateTag(actor: CurrentUser | null, input: UpdateTagInput, ctx: { ip: string }): Promise<Outcome<Changed>> {
  authorize(actor, 'tags:manage');
  try {
    return await getDb().transaction(async (tx) => {
      const [tag] = await tx.select().from(tags).where(eq(tags.id, input.id)).for('update');
      if (!tag) return failure('errors.notFound');
      const slug = input.slug || slugify(input.name);
      if (slug !== tag.slug) {
        const problem = await slugProblem(tx, slug, tag.id);
        if (problem) return fieldFailure({ slug: problem });
        await tx.delete(tagSlugHistory).where(eq(tagSlugHistory.slug, slug));
        await tx.insert(tagSlugHistory).values({ slug: tag.slug, tagId: tag.id });
      }
      await tx.update(tags).set({ slug, name: input.name, description: input.description }).where(eq(tags.id, tag.id));
      const storySlugs = slug !== tag.slug || input.name !== tag.name ? await rewriteTagCopies(tx, tag.id, { id: tag.id, name: input.name, slug }) : [];
      const before = { slug: tag.slug, name: tag.name, description: tag.description };
      await recordAudit(tx, { actorId: actor.id, action: 'tag.update', targetType: 'tag', targetId: tag.id, before, after: { slug, name: input.name, description: input.description }, ip: ctx.ip });
      return success(touched([tag.slug, slug], storySlugs));
    });
  } catch (error) {
    if (isUniqueViolation(error, 'tags_slug_idx') || isUniqueViolation(error, 'tag_slug_history_pkey')) return fieldFailure({ slug: 'errors.slugTaken' });
    throw error;
  }
}

/** Stories keep `into` (named by its name or slug); `id` is gone and its slugs redirect to `into`. */
export async function mergeTags(actor: CurrentUser | null, input: { id: string; into: string }, ctx: { ip: string }): Promise<Outcome<Changed>> {
  authorize(actor, 'tags:manage');
  const intoSlug = slugify(input.into);
  return getDb().transaction(async (tx) => {
    const [target] = await tx.select({ id: tags.id }).from(tags).where(eq(tags.slug, intoSlug));
    if (!target) return fieldFailure({ into: 'errors.tags.unknownTarget' });
    if (target.id === input.id) return fieldFailure({ into: 'errors.tags.mergeSelf' });
    // Both rows locked in a fixed order, so two opposite merges cannot deadlock.
    const locked = await tx.select().from(tags).where(or(eq(tags.id, input.id), eq(tags.id, target.id))).orderBy(asc(tags.id)).for('update');
    const from = locked.find((tag) => tag.id === input.id);
    const into = locked.find((tag) => tag.id === target.id);
    if (!from) return failure('errors.notFound');
    if (!into) return fieldFailure({ into: 'errors.tags.unknownTarget' });
    // Stories with both keep the one they had already; the others change tag in place.
    await tx.execute(sql`delete from ${storyTags} s where s.tag_id = ${from.id} and exists (select 1 from ${storyTags} o where o.story_id = s.story_id and o.tag_id = ${into.id})`);
    await tx.update(storyTags).set({ tagId: into.id }).where(eq(storyTags.tagId, from.id));
    const storySlugs = await rewriteTagCopies(tx, from.id, { id: into.id, name: into.name, slug: into.slug });
    const oldSlugs = [from.slug, ...(await historyOf(tx, from.id))];
    await tx.update(tagSlugHistory).set({ tagId: into.id }).where(eq(tagSlugHistory.tagId, from.id));
    await tx.delete(tags).where(eq(tags.id, from.id));
    await tx.insert(tagSlugHistory).values({ slug: from.slug, tagId: into.id });
    await recordAudit(tx, { actorId: actor.id, action: 'tag.merge', targetType: 'tag', targetId: from.id, before: { slug: from.slug, name: from.name }, after: { into: into.slug }, ip: ctx.ip });
    return success(touched([...oldSlugs, into.slug], storySlugs));
  });
}

/** Deletes a tag no story carries, in its working copy, a revision or what readers see. */
export async function deleteTag(actor: CurrentUser | null, input: { id: string }, ctx: { ip: string }): Promise<Outcome<Changed>> {
  authorize(actor, 'tags:manage');
  return getDb().transaction(async (tx) => {
    const [tag] = await tx.select().from(tags).where(eq(tags.id, input.id)).for('update');
    if (!tag) return failure('errors.notFound');
    const ref = JSON.stringify([{ id: tag.id }]);
    const [used] = await tx.execute<{ used: boolean }>(
      sql`select exists (select 1 from ${storyTags} where tag_id = ${tag.id}) or exists (select 1 from ${publishedStories} where tags @> ${ref}::jsonb) or exists (select 1 from ${storyRevisions} where tags @> ${ref}::jsonb) as used`,
    );
    if (used?.used) return failure('errors.tags.inUse');
    const oldSlugs = await historyOf(tx, tag.id);
    await tx.delete(tags).where(eq(tags.id, tag.id));
    await recordAudit(tx, { actorId: actor.id, action: 'tag.delete', targetType: 'tag', targetId: tag.id, before: { slug: tag.slug, name: tag.name }, ip: ctx.ip });
    return success(touched([tag.slug, ...oldSlugs], []));
  });
}
