import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSection } from '@/db/seed';
import type { CurrentUser } from '@/lib/auth/actor';
import { paragraphsToDoc } from '@/lib/content/document';
import { Forbidden } from '@/lib/dal';
import { createShareLink, listShareLinks, revokeShareLink } from '@/lib/share/links';
import { saveStory } from '@/lib/stories/save';
import { transition } from '@/lib/stories/transitions';
import { createStory, getStoryForEditor } from '@/lib/stories/working-copy';
import { utcToZonedLocal } from '@/lib/time-zone';
import { auditFilterSchema } from '@/lib/users/schemas';
import { connectTestDb } from '@/test/db';
import { createStaff } from '@/test/staff';
import { contentOf } from '@/test/stories';
import { listAudit } from './queries';

// The audit log covers the workflow newsroom-wide: publishing, take-downs,
// retractions, override approvals and share links land in it with the step,
// and the log filters by kind of action, person, story and the newsroom's days.

const { db, client } = connectTestDb();
const TZ = 'Asia/Riyadh';
let writer: CurrentUser;
let editor: CurrentUser;
let admin: CurrentUser;
let sectionId: string;
const mark = crypto.randomUUID().slice(0, 8);

beforeAll(async () => {
  writer = await createStaff(db, 'writer');
  editor = await createStaff(db, 'editor');
  admin = await createStaff(db, 'admin');
  sectionId = await db.transaction((tx) => ensureSection(tx, 'audit-desk', 'مكتب التدقيق'));
});
afterAll(() => client.end());

const draftOf = async (id: string) => (await getStoryForEditor(editor, id))!.story;
const audit = (query: Record<string, string>) => listAudit(admin, auditFilterSchema.parse(query), { timeZone: TZ });

async function storyBy(author: CurrentUser, headline: string) {
  const id = await createStory(author);
  await saveStory(author, id, contentOf(await draftOf(id), { headline, slug: `تدقيق-${id.slice(0, 8)}`, sectionId, body: paragraphsToDoc(['نص الخبر.']) }));
  return id;
}

describe('the audit log of the workflow', () => {
  it('records publish, take-down, retraction, an override and share links, and filters them', async () => {
    const id = await storyBy(writer, `خبر التدقيق ${mark}`);
    expect((await transition(writer, id, { action: 'submit' })).ok).toBe(true);
    expect((await transition(editor, id, { action: 'approve', expectedVersion: (await draftOf(id)).version, acknowledge: true })).ok).toBe(true);
    expect((await transition(editor, id, { action: 'publish', acknowledge: true })).ok).toBe(true);
    expect((await createShareLink(editor, { storyId: id, hours: 24 })).ok).toBe(true);
    const [link] = await listShareLinks(editor, id);
    expect((await revokeShareLink(editor, link!.id)).ok).toBe(true);
    expect((await transition(editor, id, { action: 'take_down', reason: `سبب الحجب ${mark}` })).ok).toBe(true);
    expect((await transition(editor, id, { action: 'republish' })).ok).toBe(true);
    expect((await transition(editor, id, { action: 'retract', reason: `تصحيح ${mark}` })).ok).toBe(true);

    const own = await storyBy(admin, `خبر المدير ${mark}`);
    await transition(admin, own, { action: 'submit' });
    expect((await transition(admin, own, { action: 'approve', expectedVersion: (await draftOf(own)).version, override: true, reason: 'عاجل', acknowledge: true })).ok).toBe(true);

    // Newest first, every step of the story, named by its headline.
    const { rows } = await audit({ story: `خبر التدقيق ${mark}` });
    expect(rows.map((row) => row.action)).toEqual(['story.retract', 'story.republish', 'story.take_down', 'share.revoke', 'share.create', 'story.publish', 'story.approve', 'story.submit']);
    expect(rows.every((row) => row.targetType === 'story' && row.targetId === id && row.targetName === `خبر التدقيق ${mark}`)).toBe(true);
    const takeDown = rows.find((row) => row.action === 'story.take_down');
    expect(takeDown?.before).toEqual({ editorialState: 'approved', publicationState: 'published' });
    expect(takeDown?.after).toEqual({ editorialState: 'approved', publicationState: 'taken_down', reason: `سبب الحجب ${mark}` });
    expect(takeDown?.actorName).toBe(editor.displayName);

    // By kind: one action, or a whole area.
    expect((await audit({ story: mark, action: 'story.approve_override' })).rows.map((row) => row.targetId)).toEqual([own]);
    expect((await audit({ story: mark, action: 'share' })).rows.map((row) => row.action)).toEqual(['share.revoke', 'share.create']);
    // By person.
    expect((await audit({ story: mark, actor: writer.id })).rows.map((row) => row.action)).toEqual(['story.submit']);
    // By the newsroom's day: today holds them all, yesterday none.
    const today = utcToZonedLocal(new Date(), TZ).slice(0, 10);
    const yesterday = utcToZonedLocal(new Date(Date.now() - 86_400_000), TZ).slice(0, 10);
    expect((await audit({ story: mark, from: today, to: today })).rows).toHaveLength(10);
    expect((await audit({ story: mark, from: yesterday, to: yesterday })).rows).toHaveLength(0);
  });

  it('is for whoever may read the audit log only', async () => {
    await expect(listAudit(editor, auditFilterSchema.parse({}), { timeZone: TZ })).rejects.toBeInstanceOf(Forbidden);
    await expect(listAudit(null, auditFilterSchema.parse({}), { timeZone: TZ })).rejects.toBeInstanceOf(Forbidden);
  });
});
