import { eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, publishedStories, sections, stories } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { Forbidden } from '@/lib/dal';
import { lookupArticle } from '@/lib/reader/article-lookup';
import { LATEST_TAG, SECTIONS_TAG, sectionTag } from '@/lib/reader/cache-tags';
import { isSectionGone, lookupSection } from '@/lib/reader/section-lookup';
import { connectTestDb } from '@/test/db';
import { insertPublished } from '@/test/published';
import { asDeactivated, createStaff } from '@/test/staff';
import { saveStory } from '@/lib/stories/save';
import { createStory, getStoryForEditor } from '@/lib/stories/working-copy';
import { contentOf } from '@/test/stories';
import { createSectionSchema, updateSectionSchema } from './schemas';
import { archiveSection, createSection, deleteSection, listSectionsForAdmin, mergeSection, moveSection, updateSection } from './sections';

const { db, client } = connectTestDb();
let writer: CurrentUser;
let editor: CurrentUser;
let admin: CurrentUser;
const ip = '2001:db8::20';
const unique = () => Math.random().toString(36).slice(2, 8);

beforeAll(async () => {
  writer = await createStaff(db, 'writer');
  editor = await createStaff(db, 'editor');
  admin = await createStaff(db, 'admin');
});
afterAll(() => client.end());

async function create(name: string, slug = '') {
  const outcome = await createSection(admin, createSectionSchema.parse({ name, slug }), { ip });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome));
  return outcome.data.id;
}
const slugOf = async (id: string) => (await db.select({ slug: sections.slug }).from(sections).where(eq(sections.id, id)))[0]?.slug;

describe('sections: create and rename', () => {
  it('creates a section with an Arabic slug derived from its name, last in the navigation, audited', async () => {
    const name = `رياضة ${unique()}`;
    const id = await create(name);
    const [row] = await db.select().from(sections).where(eq(sections.id, id));
    expect(row!.slug).toBe(name.replace(' ', '-'));
    const [{ max }] = (await db.execute<{ max: number }>(`select max(position) as max from sections`)) as unknown as [{ max: number }];
    expect(row!.position).toBe(max);
    expect(await db.select().from(auditLog).where(eq(auditLog.targetId, id))).toHaveLength(1);
  });

  it('refuses reserved, duplicate and malformed slugs, and saves nothing', async () => {
    const before = await db.$count(sections);
    for (const slug of ['search', 'newsroom', 'tag', 'feeds', 'media', 'login', 'api']) {
      expect(await createSection(admin, createSectionSchema.parse({ name: 'x', slug }), { ip })).toEqual({ ok: false, fieldErrors: { slug: 'errors.slugReserved' } });
    }
    // Derived from the name, a reserved word is refused the same way.
    expect(await createSection(admin, createSectionSchema.parse({ name: 'Search' }), { ip })).toEqual({ ok: false, fieldErrors: { slug: 'errors.slugReserved' } });
    const taken = await create(`ثقافة ${unique()}`);
    expect(await createSection(admin, createSectionSchema.parse({ name: 'y', slug: await slugOf(taken) }), { ip })).toEqual({ ok: false, fieldErrors: { slug: 'errors.slugTaken' } });
    expect(createSectionSchema.safeParse({ name: 'z', slug: 'Not A Slug' }).error?.issues[0]?.message).toBe('errors.slugInvalid');
    expect(await db.$count(sections)).toBe(before + 1);
  });

  it('refuses empty, overlong and bidi-controlled names in the schema', () => {
    const issue = (name: string) => createSectionSchema.safeParse({ name, slug: '' }).error?.issues[0]?.message;
    expect(issue('   ')).toBe('errors.required');
    expect(issue('ا'.repeat(200))).toBe('errors.tooLong');
    expect(issue('رياضة\u202Eمقلوبة')).toBe('errors.controlChars');
    expect(issue('رياضة\u2067x\u2069')).toBe('errors.controlChars');
    expect(issue('رياضة\u200F')).toBe('errors.controlChars');
    expect(updateSectionSchema.safeParse({ id: crypto.randomUUID(), name: 'ok', slug: '', description: 'سطر\u202Dخفي' }).error?.issues[0]?.message).toBe('errors.controlChars');
  });

  it('renames a slug: the old section URL and every story under it answer with the new place', async () => {
    const id = await create(`اقتصاد ${unique()}`);
    const oldSlug = (await slugOf(id))!;
    const storyId = await insertPublished(db, { headline: 'خبر', paragraphs: ['نص'], sectionId: id });
    const [{ slug: storySlug }] = await db.select({ slug: stories.slug }).from(stories).where(eq(stories.id, storyId)) as [{ slug: string }];
    const newSlug = `مال-${unique()}`;
    const outcome = await updateSection(admin, updateSectionSchema.parse({ id, name: 'مال', slug: newSlug, description: 'أخبار المال والأعمال' }), { ip });
    expect(outcome.ok && outcome.data.tags).toEqual(expect.arrayContaining([SECTIONS_TAG, LATEST_TAG, sectionTag(oldSlug), sectionTag(newSlug)]));
    expect(await lookupSection(db, oldSlug)).toEqual({ kind: 'redirect', slug: newSlug });
    expect(await lookupSection(db, newSlug)).toMatchObject({ kind: 'found', owner: { name: 'مال', description: 'أخبار المال والأعمال' } });
    expect(await lookupArticle(db, oldSlug, storySlug)).toEqual({ kind: 'redirect', sectionSlug: newSlug, slug: storySlug });
    // Renaming back makes the old slug live again, not a redirect to itself.
    expect((await updateSection(admin, updateSectionSchema.parse({ id, name: 'مال', slug: oldSlug }), { ip })).ok).toBe(true);
    expect(await lookupSection(db, oldSlug)).toMatchObject({ kind: 'found' });
    expect(await lookupSection(db, newSlug)).toEqual({ kind: 'redirect', slug: oldSlug });
    // Another section cannot take a slug that still redirects.
    expect(await createSection(admin, createSectionSchema.parse({ name: 'z', slug: newSlug }), { ip })).toEqual({ ok: false, fieldErrors: { slug: 'errors.slugTaken' } });
  });
});

describe('sections: order, archive, merge, delete', () => {
  it('moves a section up the navigation order', async () => {
    const a = await create(`أ ${unique()}`);
    const b = await create(`ب ${unique()}`);
    expect((await moveSection(admin, { id: b, direction: 'up' }, { ip })).ok).toBe(true);
    const list = (await listSectionsForAdmin(admin)).map((row) => row.id);
    expect(list.indexOf(b)).toBe(list.indexOf(a) - 1);
  });

  it('archives to 410 or to a chosen section; archived sections take no stories', async () => {
    const gone = await create(`قديم ${unique()}`);
    const moved = await create(`منقول ${unique()}`);
    const target = await create(`جديد ${unique()}`);
    expect((await archiveSection(admin, { id: gone, redirectTo: '' }, { ip })).ok).toBe(true);
    expect(await isSectionGone(db, (await slugOf(gone))!)).toBe(true);
    expect(await lookupSection(db, (await slugOf(gone))!)).toEqual({ kind: 'gone' });
    expect(await archiveSection(admin, { id: moved, redirectTo: gone }, { ip })).toEqual({ ok: false, fieldErrors: { redirectTo: 'errors.sections.badTarget' } });
    expect((await archiveSection(admin, { id: moved, redirectTo: target }, { ip })).ok).toBe(true);
    expect(await isSectionGone(db, (await slugOf(moved))!)).toBe(false);
    expect(await lookupSection(db, (await slugOf(moved))!)).toEqual({ kind: 'redirect', slug: await slugOf(target) });
    expect(await mergeSection(admin, { id: target, into: gone }, { ip })).toEqual({ ok: false, fieldErrors: { into: 'errors.sections.badTarget' } });
  });

  it('refuses to archive or hide the last visible section', async () => {
    const last = await create(`وحيد ${unique()}`);
    const visible = await db.select({ id: sections.id }).from(sections).where(ne(sections.id, last));
    await db.update(sections).set({ hidden: true }).where(ne(sections.id, last));
    try {
      expect(await archiveSection(admin, { id: last, redirectTo: '' }, { ip })).toEqual({ ok: false, error: 'errors.sections.lastVisible' });
      expect(await updateSection(admin, updateSectionSchema.parse({ id: last, name: 'وحيد', slug: '', hidden: 'on' }), { ip })).toEqual({ ok: false, fieldErrors: { hidden: 'errors.sections.lastVisible' } });
      const [row] = await db.select().from(sections).where(eq(sections.id, last));
      expect(row).toMatchObject({ hidden: false, archivedAt: null });
    } finally {
      for (const { id } of visible) await db.update(sections).set({ hidden: false }).where(eq(sections.id, id));
    }
  });

  it('merges: stories and their live copies move, old URLs redirect, the section is gone', async () => {
    const from = await create(`تقنية ${unique()}`);
    const into = await create(`علوم ${unique()}`);
    const fromSlug = (await slugOf(from))!;
    const storyId = await insertPublished(db, { headline: 'خبر', paragraphs: ['نص'], sectionId: from });
    expect(await mergeSection(admin, { id: from, into: from }, { ip })).toEqual({ ok: false, fieldErrors: { into: 'errors.sections.mergeSelf' } });
    expect((await mergeSection(admin, { id: from, into }, { ip })).ok).toBe(true);
    const [story] = await db.select({ sectionId: stories.sectionId, slug: stories.slug }).from(stories).where(eq(stories.id, storyId));
    const [live] = await db.select({ sectionId: publishedStories.sectionId }).from(publishedStories).where(eq(publishedStories.storyId, storyId));
    expect([story!.sectionId, live!.sectionId]).toEqual([into, into]);
    expect(await slugOf(from)).toBeUndefined();
    expect(await lookupSection(db, fromSlug)).toEqual({ kind: 'redirect', slug: await slugOf(into) });
    expect(await lookupArticle(db, fromSlug, story!.slug!)).toEqual({ kind: 'redirect', sectionSlug: await slugOf(into), slug: story!.slug });
  });

  it('deletes only a section no story uses', async () => {
    const used = await create(`مستخدم ${unique()}`);
    await insertPublished(db, { headline: 'خبر', paragraphs: ['نص'], sectionId: used });
    expect(await deleteSection(admin, { id: used }, { ip })).toEqual({ ok: false, error: 'errors.sections.hasStories' });
    expect(await slugOf(used)).toBeDefined();
    const empty = await create(`فارغ ${unique()}`);
    expect((await deleteSection(admin, { id: empty }, { ip })).ok).toBe(true);
    expect(await slugOf(empty)).toBeUndefined();
  });

  it('refuses everyone but an admin, even when the UI is bypassed', async () => {
    const id = await create(`محمي ${unique()}`);
    for (const actor of [null, writer, editor, asDeactivated(admin)]) {
      await expect(listSectionsForAdmin(actor)).rejects.toBeInstanceOf(Forbidden);
      await expect(createSection(actor, createSectionSchema.parse({ name: 'مخترق' }), { ip })).rejects.toBeInstanceOf(Forbidden);
      await expect(updateSection(actor, updateSectionSchema.parse({ id, name: 'مخترق', slug: '' }), { ip })).rejects.toBeInstanceOf(Forbidden);
      await expect(moveSection(actor, { id, direction: 'up' }, { ip })).rejects.toBeInstanceOf(Forbidden);
      await expect(archiveSection(actor, { id, redirectTo: '' }, { ip })).rejects.toBeInstanceOf(Forbidden);
      await expect(mergeSection(actor, { id, into: crypto.randomUUID() }, { ip })).rejects.toBeInstanceOf(Forbidden);
      await expect(deleteSection(actor, { id }, { ip })).rejects.toBeInstanceOf(Forbidden);
    }
    expect(await db.select({ name: sections.name, archivedAt: sections.archivedAt }).from(sections).where(eq(sections.id, id))).toEqual([{ name: expect.stringMatching(/^محمي/), archivedAt: null }]);
  });

  it('refuses to move a story into an archived section, and saves nothing', async () => {
    const archived = await create(`مغلق ${unique()}`);
    expect((await archiveSection(admin, { id: archived, redirectTo: '' }, { ip })).ok).toBe(true);
    const id = await createStory(writer);
    const { story } = (await getStoryForEditor(writer, id))!;
    const outcome = await saveStory(writer, id, contentOf(story, { headline: 'لن يُحفظ', sectionId: archived }));
    expect(outcome).toMatchObject({ status: 'invalid', fieldErrors: { sectionId: 'errors.sections.archivedTarget' } });
    const [row] = await db.select({ sectionId: stories.sectionId, headline: stories.headline, version: stories.version }).from(stories).where(eq(stories.id, id));
    expect(row).toEqual({ sectionId: null, headline: '', version: story.version });
  });
});
