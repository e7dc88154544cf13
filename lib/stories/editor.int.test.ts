import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedStories, slugHistory, stories, storyRevisions, tags } from '@/db/schema';
import { ensureSection, insertPublishedStory } from '@/db/seed';
import type { CurrentUser } from '@/lib/auth/actor';
import { withDirections } from '@/lib/content/block-direction';
import { paragraphsToDoc } from '@/lib/content/document';
import { Forbidden } from '@/lib/dal';
import { connectTestDb } from '@/test/db';
import { contentOf } from '@/test/stories';
import { createStaff } from '@/test/staff';
import { createStory, getStoryForEditor, type StoryDraft } from './working-copy';
import { listRevisions } from './revisions';
import { restoreRevision } from './restore';
import { saveStory } from './save';
import { listStories } from './list';
import { storySaveSchema } from './schemas';

const { db, client } = connectTestDb();
let writer: CurrentUser;
let otherWriter: CurrentUser;
let editor: CurrentUser;
let sectionId: string;

beforeAll(async () => {
  writer = await createStaff(db, 'writer');
  otherWriter = await createStaff(db, 'writer');
  editor = await createStaff(db, 'editor');
  sectionId = await db.transaction((tx) => ensureSection(tx, 'economy', 'اقتصاد'));
});
afterAll(() => client.end());


async function draftOf(actor: CurrentUser, storyId: string): Promise<StoryDraft> {
  const view = await getStoryForEditor(actor, storyId);
  if (!view) throw new Error('story missing');
  return view.story;
}

describe('saving', () => {
  it('a new story is a draft bylined to its creator, with no revision yet', async () => {
    const id = await createStory(writer);
    const story = await draftOf(writer, id);
    expect(story).toMatchObject({ version: 1, editorialState: 'draft', publicationState: 'unpublished', bylines: [{ id: writer.authorId }] });
    expect(await listRevisions(writer, id)).toEqual([]);
  });

  it('applies a save on the current version, bumps it, and snapshots every field', async () => {
    const id = await createStory(writer);
    const story = await draftOf(writer, id);
    const body = paragraphsToDoc(['سوفت بنك تستثمر في OpenAI', 'ARM Holdings']);
    const outcome = await saveStory(
      writer,
      id,
      contentOf(story, {
        kicker: 'عاجل',
        headline: 'عنوان كامل',
        standfirst: 'مقدمة',
        body,
        slug: `عنوان-كامل-${id.slice(0, 6)}`,
        sectionId,
        seoTitle: 'عنوان البحث',
        seoDescription: 'وصف',
        tags: ['اقتصاد', 'OpenAI', 'openai'],
        bylines: [editor.authorId!, writer.authorId!],
      }),
    );
    expect(outcome?.status).toBe('saved');
    const [revision] = await db.select().from(storyRevisions).where(eq(storyRevisions.storyId, id));
    expect(revision).toMatchObject({
      kind: 'save',
      storyVersion: 2,
      authorId: writer.id,
      kicker: 'عاجل',
      headline: 'عنوان كامل',
      standfirst: 'مقدمة',
      body,
      plainText: 'سوفت بنك تستثمر في OpenAI\n\nARM Holdings',
      sectionId,
      seoTitle: 'عنوان البحث',
      seoDescription: 'وصف',
      slug: `عنوان-كامل-${id.slice(0, 6)}`,
    });
    // Inline tags: created once, the case-folded duplicate merged.
    expect(revision?.tags.map((t) => t.name)).toEqual(['اقتصاد', 'OpenAI']);
    expect(revision?.bylines.map((b) => b.id)).toEqual([editor.authorId, writer.authorId]);
    const [tagCount] = await db.select({ n: count() }).from(tags).where(eq(tags.slug, 'openai'));
    expect(tagCount?.n).toBe(1);
  });

  it('stores each block with the direction of its dominant script, computed by the server; a forced one stays', async () => {
    const id = await createStory(writer);
    const story = await draftOf(writer, id);
    const body = paragraphsToDoc(['OpenAI ليست شركة ربحية', 'ARM Holdings', 'نص عربي']);
    // The client claims the wrong direction for the first block and forces the third: only the forcing is the writer's.
    body.content![0]!.attrs = { autoDir: 'ltr' };
    body.content![2]!.attrs = { dir: 'ltr' };
    expect((await saveStory(writer, id, contentOf(story, { body })))?.status).toBe('saved');
    const [row] = await db.select({ body: stories.body }).from(stories).where(eq(stories.id, id));
    expect(row?.body.content?.map((block) => block.attrs)).toEqual([{ autoDir: 'rtl' }, { autoDir: 'ltr' }, { dir: 'ltr', autoDir: 'rtl' }]);
  });

  it('opens an old story, stored before blocks carried a direction, with the directions filled in', async () => {
    const id = await createStory(writer);
    await db.update(stories).set({ body: paragraphsToDoc(['iPhone 17 يصل إلى الأسواق']) }).where(eq(stories.id, id));
    expect((await draftOf(writer, id)).body.content?.[0]?.attrs).toEqual({ autoDir: 'rtl' });
  });

  it('refuses a stale version and gives back the current copy; of two saves on one version exactly one wins', async () => {
    const id = await createStory(writer);
    const story = await draftOf(writer, id);
    const results = await Promise.all([
      saveStory(writer, id, contentOf(story, { headline: 'نسختي' })),
      saveStory(editor, id, contentOf(story, { headline: 'نسخة الزميل' })),
    ]);
    expect(results.map((r) => r?.status).sort()).toEqual(['conflict', 'saved']);
    const conflict = results.find((r) => r?.status === 'conflict');
    const winner = (await draftOf(writer, id)).headline;
    expect(conflict?.status === 'conflict' && conflict.current.headline).toBe(winner);
    // A replay of the old version is refused too.
    expect((await saveStory(writer, id, contentOf(story, { headline: 'إعادة' })))?.status).toBe('conflict');
    expect((await draftOf(writer, id)).version).toBe(2);
  });

  it('refuses a save from someone who may not edit, even with the UI bypassed', async () => {
    const id = await createStory(writer);
    const story = await draftOf(writer, id);
    await expect(saveStory(otherWriter, id, contentOf(story, { headline: 'اختطاف' }))).rejects.toBeInstanceOf(Forbidden);
    await expect(saveStory(null, id, contentOf(story))).rejects.toBeInstanceOf(Forbidden);
    // Once submitted for review, the story is no longer the writer's to edit.
    await db.update(stories).set({ editorialState: 'in_review' }).where(eq(stories.id, id));
    await expect(saveStory(writer, id, contentOf(story))).rejects.toBeInstanceOf(Forbidden);
    expect((await saveStory(editor, id, contentOf(story, { headline: 'تحرير المحرر' })))?.status).toBe('saved');
    expect((await getStoryForEditor(otherWriter, id))?.canEdit).toBe(false);
  });

  it('refuses a slug another story holds, now or in its history, and offers the first free numbered one', async () => {
    const base = `محجوز-${crypto.randomUUID().slice(0, 6)}`;
    const taken = await createStory(writer);
    await saveStory(writer, taken, contentOf(await draftOf(writer, taken), { slug: base }));
    // «-2» is another story's old slug (in its history), so the free one is «-3».
    const moved = await createStory(writer);
    await saveStory(writer, moved, contentOf(await draftOf(writer, moved), { slug: `${base}-2` }));
    await db.insert(slugHistory).values({ storyId: moved, slug: `${base}-2` }).onConflictDoNothing();
    await saveStory(writer, moved, contentOf(await draftOf(writer, moved), { slug: `${base}-elsewhere` }));
    const id = await createStory(writer);
    const outcome = await saveStory(writer, id, contentOf(await draftOf(writer, id), { slug: base }));
    expect(outcome).toEqual({ status: 'invalid', fieldErrors: { slug: 'errors.slugTaken' }, suggestedSlug: `${base}-3` });
    // The offer is really free: using it saves.
    expect((await saveStory(writer, id, contentOf(await draftOf(writer, id), { slug: `${base}-3` })))?.status).toBe('saved');
  });
});

describe('the schema at the boundary', () => {
  it('refuses unsafe links and unknown nodes in the body', () => {
    const base = { baseVersion: 1, kicker: '', headline: '', standfirst: '', language: 'ar', slug: '', sectionId: null, seoTitle: '', seoDescription: '', tags: [], bylines: [] };
    const link = (href: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href } }] }] }] });
    expect(storySaveSchema.safeParse({ ...base, body: link(' JaVaScRiPt:alert(1)') }).success).toBe(false);
    expect(storySaveSchema.safeParse({ ...base, body: { type: 'doc', content: [{ type: 'image', attrs: { src: 'x' } }] } }).success).toBe(false);
    expect(storySaveSchema.safeParse({ ...base, body: link('https://example.com') }).success).toBe(true);
    expect(storySaveSchema.safeParse({ ...base, body: link('https://example.com'), slug: 'ليس slug' }).success).toBe(false);
  });
});

describe('published stories', () => {
  it('a slug change stays in the working copy until published, and needs an editor who confirms', async () => {
    const slug = `خبر-منشور-${Date.now().toString(36)}`;
    const id = await db.transaction((tx) => insertPublishedStory(tx, { kicker: '', headline: 'خبر منشور', paragraphs: ['نص'], slug, sectionId, authorIds: [writer.authorId!], tagIds: [] }));
    await db.update(stories).set({ editorialState: 'draft' }).where(eq(stories.id, id));
    const story = await draftOf(editor, id);
    expect(story.liveSlug).toBe(slug);

    expect(await saveStory(writer, id, contentOf(story, { slug: `${slug}-جديد` }))).toEqual({ status: 'invalid', fieldErrors: { slug: 'errors.slugLiveForbidden' } });
    expect(await saveStory(editor, id, contentOf(story, { slug: `${slug}-جديد` }))).toEqual({ status: 'invalid', fieldErrors: { slug: 'errors.slugNeedsConfirm' } });
    expect((await saveStory(editor, id, contentOf(story, { slug: `${slug}-جديد`, confirmSlugChange: true })))?.status).toBe('saved');

    const [working] = await db.select({ slug: stories.slug }).from(stories).where(eq(stories.id, id));
    const [live] = await db.select({ slug: publishedStories.slug, headline: publishedStories.headline }).from(publishedStories).where(eq(publishedStories.storyId, id));
    expect(working?.slug).toBe(`${slug}-جديد`);
    expect(live).toEqual({ slug, headline: 'خبر منشور' });
  });
});

describe('restore', () => {
  it('appends a new revision and never rewrites history', async () => {
    const id = await createStory(writer);
    let story = await draftOf(writer, id);
    await saveStory(writer, id, contentOf(story, { headline: 'الأولى', body: paragraphsToDoc(['نص أول']) }));
    story = await draftOf(writer, id);
    await saveStory(writer, id, contentOf(story, { headline: 'الثانية', body: paragraphsToDoc(['نص ثان']), tags: ['وسم'] }));
    const before = await listRevisions(writer, id);
    expect(before.map((r) => r.kind)).toEqual(['save', 'save']);
    const first = before[1]!;
    story = await draftOf(writer, id);

    // No stale-version refusal: a restore is a new change merged with whatever happened meanwhile.
    expect((await restoreRevision(writer, id, { revisionId: first.id }))?.status).toBe('restored');
    const restored = await draftOf(writer, id);
    expect(restored).toMatchObject({ headline: 'الأولى', version: story.version + 1, tags: [] });
    expect(restored.body).toEqual(withDirections(paragraphsToDoc(['نص أول']), 'ar'));
    const after = await listRevisions(writer, id);
    expect(after.map((r) => r.kind)).toEqual(['restore', 'save', 'save']);
    expect(after.slice(1).map((r) => r.id)).toEqual(before.map((r) => r.id));
    await expect(restoreRevision(otherWriter, id, { revisionId: first.id })).rejects.toBeInstanceOf(Forbidden);
  });
});

describe('the story list', () => {
  it('filters by state, section, author and headline, with totals', async () => {
    const id = await createStory(otherWriter);
    const story = await draftOf(otherWriter, id);
    const unique = `فريد-${Date.now().toString(36)}`;
    await saveStory(otherWriter, id, contentOf(story, { headline: `خبر ${unique}`, sectionId }));
    const found = await listStories(writer, { q: unique, page: 1 }, { timeZone: 'Asia/Riyadh' });
    expect(found.total).toBe(1);
    expect(found.rows[0]).toMatchObject({ id, editorialState: 'draft', sectionName: 'اقتصاد', authorNames: [otherWriter.displayName] });
    expect((await listStories(writer, { q: unique, author: otherWriter.authorId!, section: sectionId, state: 'draft', page: 1 }, { timeZone: 'Asia/Riyadh' })).total).toBe(1);
    expect((await listStories(writer, { q: unique, author: editor.authorId!, page: 1 }, { timeZone: 'Asia/Riyadh' })).total).toBe(0);
    expect((await listStories(writer, { q: unique, state: 'approved', page: 1 }, { timeZone: 'Asia/Riyadh' })).total).toBe(0);
    await expect(listStories(null, { page: 1 }, { timeZone: 'Asia/Riyadh' })).rejects.toBeInstanceOf(Forbidden);
  });

  it('searches headline, standfirst and text of working copies the way readers search', async () => {
    const id = await createStory(otherWriter);
    const story = await draftOf(otherWriter, id);
    const marker = `zq${Date.now().toString(36)}`;
    await saveStory(otherWriter, id, contentOf(story, { headline: 'خطة لاستثمار الأموال', standfirst: `ملخص ${marker}`, body: paragraphsToDoc(['وقّع المهندسون العقد.']) }));
    for (const q of ['والاستثمار', 'إستثمار', 'استثمـــار', 'مهندس', '"لاستثمار الأموال"']) {
      expect((await listStories(writer, { q: `${q} ${marker}`, page: 1 }, { timeZone: 'Asia/Riyadh' })).rows.map((row) => row.id), q).toEqual([id]);
    }
    expect((await listStories(writer, { q: `وزير ${marker}`, page: 1 }, { timeZone: 'Asia/Riyadh' })).total).toBe(0);
    expect((await listStories(writer, { q: `-${marker}`, page: 1 }, { timeZone: 'Asia/Riyadh' })).total).toBe(0);
  });
});
