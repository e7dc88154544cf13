import { and, desc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, stories, users, workflowEvents } from '@/db/schema';
import { ensureSection } from '@/db/seed';
import type { CurrentUser } from '@/lib/auth/actor';
import { paragraphsToDoc } from '@/lib/content/document';
import { Forbidden } from '@/lib/dal';
import { inboxSummary, listNotifications, markAllRead, markRead, unreadCount } from '@/lib/notifications/inbox';
import { createStory, getStoryForEditor } from '@/lib/stories/working-copy';
import { saveStory } from '@/lib/stories/save';
import { listStories } from '@/lib/stories/list';
import { storyTimeline } from '@/lib/stories/timeline';
import { scheduleStory, transition } from '@/lib/stories/transitions';
import { startOfDayIn } from '@/lib/time-zone';
import { connectTestDb } from '@/test/db';
import { asDeactivated, createStaff } from '@/test/staff';
import { contentOf } from '@/test/stories';
import { assignStory, storyAssignment } from './assign';
import type { QueueId } from './queue-ids';
import { deskQueues } from './queues';

// The desk after a scripted day of work: every queue's count for each role,
// and every notification's recipients, exactly. Other test files share this
// database, so the newsroom-wide queues are compared with a count taken
// before the script (files run one at a time); the personal ones, which
// belong to staff made here, are compared in full.

const { db, client } = connectTestDb();
const ZONE = 'Asia/Riyadh';
let writer: CurrentUser;
let editor1: CurrentUser;
let editor2: CurrentUser;
let admin: CurrentUser;
let leaver: CurrentUser;
let sectionId: string;
// Per person: each sees the desk-wide queues of the general desk and their own desks only.
const baseline = new Map<string, Record<QueueId, number>>();
const story: Record<string, string> = {};

const countsOf = async (actor: CurrentUser) => Object.fromEntries((await deskQueues(actor, { timeZone: ZONE })).map((queue) => [queue.id, queue.count])) as Record<QueueId, number>;
const queueOf = async (actor: CurrentUser, id: QueueId) => (await deskQueues(actor, { timeZone: ZONE })).find((queue) => queue.id === id);
const draftOf = async (id: string) => (await getStoryForEditor(admin, id))!.story;

async function recipients(storyId: string, kind: (typeof notifications.$inferSelect)['kind']): Promise<string[]> {
  const rows = await db.select({ userId: notifications.userId }).from(notifications).where(and(eq(notifications.storyId, storyId), eq(notifications.kind, kind)));
  return rows.map((row) => row.userId).sort();
}

async function activeEditorsExcept(...excluded: string[]): Promise<string[]> {
  const rows = await db.select({ id: users.id }).from(users).where(and(eq(users.role, 'editor'), eq(users.status, 'active')));
  return rows.map((row) => row.id).filter((id) => !excluded.includes(id)).sort();
}

/** A complete draft by `author` (on its byline), with more bylines if given. */
async function readyStory(label: string, author: CurrentUser, moreBylines: CurrentUser[] = []) {
  const id = await createStory(author);
  await saveStory(author, id, contentOf(await draftOf(id), { headline: `مكتب ${label}`, slug: `مكتب-${label}-${id.slice(0, 8)}`, sectionId, body: paragraphsToDoc([`نص ${label}`]), bylines: [author, ...moreBylines].map((a) => a.authorId!) }));
  return id;
}

async function ok<T>(outcome: Promise<{ ok: boolean } & T>) {
  const result = await outcome;
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return result;
}

// The stories here are bare on purpose (no standfirst, no tags): the checklist's warnings are acknowledged.
const approve = async (actor: CurrentUser, id: string) => ok(transition(actor, id, { action: 'approve', expectedVersion: (await draftOf(id)).version, acknowledge: true }));

beforeAll(async () => {
  [writer, editor1, editor2, admin, leaver] = [await createStaff(db, 'writer'), await createStaff(db, 'editor'), await createStaff(db, 'editor'), await createStaff(db, 'admin'), await createStaff(db, 'editor')];
  sectionId = await db.transaction((tx) => ensureSection(tx, 'desk-queues', 'المكتب'));
  for (const actor of [editor1, editor2, admin]) baseline.set(actor.id, await countsOf(actor));
});
afterAll(() => client.end());

describe('a day at the desk', () => {
  it('runs the script, with each notification reaching exactly the right people', async () => {
    // Drafts: one of the writer's with editor 2 on the byline, one of editor 2's own, and an archived one.
    story.draft = await readyStory('مسودة', writer, [editor2]);
    story.editorsDraft = await readyStory('مسودة-المحرر', editor2);
    story.archived = await readyStory('مؤرشفة', writer);
    await ok(transition(admin, story.archived, { action: 'archive' }));

    // Submitted with nobody assigned: every active editor hears of it, and nobody else.
    story.unassigned = await readyStory('بلا-مراجع', writer);
    const desk = await activeEditorsExcept(writer.id);
    await ok(transition(writer, story.unassigned, { action: 'submit' }));
    expect(await recipients(story.unassigned, 'submitted')).toEqual(desk);
    expect(desk).toEqual(expect.arrayContaining([editor1.id, editor2.id, leaver.id]));
    expect(desk).not.toContain(admin.id);

    // Editor 2 is on this byline: in review, but nobody can hand it to them.
    story.coauthored = await readyStory('مشتركة', writer, [editor2]);
    await ok(transition(writer, story.coauthored, { action: 'submit' }));

    // Taken by editor 1 ("I'll review this"): nobody is told of their own act.
    story.taken = await readyStory('مأخوذة', writer);
    await ok(transition(writer, story.taken, { action: 'submit' }));
    await ok(assignStory(editor1, story.taken, editor1.id));
    expect(await recipients(story.taken, 'assigned')).toEqual([]);
    // Sent back twice; the dashboard shows the latest reason.
    await ok(transition(editor1, story.taken, { action: 'request_changes', reason: 'السبب الأول' }));
    expect(await recipients(story.taken, 'sent_back')).toEqual([writer.id]);
    await ok(transition(writer, story.taken, { action: 'submit' }));
    await ok(transition(editor1, story.taken, { action: 'request_changes', reason: 'أضف مصدرًا ثانيًا' }));

    // Assigned by the admin to editor 2, then reassigned to editor 1: each assignee hears once.
    story.reassigned = await readyStory('معاد-إسنادها', writer);
    await ok(transition(writer, story.reassigned, { action: 'submit' }));
    const version = (await draftOf(story.reassigned)).version;
    await ok(assignStory(admin, story.reassigned, editor2.id));
    await ok(assignStory(admin, story.reassigned, editor1.id));
    // Assigning whoever has it already is a no-op: no event, no second notice.
    await ok(assignStory(admin, story.reassigned, editor1.id));
    expect(await recipients(story.reassigned, 'assigned')).toEqual([editor1.id, editor2.id].sort());
    expect((await draftOf(story.reassigned)).version).toBe(version);
    // A send-back and a resubmission go back to the assignee alone.
    await ok(transition(editor1, story.reassigned, { action: 'request_changes', reason: 'عنوان أدق' }));
    await db.delete(notifications).where(and(eq(notifications.storyId, story.reassigned), eq(notifications.kind, 'submitted')));
    await ok(transition(writer, story.reassigned, { action: 'submit' }));
    expect(await recipients(story.reassigned, 'submitted')).toEqual([editor1.id]);

    // Assigned to an editor who then leaves: the resubmission goes to the whole desk, and the story counts as unassigned.
    story.orphaned = await readyStory('يتيمة', writer);
    await ok(transition(writer, story.orphaned, { action: 'submit' }));
    await ok(assignStory(editor2, story.orphaned, leaver.id));
    expect(await recipients(story.orphaned, 'assigned')).toEqual([leaver.id]);
    await ok(transition(editor2, story.orphaned, { action: 'request_changes', reason: 'صورة' }));
    await db.update(users).set({ status: 'deactivated' }).where(eq(users.id, leaver.id));
    await db.delete(notifications).where(and(eq(notifications.storyId, story.orphaned), eq(notifications.kind, 'submitted')));
    const deskNow = await activeEditorsExcept(writer.id);
    await ok(transition(writer, story.orphaned, { action: 'submit' }));
    expect(await recipients(story.orphaned, 'submitted')).toEqual(deskNow);
    expect(deskNow).not.toContain(leaver.id);

    // Approved and ready; approved and scheduled; published today.
    story.ready = await readyStory('جاهزة', writer);
    await ok(transition(writer, story.ready, { action: 'submit' }));
    await approve(editor2, story.ready);
    expect(await recipients(story.ready, 'approved')).toEqual([writer.id]);

    story.scheduled = await readyStory('مجدولة', writer);
    await ok(transition(writer, story.scheduled, { action: 'submit' }));
    await approve(editor1, story.scheduled);
    await ok(scheduleStory(editor1, story.scheduled, new Date(Date.now() + 86_400_000), { acknowledge: true }));
    expect(await recipients(story.scheduled, 'scheduled')).toEqual([writer.id]);

    story.published = await readyStory('منشورة', writer);
    await ok(transition(writer, story.published, { action: 'submit' }));
    await approve(editor1, story.published);
    await ok(transition(editor1, story.published, { action: 'publish', acknowledge: true }));
    expect(await recipients(story.published, 'published')).toEqual([writer.id]);

    // Published, then edited: live, and an update in the writer's drafts.
    story.update = await readyStory('تحديث', writer);
    await ok(transition(writer, story.update, { action: 'submit' }));
    await approve(editor1, story.update);
    await ok(transition(editor1, story.update, { action: 'publish', acknowledge: true }));
    await saveStory(editor1, story.update, contentOf(await draftOf(story.update), { standfirst: 'مقدمة محدثة' }));
    expect((await draftOf(story.update)).editorialState).toBe('draft');

    // Taken down, and retracted: both in the last 30 days; one pulled long ago is not.
    for (const [key, action] of [
      ['takenDown', 'take_down'],
      ['retracted', 'retract'],
      ['longAgo', 'take_down'],
    ] as const) {
      story[key] = await readyStory(key, writer);
      await ok(transition(writer, story[key]!, { action: 'submit' }));
      await approve(editor2, story[key]!);
      await ok(transition(editor2, story[key]!, { action: 'publish', acknowledge: true }));
      await ok(transition(admin, story[key]!, { action, reason: 'سبب' }));
    }
    await db
      .update(stories)
      .set({ publicationChangedAt: new Date(Date.now() - 31 * 86_400_000), lastPublishedAt: new Date(Date.now() - 40 * 86_400_000) })
      .where(eq(stories.id, story.longAgo!));

    // Published a minute before the newsroom's midnight: live, but not "today".
    story.yesterday = await readyStory('أمس', writer);
    await ok(transition(writer, story.yesterday, { action: 'submit' }));
    await approve(editor2, story.yesterday);
    await ok(transition(editor2, story.yesterday, { action: 'publish', acknowledge: true }));
    await db.update(stories).set({ lastPublishedAt: new Date(startOfDayIn(new Date(), ZONE).getTime() - 60_000) }).where(eq(stories.id, story.yesterday));
  });

  it('counts every queue right for the writer', async () => {
    expect(await countsOf(writer)).toEqual({ sent_back: 1, my_drafts: 2 });
    const sentBack = await queueOf(writer, 'sent_back');
    expect(sentBack?.stories.map((s) => [s.id, s.sendBackReason, s.assigneeName])).toEqual([[story.taken, 'أضف مصدرًا ثانيًا', editor1.displayName]]);
    const drafts = await queueOf(writer, 'my_drafts');
    expect(drafts?.stories.map((s) => s.id).sort()).toEqual([story.draft, story.update].sort());
    expect(drafts?.stories.find((s) => s.id === story.update)?.isUpdate).toBe(true);
    expect(drafts?.stories.find((s) => s.id === story.draft)?.isUpdate).toBe(false);
  });

  it('counts every queue right for each editor and the admin', async () => {
    // The script's section belongs to no desk: its stories are the general desk's, which everyone here works.
    const newsroomWide = (actor: CurrentUser) => {
      const before = baseline.get(actor.id)!;
      return {
        unassigned: before.unassigned + 3, // unassigned, coauthored, orphaned
        ready: before.ready + 1,
        scheduled: before.scheduled + 1,
        published_today: before.published_today + 2, // published, update
        taken_down: before.taken_down + 2, // takenDown, retracted
      };
    };
    expect(await countsOf(editor1)).toEqual({ ...newsroomWide(editor1), awaiting_review: 1, sent_back: 0, my_drafts: 0 });
    // Editor 2's own draft, and the writer's draft with them on the byline.
    expect(await countsOf(editor2)).toEqual({ ...newsroomWide(editor2), awaiting_review: 0, sent_back: 0, my_drafts: 2 });
    expect(await countsOf(admin)).toEqual({ ...newsroomWide(admin), awaiting_review: 0, sent_back: 0, my_drafts: 0 });
    expect((await queueOf(editor1, 'awaiting_review'))?.stories.map((s) => [s.id, s.assigneeName])).toEqual([[story.reassigned, editor1.displayName]]);
  });

  it('filters the story list by the same queues', async () => {
    const list = async (actor: CurrentUser, queue: QueueId) => (await listStories(actor, { queue, page: 1 }, { timeZone: ZONE })).rows.map((row) => row.id);
    expect(await list(writer, 'sent_back')).toEqual([story.taken]);
    expect(await list(editor1, 'awaiting_review')).toEqual([story.reassigned]);
    expect((await list(editor2, 'my_drafts')).sort()).toEqual([story.draft, story.editorsDraft].sort());
    expect(await list(admin, 'unassigned')).toEqual(expect.arrayContaining([story.unassigned, story.coauthored, story.orphaned]));
    expect(await list(admin, 'taken_down')).not.toContain(story.longAgo);
  });
});

describe('assignment', () => {
  it('refuses a writer, a deactivated account, an author of the story, a story not in review, and a caller without the right', async () => {
    const id = story.unassigned!;
    expect(await assignStory(editor1, id, writer.id)).toMatchObject({ ok: false, error: 'errors.desk.notReviewer' });
    expect(await assignStory(editor1, id, leaver.id)).toMatchObject({ ok: false, error: 'errors.desk.deactivated' });
    expect(await assignStory(editor1, id, '00000000-0000-4000-8000-000000000000')).toMatchObject({ ok: false, error: 'errors.desk.notReviewer' });
    expect(await assignStory(admin, story.coauthored!, editor2.id)).toMatchObject({ ok: false, error: 'errors.desk.isAuthor' });
    expect(await assignStory(editor2, story.coauthored!, editor2.id)).toMatchObject({ ok: false, error: 'errors.desk.isAuthor' });
    expect(await assignStory(editor1, story.draft!, editor1.id)).toEqual({ ok: false, error: 'errors.desk.notInReview' });
    expect(await assignStory(editor1, '00000000-0000-4000-8000-000000000000', editor1.id)).toEqual({ ok: false, error: 'errors.notFound' });
    await expect(assignStory(writer, id, editor1.id)).rejects.toBeInstanceOf(Forbidden);
    await expect(assignStory(asDeactivated(editor1), id, editor1.id)).rejects.toBeInstanceOf(Forbidden);
    const [row] = await db.select({ assignedEditorId: stories.assignedEditorId }).from(stories).where(eq(stories.id, id));
    expect(row?.assignedEditorId).toBeNull();
  });

  it('records each assignment in the timeline, by name, and offers only who may review', async () => {
    const events = await db
      .select({ action: workflowEvents.action, reason: workflowEvents.reason, actorId: workflowEvents.actorId })
      .from(workflowEvents)
      .where(and(eq(workflowEvents.storyId, story.reassigned!), inArray(workflowEvents.action, ['assign', 'unassign'])))
      .orderBy(workflowEvents.createdAt);
    expect(events).toEqual([
      { action: 'assign', reason: editor2.displayName, actorId: admin.id },
      { action: 'assign', reason: editor1.displayName, actorId: admin.id },
    ]);
    expect((await storyTimeline(writer, story.reassigned!)).filter((e) => e.type === 'event' && e.action === 'assign')).toHaveLength(2);

    const view = await storyAssignment(editor2, story.coauthored!);
    expect(view).toMatchObject({ inReview: true, assignee: null, canAssign: true, canTake: false });
    expect(view?.candidates.map((c) => c.id)).toEqual(expect.arrayContaining([editor1.id, admin.id]));
    expect(view?.candidates.map((c) => c.id)).not.toContain(editor2.id);
    expect(view?.candidates.map((c) => c.id)).not.toContain(leaver.id);
    expect(await storyAssignment(writer, story.reassigned!)).toMatchObject({ assignee: { id: editor1.id }, canAssign: false, canTake: false, candidates: [] });

    // Taking it off: recorded, and back in the unassigned queue.
    await ok(assignStory(admin, story.reassigned!, null));
    const [last] = await db.select({ action: workflowEvents.action, reason: workflowEvents.reason }).from(workflowEvents).where(eq(workflowEvents.storyId, story.reassigned!)).orderBy(desc(workflowEvents.createdAt)).limit(1);
    expect(last).toEqual({ action: 'unassign', reason: null });
    expect((await countsOf(editor1)).awaiting_review).toBe(0);
    await ok(assignStory(editor1, story.reassigned!, editor1.id));
  });
});

describe('the inbox', () => {
  it('lists and counts only the reader’s own notifications, with names and headlines', async () => {
    const mine = await db.select({ id: notifications.id }).from(notifications).where(eq(notifications.userId, writer.id));
    expect(await unreadCount(writer)).toBe(mine.length);
    const { items, total, unread } = await listNotifications(writer, { page: 1 });
    expect(total).toBe(mine.length);
    expect(unread).toBe(mine.length);
    expect(items.map((item) => item.id).sort()).toEqual(mine.map((m) => m.id).sort());
    const sentBack = items.find((item) => item.kind === 'sent_back' && item.storyId === story.taken);
    expect(sentBack).toMatchObject({ actorName: editor1.displayName, storyHeadline: 'مكتب مأخوذة', read: false });
    const summary = await inboxSummary(writer);
    expect(summary.unread).toBe(mine.length);
    expect(summary.items.length).toBe(Math.min(10, mine.length));
  });

  it('marks one read, refuses a forged id of someone else’s as not found, and marks all read', async () => {
    const [theirs] = await db.select({ id: notifications.id }).from(notifications).where(eq(notifications.userId, writer.id)).limit(1);
    const before = await unreadCount(editor1);
    expect(await markRead(editor1, theirs!.id)).toEqual({ ok: false, error: 'errors.notFound' });
    expect(await markRead(editor1, 'not-a-uuid')).toEqual({ ok: false, error: 'errors.notFound' });
    const [still] = await db.select({ readAt: notifications.readAt }).from(notifications).where(eq(notifications.id, theirs!.id));
    expect(still?.readAt).toBeNull();

    const writerUnread = await unreadCount(writer);
    expect(await markRead(writer, theirs!.id)).toEqual({ ok: true, data: undefined });
    expect(await markRead(writer, theirs!.id)).toEqual({ ok: true, data: undefined });
    expect(await unreadCount(writer)).toBe(writerUnread - 1);

    expect(await markAllRead(writer)).toEqual({ ok: true, data: { marked: writerUnread - 1 } });
    expect(await unreadCount(writer)).toBe(0);
    expect(await unreadCount(editor1)).toBe(before);
  });

  it('refuses the signed-out and the deactivated', async () => {
    await expect(unreadCount(null)).rejects.toBeInstanceOf(Forbidden);
    await expect(listNotifications(asDeactivated(writer), { page: 1 })).rejects.toBeInstanceOf(Forbidden);
    await expect(markAllRead(asDeactivated(writer))).rejects.toBeInstanceOf(Forbidden);
  });
});
