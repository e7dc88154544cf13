import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { stories } from '@/db/schema';
import { ensureSection } from '@/db/seed';
import type { CurrentUser } from '@/lib/auth/actor';
import { paragraphsToDoc } from '@/lib/content/document';
import { Forbidden } from '@/lib/dal';
import { editorsSinceApproval } from '@/lib/stories/edited-since-approval';
import { checkpointStory, consumeCheckpointQuota, decodeStateVector } from '@/lib/stories/manual-checkpoint';
import { saveStory } from '@/lib/stories/save';
import { checkpointSchema } from '@/lib/stories/schemas';
import { transition } from '@/lib/stories/transitions';
import { createStory, getStoryForEditor } from '@/lib/stories/working-copy';
import { acknowledged, eventually, typeIntoField } from '@/test/collab';
import { collabSuite, pendingContributorsOf, revisionsOf as revisionsOfStory } from '@/test/collab-suite';
import { connectTestDb } from '@/test/db';
import { createStaff } from '@/test/staff';
import { contentOf } from '@/test/stories';

// Checkpoints of a story edited together: at a workflow step and on Ctrl+S,
// each listing who typed since the one before, once, and none when nothing
// changed. The server's own idle and interval checkpoints are in
// checkpoint-timers.int.test.ts, restores in restore.int.test.ts.

const { db, client } = connectTestDb();
let writer: CurrentUser;
let otherWriter: CurrentUser;
let editor: CurrentUser;
let approver: CurrentUser;
let sectionId: string;
const { join } = collabSuite(db, () => client.end());

beforeAll(async () => {
  [writer, otherWriter, editor, approver] = await Promise.all([createStaff(db, 'writer'), createStaff(db, 'writer'), createStaff(db, 'editor'), createStaff(db, 'editor')]);
  sectionId = await db.transaction((tx) => ensureSection(tx, 'checkpoint-desk', 'مكتب النسخ'));
});

const revisionsOf = (id: string) => revisionsOfStory(db, id);
const pendingOf = (id: string) => pendingContributorsOf(db, id);
const sorted = (ids: string[]) => [...ids].sort();

/** A draft the writer can submit: one form save, so one revision, listing the writer. */
async function readyStory(label: string) {
  const id = await createStory(writer);
  const story = (await getStoryForEditor(writer, id))!.story;
  await saveStory(writer, id, contentOf(story, { headline: `خبر ${label}`, slug: `نسخ-${label}-${id.slice(0, 8)}`, sectionId, body: paragraphsToDoc([`نص ${label}`]) }));
  return id;
}

describe('a checkpoint at every workflow step', () => {
  it('holds what was typed (flushed, not waiting for the debounce), lists each typist once, and is not repeated when nothing changed', async () => {
    const id = await readyStory('خطوة');
    expect((await revisionsOf(id)).map((r) => [r.kind, r.contributorIds])).toEqual([['save', [writer.id]]]);
    const mine = await join(writer, id);
    const theirs = await join(editor, id);
    typeIntoField(mine.doc, 'headline', ' محدّث');
    typeIntoField(theirs.doc, 'standfirst', 'مقدمة من المحرر');
    typeIntoField(mine.doc, 'kicker', 'عاجل');
    await Promise.all([acknowledged(mine), acknowledged(theirs)]);

    expect((await transition(writer, id, { action: 'submit' })).ok).toBe(true);
    const revisions = await revisionsOf(id);
    expect(revisions.map((r) => r.kind)).toEqual(['save', 'transition']);
    const step = revisions[1]!;
    expect(step).toMatchObject({ headline: 'خبر خطوة محدّث', standfirst: 'مقدمة من المحرر', kicker: 'عاجل', authorId: writer.id });
    expect(sorted(step.contributorIds)).toEqual(sorted([writer.id, editor.id]));
    // Taken, so emptied: the next checkpoint starts from nobody.
    expect(await pendingOf(id)).toEqual([]);

    // Withdrawn with nothing typed since: no second, identical checkpoint.
    expect((await transition(writer, id, { action: 'withdraw' })).ok).toBe(true);
    expect(await revisionsOf(id)).toHaveLength(2);
  });

  it('pins a checkpoint at approval, listing who typed, and an editor who typed since is no second pair of eyes', async () => {
    const id = await readyStory('اعتماد');
    expect((await transition(writer, id, { action: 'submit' })).ok).toBe(true);
    const tab = await join(editor, id);
    typeIntoField(tab.doc, 'standfirst', 'تصحيح المحرر');
    await acknowledged(tab);
    // Not yet in any checkpoint, yet counted: the approval's checkpoint would hold their change.
    expect((await editorsSinceApproval(db, id)).has(editor.id)).toBe(true);
    const version = (await eventually(() => getStoryForEditor(editor, id), (view) => view?.story.standfirst === 'تصحيح المحرر'))!.story.version;
    expect(await transition(editor, id, { action: 'approve', expectedVersion: version, acknowledge: true })).toMatchObject({ ok: false, error: 'errors.workflow.editedSinceApproval' });

    const approved = await transition(approver, id, { action: 'approve', expectedVersion: version, acknowledge: true });
    expect(approved.ok).toBe(true);
    const revisions = await revisionsOf(id);
    expect(revisions.map((r) => r.kind)).toEqual(['save', 'approval']);
    expect(revisions[1]).toMatchObject({ standfirst: 'تصحيح المحرر', authorId: approver.id, contributorIds: [editor.id] });
    const [row] = await db.select().from(stories).where(eq(stories.id, id));
    expect(row?.approvedRevisionId).toBe(revisions[1]!.id);
    expect(await pendingOf(id)).toEqual([]);
  });

  it('pins one at approval even when nothing changed, and sends the approved story back to draft when its text changes over the socket', async () => {
    const id = await readyStory('بعد-الاعتماد');
    expect((await transition(writer, id, { action: 'submit' })).ok).toBe(true);
    const version = (await getStoryForEditor(approver, id))!.story.version;
    expect((await transition(approver, id, { action: 'approve', expectedVersion: version, acknowledge: true })).ok).toBe(true);
    // Nothing changed since the save, and still the approval pins a checkpoint of its own.
    expect((await revisionsOf(id)).map((r) => r.kind)).toEqual(['save', 'approval']);
    const tab = await join(editor, id);
    typeIntoField(tab.doc, 'headline', ' بعد الاعتماد');
    await acknowledged(tab);
    const row = await eventually(async () => (await db.select().from(stories).where(eq(stories.id, id)))[0]!, (story) => story.editorialState === 'draft');
    expect(row.editorialState).toBe('draft');
    // The approved revision is still the pinned one; publishing it now is refused, since the copy is a draft.
    expect((await transition(approver, id, { action: 'publish', acknowledge: true })).ok).toBe(false);
  });
});

describe('Ctrl+S', () => {
  it('takes a checkpoint for whoever may edit, once per change, and refuses the rest', async () => {
    const id = await readyStory('حفظ');
    const tab = await join(writer, id);
    typeIntoField(tab.doc, 'headline', ' بيدي');
    await acknowledged(tab);
    const stateVector = Y.encodeStateVector(tab.doc);
    const taken = await checkpointStory(writer, id, { stateVector });
    expect(taken).toMatchObject({ status: 'taken' });
    const revisions = await revisionsOf(id);
    expect(revisions.at(-1)).toMatchObject({ kind: 'checkpoint', headline: 'خبر حفظ بيدي', authorId: writer.id, contributorIds: [writer.id] });
    expect(await checkpointStory(writer, id, { stateVector })).toEqual({ status: 'unchanged' });
    expect(await revisionsOf(id)).toHaveLength(revisions.length);

    // Someone who may only read the story (another writer's draft) is refused; a story that is not there is not found.
    await expect(checkpointStory(otherWriter, id, { stateVector })).rejects.toBeInstanceOf(Forbidden);
    expect(await checkpointStory(writer, '00000000-0000-4000-8000-000000000000', { stateVector })).toBeNull();
    await expect(checkpointStory(null, id, { stateVector })).rejects.toBeInstanceOf(Forbidden);
  });

  it('waits for what the person has seen: a state vector the server has not stored yet is "behind"', async () => {
    const id = await readyStory('متأخر');
    const tab = await join(writer, id);
    // Typed into a copy the server never receives: as if the last keystroke were still on its way.
    const ahead = new Y.Doc();
    Y.applyUpdate(ahead, Y.encodeStateAsUpdate(tab.doc));
    typeIntoField(ahead, 'headline', ' لم يصل');
    expect(await checkpointStory(writer, id, { stateVector: Y.encodeStateVector(ahead) })).toEqual({ status: 'behind' });
    expect((await revisionsOf(id)).map((r) => r.kind)).toEqual(['save']);
  });

  it('validates the body and limits how often one person asks', async () => {
    expect(checkpointSchema.safeParse({}).success).toBe(false);
    expect(checkpointSchema.safeParse({ stateVector: 'not base64!' }).success).toBe(false);
    expect(decodeStateVector('AA==')).toEqual(new Uint8Array([0]));
    expect(decodeStateVector('/////w==')).toBeNull();
    const config = { limit: 2, windowMs: 60_000 };
    const person = `quota-${Date.now()}`;
    expect((await consumeCheckpointQuota(person, config)).allowed).toBe(true);
    expect((await consumeCheckpointQuota(person, config)).allowed).toBe(true);
    expect(await consumeCheckpointQuota(person, config)).toMatchObject({ allowed: false });
  });
});
