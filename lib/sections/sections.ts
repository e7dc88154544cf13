import 'server-only';
import { and, asc, count, eq, isNull, ne, sql } from 'drizzle-orm';
import { getDb, type Executor, type Transaction } from '@/db';
import { publishedStories, sections, sectionSlugHistory, stories, storyRevisions } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { CurrentUser } from '@/lib/auth/actor';
import { now } from '@/lib/clock';
import { leavesDeskEmpty, lockDesks } from '@/lib/desk/keeps-section';
import { authorize, failure, fieldFailure, isUniqueViolation, success, type Outcome } from '@/lib/dal';
import { FRONT_TAG, LATEST_TAG, SECTIONS_TAG, sectionTag } from '@/lib/reader/cache-tags';
import { isReservedSegment } from '@/lib/reader/reserved';
import { slugify } from '@/lib/slug';
import type { CreateSectionInput, UpdateSectionInput } from './schemas';

// Sections, for admins. Each change is one transaction with its audit entry,
// and answers the reader cache tags it touched, which the action expires.

export type SectionRow = {
  id: string;
  slug: string;
  name: string;
  description: string;
  hidden: boolean;
  archived: boolean;
  redirectToName: string | null;
  stories: number;
};

/** Reader caches a change to these sections touches: the navigation, their pages (any slug they had), and every card that names a section. */
export type Changed = { tags: string[] };
const touched = (...slugs: string[]): Changed => ({ tags: [SECTIONS_TAG, LATEST_TAG, FRONT_TAG, ...[...new Set(slugs)].map(sectionTag)] });

export async function listSectionsForAdmin(actor: CurrentUser | null): Promise<SectionRow[]> {
  authorize(actor, 'sections:manage');
  const db = getDb();
  const target = db.select({ id: sections.id, name: sections.name }).from(sections).as('target');
  const used = db.select({ sectionId: stories.sectionId, n: count().as('n') }).from(stories).groupBy(stories.sectionId).as('used');
  const rows = await db
    .select({ section: sections, redirectToName: target.name, stories: sql<number>`coalesce(${used.n}, 0)::int` })
    .from(sections)
    .leftJoin(target, eq(target.id, sections.redirectToId))
    .leftJoin(used, eq(used.sectionId, sections.id))
    .orderBy(sql`${sections.archivedAt} is not null`, asc(sections.position), asc(sections.name));
  return rows.map(({ section, redirectToName, stories: n }) => ({
    id: section.id,
    slug: section.slug,
    name: section.name,
    description: section.description,
    hidden: section.hidden,
    archived: section.archivedAt !== null,
    redirectToName,
    stories: n,
  }));
}

/** A slug for this section: typed or derived, and free (not another section's, now or before). */
async function slugProblem(tx: Executor, slug: string, sectionId: string | null): Promise<string | null> {
  if (!slug) return 'errors.slugInvalid';
  if (isReservedSegment(slug)) return 'errors.slugReserved';
  const [live] = await tx.select({ id: sections.id }).from(sections).where(eq(sections.slug, slug));
  if (live && live.id !== sectionId) return 'errors.slugTaken';
  const [old] = await tx.select({ id: sectionSlugHistory.sectionId }).from(sectionSlugHistory).where(eq(sectionSlugHistory.slug, slug));
  if (old && old.id !== sectionId) return 'errors.slugTaken';
  return null;
}

/** Sections readers see in the navigation, other than the one named. */
async function otherVisible(tx: Executor, exceptId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(sections)
    .where(and(ne(sections.id, exceptId), eq(sections.hidden, false), isNull(sections.archivedAt)));
  return row?.n ?? 0;
}

/** For changes that can leave a desk without a section: the desks first, as desk changes lock them, then the sections. */
async function lockSectionsAndDesks(tx: Transaction) {
  await lockDesks(tx);
  await tx.execute(sql`lock table ${sections} in share row exclusive mode`);
}

async function lockSection(tx: Transaction, id: string) {
  const [row] = await tx.select().from(sections).where(eq(sections.id, id)).for('update');
  return row ?? null;
}

/** A race on the unique slug index lands as the same field error as the check before it. */
async function guardSlugRace<T>(work: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, 'sections_slug_idx') || isUniqueViolation(error, 'section_slug_history_pkey')) return fieldFailure({ slug: 'errors.slugTaken' });
    throw error;
  }
}

export async function createSection(actor: CurrentUser | null, input: CreateSectionInput, ctx: { ip: string }): Promise<Outcome<Changed & { id: string }>> {
  authorize(actor, 'sections:manage');
  const slug = input.slug || slugify(input.name);
  return guardSlugRace(() =>
    getDb().transaction(async (tx) => {
      // One section at a time, so positions stay distinct.
      await tx.execute(sql`lock table ${sections} in share row exclusive mode`);
      const problem = await slugProblem(tx, slug, null);
      if (problem) return fieldFailure({ slug: problem });
      const [last] = await tx.select({ max: sql<number | null>`max(${sections.position})` }).from(sections);
      const [row] = await tx
        .insert(sections)
        .values({ slug, name: input.name, description: input.description, position: (last?.max ?? -1) + 1 })
        .returning({ id: sections.id });
      await recordAudit(tx, { actorId: actor.id, action: 'section.create', targetType: 'section', targetId: row!.id, after: { slug, name: input.name }, ip: ctx.ip });
      return success({ id: row!.id, ...touched(slug) });
    }),
  );
}

/** Name, slug, description and visibility. A new slug keeps the old one as a redirect. */
export async function updateSection(actor: CurrentUser | null, input: UpdateSectionInput, ctx: { ip: string }): Promise<Outcome<Changed>> {
  authorize(actor, 'sections:manage');
  return guardSlugRace(() =>
    getDb().transaction(async (tx) => {
      const section = await lockSection(tx, input.id);
      if (!section) return failure('errors.notFound');
      const slug = input.slug || section.slug;
      if (slug !== section.slug) {
        const problem = await slugProblem(tx, slug, section.id);
        if (problem) return fieldFailure({ slug: problem });
      }
      if (input.hidden && !section.hidden && !section.archivedAt && (await otherVisible(tx, section.id)) === 0) return fieldFailure({ hidden: 'errors.sections.lastVisible' });
      if (slug !== section.slug) {
        // The new slug may be one this section had before: it is live again, no longer a redirect.
        await tx.delete(sectionSlugHistory).where(eq(sectionSlugHistory.slug, slug));
        await tx.insert(sectionSlugHistory).values({ slug: section.slug, sectionId: section.id });
      }
      const after = { slug, name: input.name, description: input.description, hidden: input.hidden };
      await tx.update(sections).set(after).where(eq(sections.id, section.id));
      const before = { slug: section.slug, name: section.name, description: section.description, hidden: section.hidden };
      await recordAudit(tx, { actorId: actor.id, action: 'section.update', targetType: 'section', targetId: section.id, before, after, ip: ctx.ip });
      return success(touched(section.slug, slug));
    }),
  );
}

/** Moves a section one place up or down the navigation. */
export async function moveSection(actor: CurrentUser | null, input: { id: string; direction: 'up' | 'down' }, ctx: { ip: string }): Promise<Outcome<Changed>> {
  authorize(actor, 'sections:manage');
  return getDb().transaction(async (tx) => {
    await tx.execute(sql`lock table ${sections} in share row exclusive mode`);
    const ordered = await tx.select({ id: sections.id, slug: sections.slug }).from(sections).orderBy(asc(sections.position), asc(sections.name));
    const from = ordered.findIndex((row) => row.id === input.id);
    if (from < 0) return failure('errors.notFound');
    const to = input.direction === 'up' ? from - 1 : from + 1;
    if (to < 0 || to >= ordered.length) return success(touched());
    [ordered[from], ordered[to]] = [ordered[to]!, ordered[from]!];
    // Renumber all: positions written by older installs may tie.
    for (const [position, row] of ordered.entries()) await tx.update(sections).set({ position }).where(eq(sections.id, row.id));
    await recordAudit(tx, { actorId: actor.id, action: 'section.move', targetType: 'section', targetId: input.id, after: { direction: input.direction }, ip: ctx.ip });
    return success(touched());
  });
}

/**
 * Archives a section: out of the navigation and of the editor's picker. Its
 * page answers 308 to the section chosen, or 410 when none is; its stories
 * stay where they are, since taking a story down is an editorial act.
 */
export async function archiveSection(actor: CurrentUser | null, input: { id: string; redirectTo: string }, ctx: { ip: string }): Promise<Outcome<Changed>> {
  authorize(actor, 'sections:manage');
  return getDb().transaction(async (tx) => {
    await lockSectionsAndDesks(tx);
    const section = await lockSection(tx, input.id);
    if (!section) return failure('errors.notFound');
    if (section.archivedAt) return failure('errors.sections.archived');
    if (!section.hidden && (await otherVisible(tx, section.id)) === 0) return failure('errors.sections.lastVisible');
    if (await leavesDeskEmpty(tx, section)) return failure('errors.sections.lastOfDesk');
    let redirectTo: { id: string; slug: string } | null = null;
    if (input.redirectTo) {
      const [target] = await tx.select().from(sections).where(eq(sections.id, input.redirectTo));
      if (!target || target.id === section.id || target.archivedAt) return fieldFailure({ redirectTo: 'errors.sections.badTarget' });
      redirectTo = target;
    }
    await tx.update(sections).set({ archivedAt: now(), redirectToId: redirectTo?.id ?? null }).where(eq(sections.id, section.id));
    await recordAudit(tx, { actorId: actor.id, action: 'section.archive', targetType: 'section', targetId: section.id, after: { redirectTo: redirectTo?.slug ?? null }, ip: ctx.ip });
    return success(touched(section.slug, ...(await historyOf(tx, section.id))));
  });
}

export async function restoreSection(actor: CurrentUser | null, input: { id: string }, ctx: { ip: string }): Promise<Outcome<Changed>> {
  authorize(actor, 'sections:manage');
  return getDb().transaction(async (tx) => {
    const section = await lockSection(tx, input.id);
    if (!section) return failure('errors.notFound');
    await tx.update(sections).set({ archivedAt: null, redirectToId: null }).where(eq(sections.id, section.id));
    await recordAudit(tx, { actorId: actor.id, action: 'section.restore', targetType: 'section', targetId: section.id, ip: ctx.ip });
    return success(touched(section.slug, ...(await historyOf(tx, section.id))));
  });
}

async function historyOf(tx: Executor, sectionId: string): Promise<string[]> {
  const rows = await tx.select({ slug: sectionSlugHistory.slug }).from(sectionSlugHistory).where(eq(sectionSlugHistory.sectionId, sectionId));
  return rows.map((row) => row.slug);
}

/**
 * Merges a section into another: its stories move (working copies, revisions
 * and the published projection), its slugs become redirects to the other
 * section, and it is gone. Old article URLs answer 308 by the usual lookup,
 * since a story's slug finds it whatever section the URL names.
 */
export async function mergeSection(actor: CurrentUser | null, input: { id: string; into: string }, ctx: { ip: string }): Promise<Outcome<Changed>> {
  authorize(actor, 'sections:manage');
  if (input.id === input.into) return fieldFailure({ into: 'errors.sections.mergeSelf' });
  return getDb().transaction(async (tx) => {
    await lockSectionsAndDesks(tx);
    const from = await lockSection(tx, input.id);
    const into = await lockSection(tx, input.into);
    if (!from) return failure('errors.notFound');
    if (!into || into.archivedAt) return fieldFailure({ into: 'errors.sections.badTarget' });
    const fromVisible = !from.hidden && !from.archivedAt;
    if (fromVisible && into.hidden && (await otherVisible(tx, from.id)) === 0) return failure('errors.sections.lastVisible');
    if (await leavesDeskEmpty(tx, from)) return failure('errors.sections.lastOfDesk');
    const oldSlugs = [from.slug, ...(await historyOf(tx, from.id))];
    const moved = await tx.update(stories).set({ sectionId: into.id }).where(eq(stories.sectionId, from.id)).returning({ id: stories.id });
    await tx.update(storyRevisions).set({ sectionId: into.id }).where(eq(storyRevisions.sectionId, from.id));
    await tx.update(publishedStories).set({ sectionId: into.id }).where(eq(publishedStories.sectionId, from.id));
    await tx.update(sections).set({ redirectToId: into.id }).where(eq(sections.redirectToId, from.id));
    await tx.update(sectionSlugHistory).set({ sectionId: into.id }).where(eq(sectionSlugHistory.sectionId, from.id));
    await tx.delete(sections).where(eq(sections.id, from.id));
    await tx.insert(sectionSlugHistory).values({ slug: from.slug, sectionId: into.id });
    await recordAudit(tx, { actorId: actor.id, action: 'section.merge', targetType: 'section', targetId: from.id, before: { slug: from.slug, name: from.name }, after: { into: into.slug, stories: moved.length }, ip: ctx.ip });
    return success(touched(into.slug, ...oldSlugs));
  });
}

/** Deletes a section no story ever used; one with stories can only be archived or merged. */
export async function deleteSection(actor: CurrentUser | null, input: { id: string }, ctx: { ip: string }): Promise<Outcome<Changed>> {
  authorize(actor, 'sections:manage');
  return getDb().transaction(async (tx) => {
    await lockSectionsAndDesks(tx);
    const section = await lockSection(tx, input.id);
    if (!section) return failure('errors.notFound');
    const [used] = await tx
      .select({ n: sql<number>`(select count(*) from ${stories} where ${stories.sectionId} = ${section.id}) + (select count(*) from ${storyRevisions} where ${storyRevisions.sectionId} = ${section.id})` })
      .from(sql`(select 1) as one`);
    if (Number(used?.n ?? 0) > 0) return failure('errors.sections.hasStories');
    if (!section.hidden && !section.archivedAt && (await otherVisible(tx, section.id)) === 0) return failure('errors.sections.lastVisible');
    if (await leavesDeskEmpty(tx, section)) return failure('errors.sections.lastOfDesk');
    const oldSlugs = await historyOf(tx, section.id);
    await tx.update(sections).set({ redirectToId: null }).where(eq(sections.redirectToId, section.id));
    await tx.delete(sections).where(eq(sections.id, section.id));
    await recordAudit(tx, { actorId: actor.id, action: 'section.delete', targetType: 'section', targetId: section.id, before: { slug: section.slug, name: section.name }, ip: ctx.ip });
    return success(touched(section.slug, ...oldSlugs));
  });
}
