import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { stories } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { paragraphsToDoc, toPlainText } from '@/lib/content/document';
import { createStory } from '@/lib/stories/working-copy';
import { acknowledged, eventually, fieldText, goOffline, goOnline, typeIntoField } from '@/test/collab';
import { collabSuite } from '@/test/collab-suite';
import { connectTestDb } from '@/test/db';
import { createStaff } from '@/test/staff';

// Hostile co-editing: ways a colleague's valid, acknowledged words could be
// taken out of the shared document by something someone else did.

const { db, client } = connectTestDb();
// A long debounce, so that the colleague's words and the bad change fall into one store, as they do under real typing.
const { join } = collabSuite(db, () => client.end(), { storeDebounceMs: 1500 });
let writer: CurrentUser;
let editor: CurrentUser;

beforeAll(async () => {
  [writer, editor] = await Promise.all([createStaff(db, 'writer'), createStaff(db, 'editor')]);
});

const storyRow = async (id: string) => (await db.select().from(stories).where(eq(stories.id, id)))[0]!;

/** Appends a paragraph at the end of the body, as the editor's Enter and typing would. */
function typeParagraph(doc: Y.Doc, text: string): void {
  const body = doc.getXmlFragment('body');
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    body.insert(body.length, [paragraph]);
  });
}

describe('a document that fails the schema', () => {
  it('is repaired without taking out what colleagues typed, validly, since the last store', async () => {
    const id = await createStory(writer);
    await db.update(stories).set({ headline: 'سطر واحد', body: paragraphsToDoc(['فقرة قائمة']) }).where(eq(stories.id, id));
    const colleague = await join(editor, id);
    const culprit = await join(writer, id);
    // The colleague's words: acknowledged (so committed in Postgres), in the body and in another field.
    typeParagraph(colleague.doc, 'كلمات الزميل');
    typeIntoField(colleague.doc, 'standfirst', 'موجز الزميل');
    await acknowledged(colleague);
    // Then, before the debounced store, someone else makes the headline two paragraphs.
    culprit.doc.getXmlFragment('headline').insert(1, [new Y.XmlElement('paragraph')]);
    await eventually(() => culprit.closes, (list) => list.length > 0, 8000);
    expect(culprit.closes[0]).toEqual({ code: 4422, reason: 'invalid-content' });
    // The bad part is put back...
    await eventually(() => colleague.doc.getXmlFragment('headline').length, (length) => length === 1, 5000);
    expect(fieldText(colleague.doc, 'headline')).toBe('سطر واحد');
    // ...and the colleague's words are still there, and stored.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(colleague.doc.getXmlFragment('body').toString()).toContain('كلمات الزميل');
    expect(fieldText(colleague.doc, 'standfirst')).toBe('موجز الزميل');
    const row = await eventually(() => storyRow(id), (story) => toPlainText(story.body).includes('كلمات الزميل'), 8000);
    expect(toPlainText(row.body)).toContain('كلمات الزميل');
    expect(row.standfirst).toBe('موجز الزميل');
  });
});

describe('two people typing into one field past its limit together', () => {
  it('cuts the field at its limit, keeps both connections and everything else they typed', async () => {
    const id = await createStory(writer);
    await db.update(stories).set({ headline: '', body: paragraphsToDoc(['فقرة قائمة']) }).where(eq(stories.id, id));
    const first = await join(writer, id);
    const second = await join(editor, id);
    // Each stays within the headline's 250 characters, as each editor makes them; together they pass it.
    const theirs = 'ع'.repeat(140);
    const mine = 'ن'.repeat(130);
    typeIntoField(first.doc, 'headline', theirs);
    typeParagraph(first.doc, 'فقرة الكاتب');
    await acknowledged(first);
    typeIntoField(second.doc, 'headline', mine);
    await acknowledged(second);
    const expected = (theirs + mine).slice(0, 250);
    const row = await eventually(() => storyRow(id), (story) => story.headline === expected, 8000);
    expect(row.headline).toBe(expected);
    expect(toPlainText(row.body)).toContain('فقرة الكاتب');
    // Everyone sees the cut, and nobody was disconnected for typing.
    await eventually(() => fieldText(second.doc, 'headline'), (text) => text === expected, 5000);
    expect(fieldText(first.doc, 'headline')).toBe(expected);
    expect(first.closes).toEqual([]);
    expect(second.closes).toEqual([]);
  });
});

describe('a large paste', () => {
  it('is taken in one message, with the typing after it: a story any size the schema allows', async () => {
    const id = await createStory(writer);
    const tab = await join(writer, id);
    // About 450 KB of Arabic text, well inside a valid story (MAX_DOC_BYTES of JSON): refused as one message,
    // every reconnect sent it again and the tab could never store anything more.
    const pasted = 'نص طويل '.repeat(30_000);
    typeParagraph(tab.doc, pasted);
    typeIntoField(tab.doc, 'headline', 'جملة بعد اللصق');
    await acknowledged(tab, 10_000);
    expect(tab.closes).toEqual([]);
    const row = await eventually(() => storyRow(id), (story) => story.headline === 'جملة بعد اللصق', 10_000);
    expect(row.headline).toBe('جملة بعد اللصق');
    expect(toPlainText(row.body)).toContain(pasted.trim());
  }, 30_000);
});

describe('typing offline while the story leaves the writer’s hands', () => {
  it('keeps the refused words in the writer’s copy, and stores them once the story is theirs to edit again', async () => {
    const id = await createStory(writer);
    const watcher = await join(editor, id);
    const tab = await join(writer, id);
    await goOffline(tab);
    typeIntoField(tab.doc, 'standfirst', 'كُتبت دون اتصال');
    // Meanwhile an editor moves the story to review: the writer may only read it now.
    await db.update(stories).set({ editorialState: 'in_review' }).where(eq(stories.id, id));
    await goOnline(tab);
    // Back, read-only: a socket that never reopened would still carry the scope of the first one.
    expect(await eventually(() => tab.provider.authorizedScope, (scope) => scope === 'readonly', 5000)).toBe('readonly');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    // Refused by the server (not logged, not relayed, not stored)...
    expect(fieldText(watcher.doc, 'standfirst')).toBe('');
    expect((await storyRow(id)).standfirst).toBe('');
    // ...but not acknowledged either: still the writer's, on their page (and in their device's copy).
    expect(fieldText(tab.doc, 'standfirst')).toBe('كُتبت دون اتصال');
    expect(tab.provider.hasUnsyncedChanges).toBe(true);
    // And stays so through a re-sync (the editor forces one every 4 s), so the status line can say so (status.ts).
    tab.provider.forceSync();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(tab.provider.hasUnsyncedChanges).toBe(true);
    // Sent back to the writer: their socket is reopened read-write, and the words they typed arrive.
    await db.update(stories).set({ editorialState: 'draft' }).where(eq(stories.id, id));
    expect(await eventually(() => tab.provider.authorizedScope, (scope) => scope === 'read-write', 8000)).toBe('read-write');
    const row = await eventually(() => storyRow(id), (story) => story.standfirst === 'كُتبت دون اتصال', 8000);
    expect(row.standfirst).toBe('كُتبت دون اتصال');
    expect(fieldText(watcher.doc, 'standfirst')).toBe('كُتبت دون اتصال');
  }, 30_000);
});
