import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedStories, stories, workflowEvents } from '@/db/schema';
import { ensureSection } from '@/db/seed';
import type { CurrentUser } from '@/lib/auth/actor';
import { bodyHtmlVersion } from '@/lib/content/body-html';
import { paragraphsToDoc } from '@/lib/content/document';
import { lookupArticle } from '@/lib/reader/article-lookup';
import { connectTestDb } from '@/test/db';
import { createStaff } from '@/test/staff';
import { contentOf } from '@/test/stories';
import { createStory, getStoryForEditor } from './working-copy';
import { saveStory } from './save';
import { transition } from './transitions';

const { db, client } = connectTestDb();
let writer: CurrentUser;
let editorA: CurrentUser;
let editorB: CurrentUser;
let admin: CurrentUser;
let sectionId: string;

beforeAll(async () => {
  writer = await createStaff(db, 'writer');
  editorA = await createStaff(db, 'editor');
  editorB = await createStaff(db, 'editor');
  admin = await createStaff(db, 'admin');
  sectionId = await db.transaction((tx) => ensureSection(tx, 'workflow-desk', 'مكتب'));
});
afterAll(() => client.end());

const draftOf = async (id: string) => (await getStoryForEditor(editorA, id))!.story;
// These stories are bare (short headlines, no standfirst, no tags): each approve and publish
// acknowledges the checklist's warnings, as the panel's checkbox does. lib/checklist covers the checklist.

/** A complete draft by the writer, with editor A on the byline too. */
async function readyStory(label: string) {
  const id = await createStory(writer);
  const story = await draftOf(id);
  await saveStory(writer, id, contentOf(story, { headline: `خبر ${label}`, slug: `خبر-${label}-${id.slice(0, 8)}`, sectionId, body: paragraphsToDoc([`نص ${label}`]), bylines: [writer.authorId!, editorA.authorId!] }));
  return id;
}

async function approvedStory(label: string) {
  const id = await readyStory(label);
  expect((await transition(writer, id, { action: 'submit' })).ok).toBe(true);
  expect((await transition(editorB, id, { action: 'approve', expectedVersion: (await draftOf(id)).version, acknowledge: true })).ok).toBe(true);
  return id;
}

describe('editorial transitions', () => {
  it('refuses a submission that misses what readers need, naming each item', async () => {
    const id = await createStory(writer);
    expect(await transition(writer, id, { action: 'submit' })).toEqual({
      ok: false,
      error: 'errors.workflow.incomplete',
      fieldErrors: { headline: 'errors.workflow.missing', sectionId: 'errors.workflow.missing', body: 'errors.workflow.missing', slug: 'errors.workflow.missing' },
    });
    // Only what is still missing is named: with a headline, a slug and a text, the section alone.
    await saveStory(writer, id, contentOf(await draftOf(id), { headline: 'عنوان كامل', slug: `كامل-${id.slice(0, 8)}`, body: paragraphsToDoc(['نص القصة.']) }));
    expect(await transition(writer, id, { action: 'submit' })).toEqual({ ok: false, error: 'errors.workflow.incomplete', fieldErrors: { sectionId: 'errors.workflow.missing' } });
  });

  it('runs draft → review → changes requested → review → approved, with four-eyes and a reason where needed', async () => {
    const id = await readyStory('رحلة');
    expect((await transition(writer, id, { action: 'submit' })).ok).toBe(true);
    expect(await transition(editorB, id, { action: 'request_changes' })).toEqual({ ok: false, error: 'errors.workflow.reasonRequired' });
    expect((await transition(editorB, id, { action: 'request_changes', reason: 'المصدر الثاني ناقص' })).ok).toBe(true);
    expect((await draftOf(id)).editorialState).toBe('changes_requested');
    expect((await transition(writer, id, { action: 'submit' })).ok).toBe(true);

    const version = (await draftOf(id)).version;
    // Editor A is on the byline: four-eyes refuses them.
    expect(await transition(editorA, id, { action: 'approve', expectedVersion: version, acknowledge: true })).toEqual({ ok: false, error: 'errors.workflow.fourEyes' });
    expect(await transition(writer, id, { action: 'approve', expectedVersion: version, acknowledge: true })).toEqual({ ok: false, error: 'errors.workflow.role' });
    const approved = await transition(editorB, id, { action: 'approve', expectedVersion: version, acknowledge: true });
    expect(approved.ok && approved.data.editorialState).toBe('approved');
    const [row] = await db.select().from(stories).where(eq(stories.id, id));
    expect(row?.approvedRevisionId).toBe(approved.ok ? approved.data.revisionId : null);
    expect(row?.version).toBe(version);

    const events = await db.select().from(workflowEvents).where(eq(workflowEvents.storyId, id));
    expect(events.map((e) => e.action)).toEqual(['submit', 'request_changes', 'submit', 'approve']);
    expect(events[1]).toMatchObject({ fromEditorial: 'in_review', toEditorial: 'changes_requested', reason: 'المصدر الثاني ناقص', actorId: editorB.id });
  });

  it('refuses a stale approval, and lets an admin override four-eyes only with a reason', async () => {
    const id = await readyStory('تجاوز');
    await transition(writer, id, { action: 'submit' });
    const version = (await draftOf(id)).version;
    expect(await transition(editorB, id, { action: 'approve', expectedVersion: version - 1, acknowledge: true })).toEqual({ ok: false, error: 'errors.workflow.stale' });

    const own = await createStory(admin);
    await saveStory(admin, own, contentOf(await draftOf(own), { headline: 'خبر المدير', slug: `خبر-المدير-${own.slice(0, 8)}`, sectionId, body: paragraphsToDoc(['نص']) }));
    await transition(admin, own, { action: 'submit' });
    const ownVersion = (await draftOf(own)).version;
    expect(await transition(admin, own, { action: 'approve', expectedVersion: ownVersion, acknowledge: true })).toEqual({ ok: false, error: 'errors.workflow.fourEyes' });
    expect(await transition(admin, own, { action: 'approve', expectedVersion: ownVersion, override: true, acknowledge: true })).toEqual({ ok: false, error: 'errors.workflow.fourEyes' });
    expect((await transition(admin, own, { action: 'approve', expectedVersion: ownVersion, override: true, reason: 'نشر عاجل ليلًا', acknowledge: true })).ok).toBe(true);
    const [event] = await db.select().from(workflowEvents).where(and(eq(workflowEvents.storyId, own), eq(workflowEvents.action, 'approve')));
    expect(event?.reason).toBe('override: نشر عاجل ليلًا');
  });

  it('sends an approved copy back to draft on a reader-facing edit, but not on a save that changes nothing readers get', async () => {
    const id = await approvedStory('حد');
    let story = await draftOf(id);
    expect((await saveStory(editorB, id, contentOf(story)))?.status).toBe('saved');
    expect((await draftOf(id)).editorialState).toBe('approved');
    story = await draftOf(id);
    await saveStory(editorB, id, contentOf(story, { headline: `${story.headline} محدث` }));
    expect((await draftOf(id)).editorialState).toBe('draft');
  });

  it('counts every content field as reader-facing: a change of language or subheadline alone ends the approval', async () => {
    for (const patch of [{ language: 'en' as const }, { subheadline: 'سطر ثانٍ تحت العنوان' }]) {
      const id = await approvedStory(`حقل-${Object.keys(patch)[0]}`);
      await saveStory(editorB, id, contentOf(await draftOf(id), patch));
      expect((await draftOf(id)).editorialState, Object.keys(patch)[0]).toBe('draft');
      const [event] = await db.select({ action: workflowEvents.action }).from(workflowEvents).where(and(eq(workflowEvents.storyId, id), eq(workflowEvents.action, 'reader_facing_edit')));
      expect(event?.action).toBe('reader_facing_edit');
    }
  });
});

describe('publication transitions', () => {
  it('publishes exactly once when two editors publish at the same moment', async () => {
    const id = await approvedStory('سباق');
    const results = await Promise.all([transition(editorB, id, { action: 'publish', acknowledge: true }), transition(admin, id, { action: 'publish', acknowledge: true })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, error: 'errors.workflow.nothingApproved' });
    const events = await db.select().from(workflowEvents).where(and(eq(workflowEvents.storyId, id), eq(workflowEvents.action, 'publish')));
    expect(events).toHaveLength(1);
    const winner = results.find((r) => r.ok);
    expect(winner?.ok && winner.data.tags).toEqual(expect.arrayContaining([`story:${id}`, 'latest', 'section:workflow-desk']));
  });

  it('stages an update: readers keep the published text until the approved update is published', async () => {
    const id = await approvedStory('تحديث');
    await transition(editorB, id, { action: 'publish', acknowledge: true });
    let story = await draftOf(id);
    await saveStory(editorB, id, contentOf(story, { body: paragraphsToDoc(['نص محدث بعد النشر']) }));
    const [live] = await db.select({ plainText: publishedStories.plainText }).from(publishedStories).where(eq(publishedStories.storyId, id));
    expect(live?.plainText).toBe('نص تحديث');
    await transition(editorB, id, { action: 'submit' });
    story = await draftOf(id);
    await transition(admin, id, { action: 'approve', expectedVersion: story.version, acknowledge: true });
    await transition(admin, id, { action: 'publish', note: { kind: 'correction', body: 'صُحّح الرقم' }, acknowledge: true });
    const [updated] = await db.select({ plainText: publishedStories.plainText, notes: publishedStories.notes, publishedAt: publishedStories.publishedAt, updatedAt: publishedStories.updatedAt }).from(publishedStories).where(eq(publishedStories.storyId, id));
    expect(updated?.plainText).toBe('نص محدث بعد النشر');
    // The body readers get was rendered at publish, by today's renderer, from the update.
    const [stored] = await db.select({ bodyHtml: publishedStories.bodyHtml, bodyHtmlVersion: publishedStories.bodyHtmlVersion }).from(publishedStories).where(eq(publishedStories.storyId, id));
    expect(stored).toEqual({ bodyHtml: '<p dir="rtl">نص محدث بعد النشر</p>', bodyHtmlVersion: bodyHtmlVersion() });
    expect(updated?.notes.map((note) => [note.kind, note.body])).toEqual([['correction', 'صُحّح الرقم']]);
    // dateModified moves with the update; the first publication date stays.
    expect(updated!.updatedAt.getTime()).toBeGreaterThan(updated!.publishedAt.getTime());
  });

  it('publishes a changed language and subheadline once they are approved again', async () => {
    const id = await approvedStory('لغة');
    await transition(editorB, id, { action: 'publish', acknowledge: true });
    await saveStory(editorB, id, contentOf(await draftOf(id), { language: 'en', subheadline: 'A second line' }));
    await transition(editorB, id, { action: 'submit' });
    await transition(admin, id, { action: 'approve', expectedVersion: (await draftOf(id)).version, acknowledge: true });
    expect((await transition(admin, id, { action: 'publish', acknowledge: true })).ok).toBe(true);
    const [live] = await db.select({ language: publishedStories.language, subheadline: publishedStories.subheadline }).from(publishedStories).where(eq(publishedStories.storyId, id));
    expect(live).toEqual({ language: 'en', subheadline: 'A second line' });
  });

  it('takes a story down while an update is in review, retracts with a public notice, and republishes the same revision', async () => {
    const id = await approvedStory('سحب');
    await transition(editorB, id, { action: 'publish', acknowledge: true });
    const story = await draftOf(id);
    await saveStory(editorB, id, contentOf(story, { headline: 'عنوان قيد المراجعة' }));
    await transition(editorB, id, { action: 'submit' });
    expect((await draftOf(id)).editorialState).toBe('in_review');
    expect(await transition(editorB, id, { action: 'take_down' })).toEqual({ ok: false, error: 'errors.workflow.reasonRequired' });
    expect((await transition(editorB, id, { action: 'take_down', reason: 'طلب قانوني' })).ok).toBe(true);
    expect(await lookupArticle(db, 'workflow-desk', story.liveSlug!)).toEqual({ kind: 'gone', state: 'taken_down', notice: null });
    expect(await transition(writer, id, { action: 'republish' })).toEqual({ ok: false, error: 'errors.workflow.role' });
    const [before] = await db.select({ revisionId: publishedStories.revisionId, updatedAt: publishedStories.updatedAt }).from(publishedStories).where(eq(publishedStories.storyId, id));
    expect((await transition(admin, id, { action: 'republish' })).ok).toBe(true);
    expect((await lookupArticle(db, 'workflow-desk', story.liveSlug!)).kind).toBe('article');
    const [after] = await db.select({ revisionId: publishedStories.revisionId, updatedAt: publishedStories.updatedAt }).from(publishedStories).where(eq(publishedStories.storyId, id));
    expect(after?.revisionId).toBe(before?.revisionId);
    // Back in readers' reach is a change: the API's updated_since and the sitemap's lastmod must see it.
    expect(after!.updatedAt.getTime()).toBeGreaterThan(before!.updatedAt.getTime());

    expect((await transition(editorB, id, { action: 'retract', reason: 'تبيّن أن الرقم غير صحيح' })).ok).toBe(true);
    const [retracted] = await db.select({ state: publishedStories.state, notice: publishedStories.notice }).from(publishedStories).where(eq(publishedStories.storyId, id));
    expect(retracted).toEqual({ state: 'retracted', notice: 'تبيّن أن الرقم غير صحيح' });
  });

  it('archives only what readers cannot reach, and restores it', async () => {
    const id = await approvedStory('أرشيف');
    await transition(editorB, id, { action: 'publish', acknowledge: true });
    expect(await transition(editorB, id, { action: 'archive' })).toEqual({ ok: false, error: 'errors.workflow.liveOrScheduled' });
    await transition(editorB, id, { action: 'take_down', reason: 'قديم' });
    expect((await transition(editorB, id, { action: 'archive' })).ok).toBe(true);
    expect(await transition(editorB, id, { action: 'republish' })).toEqual({ ok: false, error: 'errors.workflow.archived' });
    expect((await transition(editorB, id, { action: 'restore' })).ok).toBe(true);
  });
});
