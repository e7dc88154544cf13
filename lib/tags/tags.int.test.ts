import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedStories, sections, storyRevisions, storyTags, tags, type TagRef } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { Forbidden } from '@/lib/dal';
import { slugTag, tagTag } from '@/lib/reader/cache-tags';
import { lookupTag } from '@/lib/reader/section-lookup';
import { connectTestDb } from '@/test/db';
import { insertPublished } from '@/test/published';
import { asDeactivated, createStaff } from '@/test/staff';
import { mergeTagSchema, updateTagSchema } from './schemas';
import { deleteTag, listTagsForEditor, mergeTags, updateTag } from './tags';

const { db, client } = connectTestDb();
let writer: CurrentUser;
let editor: CurrentUser;
let admin: CurrentUser;
let sectionId: string;
const ip = '2001:db8::21';
const unique = () => Math.random().toString(36).slice(2, 8);

beforeAll(async () => {
  writer = await createStaff(db, 'writer');
  editor = await createStaff(db, 'editor');
  admin = await createStaff(db, 'admin');
  const [section] = await db.insert(sections).values({ slug: `tags-${unique()}`, name: 'وسوم' }).returning({ id: sections.id });
  sectionId = section!.id;
});
afterAll(() => client.end());

async function tag(name: string): Promise<TagRef> {
  const [row] = await db.insert(tags).values({ name, slug: name.replace(/ /g, '-') }).returning({ id: tags.id, name: tags.name, slug: tags.slug });
  return row!;
}
const liveTags = async (storyId: string) => (await db.select({ tags: publishedStories.tags }).from(publishedStories).where(eq(publishedStories.storyId, storyId)))[0]!.tags;
const revisionTags = async (storyId: string) => (await db.select({ tags: storyRevisions.tags }).from(storyRevisions).where(eq(storyRevisions.storyId, storyId)))[0]!.tags;

describe('tags', () => {
  it('lists tags with story counts and finds them by name', async () => {
    const name = `ذكاء ${unique()}`;
    const used = await tag(name);
    await insertPublished(db, { headline: 'خبر', paragraphs: ['نص'], sectionId, tags: [used] });
    const found = await listTagsForEditor(editor, { q: name.split(' ')[1] });
    expect(found).toEqual([{ ...used, description: '', stories: 1 }]);
  });

  it('renames: the old URL redirects and what readers and revisions carry follows', async () => {
    const old = await tag(`قديم ${unique()}`);
    const storyId = await insertPublished(db, { headline: 'خبر', paragraphs: ['نص'], sectionId, tags: [old] });
    const [{ slug: storySlug }] = (await db.select({ slug: publishedStories.slug }).from(publishedStories).where(eq(publishedStories.storyId, storyId))) as [{ slug: string }];
    const slug = `جديد-${unique()}`;
    const outcome = await updateTag(editor, updateTagSchema.parse({ id: old.id, name: 'جديد', slug, description: 'عن الجديد' }), { ip });
    expect(outcome.ok && outcome.data.tags).toEqual(expect.arrayContaining([tagTag(old.slug), tagTag(slug), slugTag(storySlug)]));
    expect(await lookupTag(db, old.slug)).toEqual({ kind: 'redirect', slug });
    expect(await lookupTag(db, slug)).toMatchObject({ kind: 'found', owner: { name: 'جديد', description: 'عن الجديد' } });
    expect(await liveTags(storyId)).toEqual([{ id: old.id, name: 'جديد', slug }]);
    expect(await revisionTags(storyId)).toEqual([{ id: old.id, name: 'جديد', slug }]);
  });

  it('merges: stories keep one tag, in place, never twice; the old URL redirects', async () => {
    const from = await tag(`من ${unique()}`);
    const into = await tag(`إلى ${unique()}`);
    const other = await tag(`آخر ${unique()}`);
    const onlyFrom = await insertPublished(db, { headline: 'أ', paragraphs: ['نص'], sectionId, tags: [other, from] });
    const both = await insertPublished(db, { headline: 'ب', paragraphs: ['نص'], sectionId, tags: [from, into] });
    expect(await mergeTags(editor, mergeTagSchema.parse({ id: from.id, into: from.name }), { ip })).toEqual({ ok: false, fieldErrors: { into: 'errors.tags.mergeSelf' } });
    expect(await mergeTags(editor, mergeTagSchema.parse({ id: from.id, into: 'لا يوجد وسم كهذا' }), { ip })).toEqual({ ok: false, fieldErrors: { into: 'errors.tags.unknownTarget' } });
    expect((await mergeTags(editor, mergeTagSchema.parse({ id: from.id, into: into.name }), { ip })).ok).toBe(true);
    expect(await liveTags(onlyFrom)).toEqual([other, into]);
    expect(await liveTags(both)).toEqual([into]);
    expect(await revisionTags(both)).toEqual([into]);
    const links = await db.select({ tagId: storyTags.tagId }).from(storyTags).where(eq(storyTags.storyId, both));
    expect(links).toEqual([{ tagId: into.id }]);
    expect(await db.select().from(tags).where(eq(tags.id, from.id))).toEqual([]);
    expect(await lookupTag(db, from.slug)).toEqual({ kind: 'redirect', slug: into.slug });
  });

  it('deletes only unused tags', async () => {
    const used = await tag(`مستعمل ${unique()}`);
    await insertPublished(db, { headline: 'خبر', paragraphs: ['نص'], sectionId, tags: [used] });
    expect(await deleteTag(editor, { id: used.id }, { ip })).toEqual({ ok: false, error: 'errors.tags.inUse' });
    const unused = await tag(`يتيم ${unique()}`);
    expect((await deleteTag(editor, { id: unused.id }, { ip })).ok).toBe(true);
    expect(await db.select().from(tags).where(eq(tags.id, unused.id))).toEqual([]);
  });

  it('refuses bad input and anyone but editors and admins', async () => {
    expect(updateTagSchema.safeParse({ id: crypto.randomUUID(), name: 'وسم\u202E', slug: '' }).error?.issues[0]?.message).toBe('errors.controlChars');
    expect(updateTagSchema.safeParse({ id: crypto.randomUUID(), name: '', slug: '' }).error?.issues[0]?.message).toBe('errors.required');
    const kept = await tag(`محمي ${unique()}`);
    for (const actor of [null, writer, asDeactivated(admin)]) {
      await expect(listTagsForEditor(actor, {})).rejects.toBeInstanceOf(Forbidden);
      await expect(updateTag(actor, updateTagSchema.parse({ id: kept.id, name: 'مخترق', slug: '' }), { ip })).rejects.toBeInstanceOf(Forbidden);
      await expect(mergeTags(actor, { id: kept.id, into: 'x' }, { ip })).rejects.toBeInstanceOf(Forbidden);
      await expect(deleteTag(actor, { id: kept.id }, { ip })).rejects.toBeInstanceOf(Forbidden);
    }
    expect(await db.select({ name: tags.name }).from(tags).where(eq(tags.id, kept.id))).toEqual([{ name: kept.name }]);
    expect((await updateTag(admin, updateTagSchema.parse({ id: kept.id, name: kept.name, slug: 'search' }), { ip })).ok).toBe(true);
  });
});
