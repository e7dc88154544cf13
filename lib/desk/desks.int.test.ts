import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, deskMembers, desks, notifications, sections, settings, stories, workflowEvents } from '@/db/schema';
import { ensureSection } from '@/db/seed';
import { loadSessionUser, type CurrentUser } from '@/lib/auth/actor';
import { addComment, listComments } from '@/lib/comments/comments';
import { paragraphsToDoc } from '@/lib/content/document';
import { Forbidden, type Outcome } from '@/lib/dal';
import { inboxSummary } from '@/lib/notifications/inbox';
import { listStories } from '@/lib/stories/list';
import { getPreview } from '@/lib/stories/preview';
import { setRestricted } from '@/lib/stories/restriction';
import { saveStory } from '@/lib/stories/save';
import { storyTimeline } from '@/lib/stories/timeline';
import { scheduleStory, transition, workflowOptions } from '@/lib/stories/transitions';
import { createStory, getStoryForEditor } from '@/lib/stories/working-copy';
import { connectTestDb } from '@/test/db';
import { createStaff } from '@/test/staff';
import { contentOf } from '@/test/stories';
import { archiveSection, deleteSection, mergeSection } from '@/lib/sections/sections';
import { assignStory, storyAssignment } from './assign';
import { createDesk, deleteDesk, listDesks, updateDesk } from './desks';
import { queuesFor, type QueueId } from './queue-ids';
import { queueCondition } from './queue-sql';
import { deskSchema } from './schemas';

// Desks, restricted stories and strict four-eyes, through the DAL against
// real Postgres: what each person may do, and what each sees, with the UI
// bypassed. Sections made here have desks made here; other files' sections
// have none (the general desk), so they do not disturb what is counted.

const { db, client } = connectTestDb();
const ZONE = 'Asia/Riyadh';
const ctx = { ip: '192.0.2.20' };
let writer: CurrentUser;
let otherWriter: CurrentUser;
let sportEditor: CurrentUser;
let techEditor: CurrentUser;
let admin: CurrentUser;
let sport: string;
let tech: string;
let sportDesk: string;
let techDesk: string;

/** The same person as a new request sees them: desk memberships are read with the user. */
const fresh = async (actor: CurrentUser) => (await loadSessionUser(db, actor.id, 1))!;

async function ok<T>(outcome: Promise<{ ok: boolean } & T>) {
  const result = await outcome;
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return result;
}

/** The id of what a successful create made. */
async function idOf(outcome: Promise<Outcome<{ id: string }>>): Promise<string> {
  const result = await outcome;
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data.id;
}

const draftOf = async (id: string) => (await getStoryForEditor(admin, id))!.story;
const label = () => Math.random().toString(36).slice(2, 8);

/** A complete story by `author` in `sectionId` (or none), submitted for review. */
async function submitted(author: CurrentUser, sectionId: string | null, headline = `خبر ${label()}`) {
  const id = await createStory(author);
  await saveStory(author, id, contentOf(await draftOf(id), { headline, slug: `خبر-${label()}-${id.slice(0, 8)}`, sectionId: sectionId ?? '', body: paragraphsToDoc([`نص ${headline}`]) }));
  if (sectionId) await ok(transition(author, id, { action: 'submit' }));
  return id;
}

const approve = async (actor: CurrentUser, id: string) => transition(actor, id, { action: 'approve', expectedVersion: (await draftOf(id)).version, acknowledge: true });
/** The queues this person sees that hold the story, by each queue's own condition (the dashboard shows only the first few). */
async function queuesHolding(actor: CurrentUser, storyId: string): Promise<QueueId[]> {
  const context = { actor, now: new Date(), timeZone: ZONE };
  const holding: QueueId[] = [];
  for (const queue of queuesFor(actor.role)) {
    const rows = await db.select({ id: stories.id }).from(stories).where(and(eq(stories.id, storyId), queueCondition(queue, context)));
    if (rows.length > 0) holding.push(queue);
  }
  return holding;
}

beforeAll(async () => {
  [writer, otherWriter, sportEditor, techEditor, admin] = [await createStaff(db, 'writer'), await createStaff(db, 'writer'), await createStaff(db, 'editor'), await createStaff(db, 'editor'), await createStaff(db, 'admin')];
  sport = await db.transaction((tx) => ensureSection(tx, `sport-${label()}`, `رياضة ${label()}`));
  tech = await db.transaction((tx) => ensureSection(tx, `tech-${label()}`, `تقنية ${label()}`));
  sportDesk = await idOf(createDesk(admin, { name: `مكتب الرياضة ${label()}`, sectionIds: [sport], editorIds: [sportEditor.id] }, ctx));
  techDesk = await idOf(createDesk(admin, { name: `مكتب التقنية ${label()}`, sectionIds: [tech], editorIds: [techEditor.id] }, ctx));
  [sportEditor, techEditor] = [await fresh(sportEditor), await fresh(techEditor)];
});
afterAll(() => client.end());

describe('managing desks', () => {
  it('is for admins only, even with the UI bypassed', async () => {
    for (const actor of [writer, sportEditor]) {
      await expect(listDesks(actor)).rejects.toThrow(Forbidden);
      await expect(createDesk(actor, { name: 'مكتب', sectionIds: [sport], editorIds: [] }, ctx)).rejects.toThrow(Forbidden);
      await expect(updateDesk(actor, { id: sportDesk, name: 'مكتب', sectionIds: [sport], editorIds: [] }, ctx)).rejects.toThrow(Forbidden);
      await expect(deleteDesk(actor, { id: sportDesk }, ctx)).rejects.toThrow(Forbidden);
    }
  });

  it('refuses bad input with a message, before anything is saved', () => {
    const refusal = (input: Record<string, unknown>) => {
      const parsed = deskSchema.safeParse(input);
      return parsed.success ? null : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path[0], issue.message]));
    };
    expect(refusal({ name: '  ', sectionIds: [sport] })).toEqual({ name: 'errors.required' });
    expect(refusal({ name: 'م'.repeat(201), sectionIds: [sport] })).toEqual({ name: 'errors.tooLong' });
    expect(refusal({ name: 'مكتب \u202Eالرياضة', sectionIds: [sport] })).toEqual({ name: 'errors.controlChars' });
    expect(refusal({ name: 'مكتب', sectionIds: [] })).toEqual({ sectionIds: 'errors.desks.noSection' });
    expect(refusal({ name: 'مكتب', sectionIds: ['not-an-id'] })).toEqual({ sectionIds: 'errors.invalidChoice' });
  });

  it('refuses a taken name, a writer as a member, and taking another desk’s last section; nothing half-saved', async () => {
    const before = await db.select({ id: sections.id, deskId: sections.deskId }).from(sections).where(eq(sections.id, sport));
    const [sportName] = await db.select({ name: desks.name }).from(desks).where(eq(desks.id, sportDesk));
    const spare = await db.transaction((tx) => ensureSection(tx, `spare-${label()}`, `احتياط ${label()}`));
    expect(await createDesk(admin, { name: sportName!.name, sectionIds: [spare], editorIds: [] }, ctx)).toEqual({ ok: false, fieldErrors: { name: 'errors.desks.nameTaken' } });
    expect(await createDesk(admin, { name: `مكتب ${label()}`, sectionIds: [spare], editorIds: [writer.id] }, ctx)).toEqual({ ok: false, fieldErrors: { editorIds: 'errors.invalidChoice' } });
    expect(await createDesk(admin, { name: `مكتب ${label()}`, sectionIds: [spare, sport], editorIds: [] }, ctx)).toEqual({ ok: false, fieldErrors: { sectionIds: 'errors.desks.leavesEmpty' } });
    expect(await db.select({ id: sections.id, deskId: sections.deskId }).from(sections).where(eq(sections.id, sport))).toEqual(before);
    const [spareNow] = await db.select({ deskId: sections.deskId }).from(sections).where(eq(sections.id, spare));
    expect(spareNow?.deskId).toBeNull();
  });

  it('renames, moves sections and members in one change, audited; a deleted desk’s sections go to the general desk', async () => {
    const extra = await db.transaction((tx) => ensureSection(tx, `extra-${label()}`, `إضافي ${label()}`));
    const id = await idOf(createDesk(admin, { name: `مؤقت ${label()}`, sectionIds: [extra], editorIds: [techEditor.id] }, ctx));
    const name = `مؤقت جديد ${label()}`;
    await ok(updateDesk(admin, { id, name, sectionIds: [extra], editorIds: [sportEditor.id, techEditor.id] }, ctx));
    const page = await listDesks(admin);
    expect(page.desks.find((desk) => desk.id === id)).toMatchObject({ name, sections: [{ id: extra }] });
    expect(page.desks.find((desk) => desk.id === id)?.editors.map((e) => e.id).sort()).toEqual([sportEditor.id, techEditor.id].sort());
    expect(page.editors.map((e) => e.id)).not.toContain(writer.id);
    expect(page.editors.map((e) => e.id)).not.toContain(admin.id);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'desk.update'), eq(auditLog.targetId, id)));
    expect(audit?.after).toMatchObject({ name });
    await ok(deleteDesk(admin, { id }, ctx));
    const [extraNow] = await db.select({ deskId: sections.deskId }).from(sections).where(eq(sections.id, extra));
    expect(extraNow?.deskId).toBeNull();
    expect(await db.select().from(deskMembers).where(eq(deskMembers.deskId, id))).toEqual([]);
  });
  it('keeps a section on every desk: its last open one cannot be archived, merged away or deleted', async () => {
    const [first, second, elsewhere] = await db.transaction(async (tx) => [
      await ensureSection(tx, `first-${label()}`, `أول ${label()}`),
      await ensureSection(tx, `second-${label()}`, `ثان ${label()}`),
      await ensureSection(tx, `elsewhere-${label()}`, `آخر ${label()}`),
    ]);
    const name = `مكتب صغير ${label()}`;
    const desk = await idOf(createDesk(admin, { name, sectionIds: [first], editorIds: [] }, ctx));
    const refused = { ok: false, error: 'errors.sections.lastOfDesk' };
    expect(await archiveSection(admin, { id: first, redirectTo: '' }, ctx)).toEqual(refused);
    expect(await mergeSection(admin, { id: first, into: elsewhere }, ctx)).toEqual(refused);
    expect(await deleteSection(admin, { id: first }, ctx)).toEqual(refused);
    expect(await db.select({ deskId: sections.deskId, archivedAt: sections.archivedAt }).from(sections).where(eq(sections.id, first))).toEqual([{ deskId: desk, archivedAt: null }]);
    expect((await listDesks(admin)).desks.find((d) => d.id === desk)?.sections.map((s) => s.id)).toEqual([first]);

    // With a second open section the desk keeps one, whichever goes; an archived one does not count.
    await ok(updateDesk(admin, { id: desk, name, sectionIds: [first, second], editorIds: [] }, ctx));
    await ok(archiveSection(admin, { id: first, redirectTo: '' }, ctx));
    expect(await deleteSection(admin, { id: second }, ctx)).toEqual(refused);
    expect(await mergeSection(admin, { id: second, into: elsewhere }, ctx)).toEqual(refused);
    await ok(deleteSection(admin, { id: first }, ctx));
    // Deleting the desk first frees its last section.
    await ok(deleteDesk(admin, { id: desk }, ctx));
    await ok(mergeSection(admin, { id: second, into: elsewhere }, ctx));
  });
});

describe('a story’s desk follows its section', () => {
  it('notifies, queues and lets act only the editors of its desk; admins act everywhere', async () => {
    const id = await submitted(writer, sport);
    // The submission reaches the sport desk's editors only.
    const told = await db.select({ userId: notifications.userId }).from(notifications).where(and(eq(notifications.storyId, id), eq(notifications.kind, 'submitted')));
    expect(told.map((row) => row.userId)).toEqual([sportEditor.id]);
    // The technology editor sees it in no queue, is offered nothing, and is refused when they try.
    expect(await queuesHolding(techEditor, id)).toEqual([]);
    expect((await listStories(techEditor, { queue: 'unassigned', page: 1 }, { timeZone: ZONE })).rows.map((row) => row.id)).not.toContain(id);
    expect((await workflowOptions(techEditor, id)).map((option) => option.action)).toEqual([]);
    expect(await approve(techEditor, id)).toEqual({ ok: false, error: 'errors.workflow.desk' });
    expect(await transition(techEditor, id, { action: 'request_changes', reason: 'لا' })).toEqual({ ok: false, error: 'errors.workflow.desk' });
    expect(await assignStory(techEditor, id, techEditor.id)).toEqual({ ok: false, error: 'errors.workflow.desk' });
    expect(await assignStory(sportEditor, id, techEditor.id)).toEqual({ ok: false, error: 'errors.desk.offDesk', fieldErrors: { assigneeId: 'errors.desk.offDesk' } });
    expect((await storyAssignment(sportEditor, id))?.candidates.map((c) => c.id)).toContain(sportEditor.id);
    expect((await storyAssignment(sportEditor, id))?.candidates.map((c) => c.id)).not.toContain(techEditor.id);
    expect((await storyAssignment(techEditor, id))?.canAssign).toBe(false);
    // But they may still open and read it: it is not restricted.
    expect(await getStoryForEditor(techEditor, id)).not.toBeNull();

    // The sport editor sees it, approves and publishes it.
    expect(await queuesHolding(sportEditor, id)).toEqual(['unassigned']);
    await ok(approve(sportEditor, id));
    expect(await transition(techEditor, id, { action: 'publish', acknowledge: true })).toEqual({ ok: false, error: 'errors.workflow.desk' });
    expect(await scheduleStory(techEditor, id, new Date(Date.now() + 3_600_000), { acknowledge: true })).toEqual({ ok: false, error: 'errors.workflow.desk' });
    await ok(transition(sportEditor, id, { action: 'publish', acknowledge: true }));
    expect(await transition(techEditor, id, { action: 'take_down', reason: 'خطأ' })).toEqual({ ok: false, error: 'errors.workflow.desk' });
    expect(await transition(techEditor, id, { action: 'retract', reason: 'خطأ' })).toEqual({ ok: false, error: 'errors.workflow.desk' });
    // The admin works every desk.
    await ok(transition(admin, id, { action: 'take_down', reason: 'مراجعة قانونية' }));
  });

  it('puts a story with no section, or in a section no desk owns, in the general queue every editor sees', async () => {
    const general = await db.transaction((tx) => ensureSection(tx, `general-${label()}`, `عام ${label()}`));
    const id = await submitted(writer, general);
    for (const editor of [sportEditor, techEditor]) expect(await queuesHolding(editor, id)).toEqual(['unassigned']);
    const told = await db.select({ userId: notifications.userId }).from(notifications).where(and(eq(notifications.storyId, id), eq(notifications.kind, 'submitted')));
    expect(told.map((row) => row.userId)).toEqual(expect.arrayContaining([sportEditor.id, techEditor.id]));
    const bare = await submitted(writer, null);
    expect((await workflowOptions(techEditor, bare)).map((option) => option.action)).toContain('archive');
  });

  it('follows the desk when an admin moves a section, from the next request on', async () => {
    const id = await submitted(writer, tech);
    expect(await queuesHolding(sportEditor, id)).toEqual([]);
    const name = (await listDesks(admin)).desks.find((d) => d.id === sportDesk)!.name;
    await ok(updateDesk(admin, { id: sportDesk, name, sectionIds: [sport], editorIds: [sportEditor.id, techEditor.id] }, ctx));
    try {
      // The sport desk now has the technology editor too: their own desk list grows with the next read of them.
      techEditor = await fresh(techEditor);
      const sportStory = await submitted(writer, sport);
      expect(await queuesHolding(techEditor, sportStory)).toEqual(['unassigned']);
      await ok(updateDesk(admin, { id: sportDesk, name, sectionIds: [sport], editorIds: [sportEditor.id] }, ctx));
      techEditor = await fresh(techEditor);
      expect(await queuesHolding(techEditor, sportStory)).toEqual([]);
      expect(techEditor.deskIds).toEqual([techDesk]);
    } finally {
      await db.delete(deskMembers).where(and(eq(deskMembers.deskId, sportDesk), eq(deskMembers.userId, techEditor.id)));
      techEditor = await fresh(techEditor);
    }
  });
});

describe('restricted stories', () => {
  it('are missing, in every way, to whoever is not an author, an editor of its desk or an admin', async () => {
    const headline = `تحقيق مقيد ${label()}`;
    const id = await submitted(writer, sport, headline);
    // Before: a colleague was mentioned; after the restriction they must not learn of it any more.
    await ok(addComment(writer, { storyId: id, body: `@${otherWriter.displayName} انظر` }));
    const before = (await inboxSummary(otherWriter)).items.map((item) => item.storyId);
    expect(before).toContain(id);

    expect(await setRestricted(writer, id, true).catch((error: unknown) => error)).toBeInstanceOf(Forbidden);
    expect(await setRestricted(techEditor, id, true)).toEqual({ ok: false, error: 'errors.workflow.desk' });
    await ok(setRestricted(sportEditor, id, true));
    const [event] = await db.select().from(workflowEvents).where(and(eq(workflowEvents.storyId, id), eq(workflowEvents.action, 'restrict')));
    expect(event?.actorId).toBe(sportEditor.id);

    for (const outsider of [otherWriter, techEditor]) {
      expect(await getStoryForEditor(outsider, id)).toBeNull();
      expect(await getPreview(outsider, id)).toBeNull();
      expect(await listComments(outsider, id)).toBeNull();
      expect(await storyTimeline(outsider, id)).toEqual([]);
      expect(await addComment(outsider, { storyId: id, body: 'سؤال' })).toEqual({ ok: false, error: 'errors.notFound' });
      expect(await transition(outsider, id, { action: 'withdraw' })).toEqual({ ok: false, error: 'errors.notFound' });
      expect(await setRestricted(outsider, id, false).catch((error: unknown) => error)).not.toMatchObject({ ok: true });
      expect((await listStories(outsider, { q: headline, page: 1 }, { timeZone: ZONE })).rows).toEqual([]);
      expect((await listStories(outsider, { page: 1 }, { timeZone: ZONE })).rows.map((row) => row.id)).not.toContain(id);
      expect(await queuesHolding(outsider, id)).toEqual([]);
      expect((await inboxSummary(outsider)).items.map((item) => item.storyId)).not.toContain(id);
    }
    expect(await saveStory(otherWriter, id, contentOf(await draftOf(id), { headline: 'اختراق' }))).toBeNull();

    // Its author, its desk's editor and the admin still have it, and can find it.
    for (const insider of [writer, sportEditor, admin]) {
      expect(await getStoryForEditor(insider, id)).not.toBeNull();
      expect((await listStories(insider, { q: headline, page: 1 }, { timeZone: ZONE })).rows.map((row) => row.id)).toEqual([id]);
    }
    // A mention of an outsider notifies nobody.
    await db.delete(notifications).where(eq(notifications.storyId, id));
    await ok(addComment(writer, { storyId: id, body: `@${otherWriter.displayName} و@${sportEditor.displayName}` }));
    const told = await db.select({ userId: notifications.userId }).from(notifications).where(eq(notifications.storyId, id));
    expect(told.map((row) => row.userId)).toEqual([sportEditor.id]);

    // Lifted, it is everyone's again.
    await ok(setRestricted(sportEditor, id, false));
    expect(await getStoryForEditor(otherWriter, id)).not.toBeNull();
  });
});

describe('who may approve', () => {
  /** A live story in the sport desk, changed by `editor` and submitted again. */
  async function editedLiveStory(editor: CurrentUser) {
    const id = await submitted(writer, sport);
    await ok(approve(admin, id));
    await ok(transition(admin, id, { action: 'publish', acknowledge: true }));
    await saveStory(editor, id, contentOf(await draftOf(id), { headline: `عنوان أدق ${label()}` }));
    await ok(transition(editor, id, { action: 'submit' }));
    return id;
  }

  it('refuses an editor who changed what readers get since the last approval; a second editor approves', async () => {
    const second = await fresh(await createStaff(db, 'editor'));
    await db.insert(deskMembers).values({ deskId: sportDesk, userId: second.id });
    const id = await editedLiveStory(sportEditor);
    expect(await approve(sportEditor, id)).toEqual({ ok: false, error: 'errors.workflow.editedSinceApproval' });
    expect((await workflowOptions(sportEditor, id)).map((option) => option.action)).not.toContain('approve');
    await ok(approve(await fresh(second), id));
  });

  it('does not count a save that changes nothing readers get, nor edits before the last approval', async () => {
    const id = await submitted(writer, sport);
    // The sport editor's edit during the first review is covered by the admin's approval.
    await saveStory(sportEditor, id, contentOf(await draftOf(id), { headline: `قبل الاعتماد ${label()}` }));
    await ok(approve(admin, id));
    await ok(transition(admin, id, { action: 'publish', acknowledge: true }));
    // Their save with the same content is not a change readers would get; the admin's is.
    await saveStory(sportEditor, id, contentOf(await draftOf(id)));
    await saveStory(admin, id, contentOf(await draftOf(id), { headline: `تحديث المدير ${label()}` }));
    await ok(transition(admin, id, { action: 'submit' }));
    await ok(approve(sportEditor, id));
  });

  it('is the byline rule alone when the setting is off', async () => {
    const id = await editedLiveStory(sportEditor);
    // This run's database is migrated, not seeded: the settings row may not be there (the rule then takes the default, on).
    const [created] = await db.insert(settings).values({ id: 1, siteName: 'صحيفة' }).onConflictDoNothing().returning({ id: settings.id });
    await db.update(settings).set({ strictFourEyes: false }).where(eq(settings.id, 1));
    try {
      await ok(approve(sportEditor, id));
    } finally {
      if (created) await db.delete(settings).where(eq(settings.id, 1));
      else await db.update(settings).set({ strictFourEyes: true }).where(eq(settings.id, 1));
    }
  });

  it('lets an admin override it only with a reason, which is recorded', async () => {
    const id = await editedLiveStory(admin);
    expect(await approve(admin, id)).toEqual({ ok: false, error: 'errors.workflow.editedSinceApproval' });
    expect((await workflowOptions(admin, id)).find((option) => option.action === 'approve')).toMatchObject({ override: true, needsReason: true });
    await ok(transition(admin, id, { action: 'approve', expectedVersion: (await draftOf(id)).version, acknowledge: true, override: true, reason: 'خبر عاجل ولا محرر آخر' }));
    const events = await db.select({ reason: workflowEvents.reason }).from(workflowEvents).where(and(eq(workflowEvents.storyId, id), eq(workflowEvents.action, 'approve')));
    expect(events.map((e) => e.reason)).toContain('override: خبر عاجل ولا محرر آخر');
  });
});
