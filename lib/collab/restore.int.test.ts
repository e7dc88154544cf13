import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { stories, storyDocumentUpdates } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { paragraphsToDoc, toPlainText } from '@/lib/content/document';
import { Forbidden } from '@/lib/dal';
import { restoreRevision } from '@/lib/stories/restore';
import { saveStory } from '@/lib/stories/save';
import { createStory, getStoryForEditor } from '@/lib/stories/working-copy';
import { acknowledged, eventually, fieldText, typeIntoField } from '@/test/collab';
import { collabSuite, revisionsOf as revisionsOfStory } from '@/test/collab-suite';
import { connectTestDb } from '@/test/db';
import { createStaff } from '@/test/staff';
import { contentOf } from '@/test/stories';
import { registerCollab, runningCollab } from './registry';

// Restoring a revision is a new change to the shared document: every
// connected client receives it, it is stored (log, working copy, a new
// revision of kind restore), and nothing of history is rewritten.

const { db, client } = connectTestDb();
const suite = collabSuite(db, () => client.end());
const { join } = suite;
let writer: CurrentUser;
let editor: CurrentUser;
let otherWriter: CurrentUser;

beforeAll(async () => {
  [writer, editor, otherWriter] = await Promise.all([createStaff(db, 'writer'), createStaff(db, 'editor'), createStaff(db, 'writer')]);
});

const revisionsOf = (id: string) => revisionsOfStory(db, id);
const storyRow = async (id: string) => (await db.select().from(stories).where(eq(stories.id, id)))[0]!;

/** A story with a first saved revision («النسخة الأولى»), then text typed together over the socket. */
async function storyWithHistory() {
  const id = await createStory(writer);
  const story = (await getStoryForEditor(writer, id))!.story;
  await saveStory(writer, id, contentOf(story, { headline: 'النسخة الأولى', body: paragraphsToDoc(['فقرة أولى']) }));
  const [first] = await revisionsOf(id);
  return { id, first: first! };
}

describe('restoring a revision', () => {
  it('reaches every connected client as a new change, is stored, and appends a revision without rewriting any', async () => {
    const { id, first } = await storyWithHistory();
    expect(runningCollab()).toBe(suite.server().collab.live);
    const mine = await join(writer, id);
    const theirs = await join(editor, id);
    typeIntoField(mine.doc, 'headline', ' ثم تغيّرت');
    await acknowledged(mine);
    expect(await eventually(() => fieldText(theirs.doc, 'headline'), (text) => text === 'النسخة الأولى ثم تغيّرت')).toBe('النسخة الأولى ثم تغيّرت');
    const before = await revisionsOf(id);

    const outcome = await restoreRevision(writer, id, { revisionId: first.id });
    expect(outcome).toMatchObject({ status: 'restored', applied: 'live' });
    // Both tabs receive it live, without reconnecting.
    for (const tab of [mine, theirs]) expect(await eventually(() => fieldText(tab.doc, 'headline'), (text) => text === 'النسخة الأولى')).toBe('النسخة الأولى');
    expect(theirs.closes).toEqual([]);
    // Stored: the working copy, and a new revision that lists who restored it.
    const row = await storyRow(id);
    expect(row.headline).toBe('النسخة الأولى');
    expect(toPlainText(row.body)).toBe('فقرة أولى');
    const after = await revisionsOf(id);
    expect(after.slice(0, before.length).map((r) => r.id)).toEqual(before.map((r) => r.id));
    expect(after.at(-1)).toMatchObject({ kind: 'restore', headline: 'النسخة الأولى', authorId: writer.id });
    expect(after.at(-1)!.contributorIds).toContain(writer.id);

    // A client that opens the story afterwards gets the restored text from storage.
    const late = await join(editor, id);
    expect(fieldText(late.doc, 'headline')).toBe('النسخة الأولى');
  });

  it('merges an edit made at the same time instead of losing it: the restore is a change, not a new document', async () => {
    const { id, first } = await storyWithHistory();
    const tab = await join(writer, id);
    typeIntoField(tab.doc, 'headline', ' مؤقتًا');
    await acknowledged(tab);
    // Typed on a copy that has not seen the restore yet, and sent only after it (a tab that was offline for a moment).
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(tab.doc));
    const seen = Y.encodeStateVector(offline);
    typeIntoField(offline, 'standfirst', 'كُتبت أثناء الاستعادة');
    await restoreRevision(writer, id, { revisionId: first.id });
    expect(await eventually(() => fieldText(tab.doc, 'headline'), (text) => text === 'النسخة الأولى')).toBe('النسخة الأولى');
    Y.applyUpdate(tab.doc, Y.encodeStateAsUpdate(offline, seen));
    await acknowledged(tab);
    const row = await eventually(() => storyRow(id), (story) => story.standfirst === 'كُتبت أثناء الاستعادة');
    expect(row).toMatchObject({ headline: 'النسخة الأولى', standfirst: 'كُتبت أثناء الاستعادة' });
  });

  it('goes through the log when no co-editing server runs in this process, so the next open has it', async () => {
    const { id, first } = await storyWithHistory();
    const tab = await join(writer, id);
    typeIntoField(tab.doc, 'headline', ' بلا خادم');
    await acknowledged(tab);
    suite.leaveAll();
    await eventually(() => suite.server().collab.instance.documents.size, (size) => size === 0, 8000);
    registerCollab(undefined);
    try {
      expect(await restoreRevision(writer, id, { revisionId: first.id })).toMatchObject({ status: 'restored', applied: 'logged' });
      expect((await storyRow(id)).headline).toBe('النسخة الأولى');
    } finally {
      registerCollab(suite.server().collab.live);
    }
    // Logged in the restorer's name, then folded into the stored document by the restore's own checkpoint.
    expect(await db.select().from(storyDocumentUpdates).where(eq(storyDocumentUpdates.storyId, id))).toEqual([]);
    expect((await revisionsOf(id)).at(-1)).toMatchObject({ kind: 'restore', contributorIds: [writer.id] });
    const reopened = await join(editor, id);
    expect(fieldText(reopened.doc, 'headline')).toBe('النسخة الأولى');
  });

  it('is refused to someone who may only read the story', async () => {
    const { id, first } = await storyWithHistory();
    await expect(restoreRevision(otherWriter, id, { revisionId: first.id })).rejects.toBeInstanceOf(Forbidden);
    expect(await restoreRevision(writer, id, { revisionId: '00000000-0000-4000-8000-000000000000' })).toBeNull();
  });
});
