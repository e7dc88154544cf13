import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storyDocuments, storyDocumentUpdates } from '@/db/schema';
import { stories, users } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { paragraphsToDoc, toPlainText } from '@/lib/content/document';
import { metrics } from '@/lib/metrics/registry';
import { createStory } from '@/lib/stories/working-copy';
import { acknowledged, connectClient, eventually, fieldText, leave, sessionCookie, startCollab, typeIntoField, type TestClient } from '@/test/collab';
import { connectTestDb } from '@/test/db';
import { createStaff, sessionVersionOf } from '@/test/staff';

const { db, client } = connectTestDb();
let server: Awaited<ReturnType<typeof startCollab>>;
let writer: CurrentUser;
let editor: CurrentUser;
const open: TestClient[] = [];

beforeAll(async () => {
  server = await startCollab(db);
  writer = await createStaff(db, 'writer');
  editor = await createStaff(db, 'editor');
});
afterAll(async () => {
  open.forEach(leave);
  await server.close();
  await client.end();
});

async function join(user: CurrentUser, storyId: string) {
  const tab = await connectClient(server.url, storyId, await sessionCookie(user, await sessionVersionOf(db, user.id)));
  open.push(tab);
  return tab;
}
const storyRow = async (id: string) => (await db.select().from(stories).where(eq(stories.id, id)))[0]!;
const logRows = (id: string) => db.select().from(storyDocumentUpdates).where(eq(storyDocumentUpdates.storyId, id));

describe('the co-editing socket', () => {
  it('gives an existing story its document from the stored JSON, and stores typed text back as the working copy', async () => {
    const id = await createStory(writer);
    await db.update(stories).set({ headline: 'عنوان أول', body: paragraphsToDoc(['فقرة قائمة']) }).where(eq(stories.id, id));
    const tab = await join(writer, id);
    expect(tab.denied).toEqual([]);
    expect(fieldText(tab.doc, 'headline')).toBe('عنوان أول');
    expect(tab.doc.getXmlFragment('body').toString()).toContain('فقرة قائمة');

    typeIntoField(tab.doc, 'headline', ' وثانٍ');
    await acknowledged(tab);
    // Acknowledged means logged: the update is in Postgres before the server says so.
    expect((await logRows(id)).length + (await db.select().from(storyDocuments).where(eq(storyDocuments.storyId, id))).length).toBeGreaterThan(0);
    const stored = await eventually(() => storyRow(id), (row) => row.headline === 'عنوان أول وثانٍ');
    expect(stored.headline).toBe('عنوان أول وثانٍ');
    expect(stored.version).toBeGreaterThan(1);
    expect(toPlainText(stored.body)).toBe('فقرة قائمة');
    // Compaction folds the log into the snapshot and remembers who wrote.
    const [document] = await eventually(() => db.select().from(storyDocuments).where(eq(storyDocuments.storyId, id)), (rows) => rows[0]?.contributorIds.includes(writer.id) ?? false);
    expect(document?.contributorIds).toContain(writer.id);
    expect(await logRows(id)).toHaveLength(0);
  });

  it('counts its open connections for /api/metrics as people join and leave', async () => {
    const id = await createStory(writer);
    const connections = async () => (await metrics().coediting.get()).values[0]?.value;
    const before = await connections();
    const first = await join(writer, id);
    const second = await join(editor, id);
    expect(await eventually(connections, (count) => count === (before ?? 0) + 2)).toBe((before ?? 0) + 2);
    leave(first);
    leave(second);
    expect(await eventually(connections, (count) => count === (before ?? 0))).toBe(before ?? 0);
  });

  it('refuses a connection without a valid session, and a story that does not exist', async () => {
    const id = await createStory(writer);
    const anonymous = await connectClient(server.url, id, null);
    open.push(anonymous);
    expect(anonymous.denied).toEqual(['session-ended']);
    const forged = await connectClient(server.url, id, await sessionCookie(writer, 1, 'another-secret-that-is-32-characters-long'));
    open.push(forged);
    expect(forged.denied).toEqual(['session-ended']);
    const missing = await join(writer, '00000000-0000-4000-8000-000000000000');
    expect(missing.denied).toEqual(['not-found']);
  });

  it('makes a writer read-only on a story in review: a forged update is refused and nothing is stored', async () => {
    const id = await createStory(writer);
    await db.update(stories).set({ headline: 'قيد المراجعة', editorialState: 'in_review' }).where(eq(stories.id, id));
    const watcher = await join(editor, id);
    const tab = await join(writer, id);
    expect(tab.provider.authorizedScope).toBe('readonly');
    // The client library would not stop a modified client: write straight into its document.
    typeIntoField(tab.doc, 'headline', ' مزوّر');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(fieldText(watcher.doc, 'headline')).toBe('قيد المراجعة');
    expect((await logRows(id)).filter((row) => row.userId === writer.id)).toHaveLength(0);
    expect((await storyRow(id)).headline).toBe('قيد المراجعة');
  });

  it('closes the socket of a user deactivated while connected, within five seconds, with a reason', async () => {
    const id = await createStory(writer);
    const tab = await join(writer, id);
    expect(tab.denied).toEqual([]);
    const at = Date.now();
    await db.update(users).set({ status: 'deactivated' }).where(eq(users.id, writer.id));
    try {
      const closes = await eventually(() => tab.closes, (list) => list.length > 0, 5000);
      expect(closes[0]).toEqual({ code: 4401, reason: 'session-ended' });
      expect(Date.now() - at).toBeLessThan(5000);
    } finally {
      await db.update(users).set({ status: 'active' }).where(eq(users.id, writer.id));
    }
  });

  it('reconnects a writer as read-only when their story is submitted', async () => {
    const id = await createStory(writer);
    const tab = await join(writer, id);
    expect(tab.provider.authorizedScope).toBe('read-write');
    await db.update(stories).set({ editorialState: 'in_review' }).where(eq(stories.id, id));
    const closes = await eventually(() => tab.closes, (list) => list.length > 0, 5000);
    expect(closes[0]).toEqual({ code: 4409, reason: 'read-only' });
    await eventually(() => tab.provider.authorizedScope, (scope) => scope === 'readonly', 5000);
    expect(tab.provider.authorizedScope).toBe('readonly');
  });

  it('shows presence under the session’s name only: a caret claiming someone else’s name closes the connection', async () => {
    const id = await createStory(writer);
    const honest = await join(editor, id);
    honest.provider.setAwarenessField('user', { name: editor.displayName, color: '#0a7' });
    const tab = await join(writer, id);
    tab.provider.setAwarenessField('user', { name: writer.displayName, color: '#07a' });
    await eventually(() => [...tab.provider.awareness!.getStates().values()].map((state) => state.user?.name), (names) => names.includes(editor.displayName));
    // Each provider relays what it heard from the other, names included: an echo is not a claim.
    honest.provider.setAwarenessField('cursor', { anchor: 1 });
    await eventually(() => [...tab.provider.awareness!.getStates().values()].map((state) => state.cursor), (cursors) => cursors.some(Boolean));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(honest.closes).toEqual([]);
    expect(tab.closes).toEqual([]);
    tab.provider.setAwarenessField('user', { name: editor.displayName, color: '#a00' });
    const closes = await eventually(() => tab.closes, (list) => list.length > 0, 5000);
    expect(closes[0]).toEqual({ code: 4400, reason: 'invalid-presence' });
  });

  it('refuses an update with a node outside the schema and closes the connection', async () => {
    const id = await createStory(writer);
    const tab = await join(writer, id);
    tab.doc.getXmlFragment('body').insert(0, [new Y.XmlElement('script')]);
    const closes = await eventually(() => tab.closes, (list) => list.length > 0, 5000);
    expect(closes[0]?.reason).toBe('invalid-update: unknown node script');
    expect(await logRows(id)).toHaveLength(0);
  });

  it('does not store a document that fails the schema, closes its writer and puts the text back', async () => {
    const id = await createStory(writer);
    await db.update(stories).set({ headline: 'سطر واحد' }).where(eq(stories.id, id));
    const watcher = await join(editor, id);
    const tab = await join(writer, id);
    // Two paragraphs in a one-line field: every node is known, only the whole document is wrong.
    tab.doc.getXmlFragment('headline').insert(1, [new Y.XmlElement('paragraph')]);
    const closes = await eventually(() => tab.closes, (list) => list.length > 0, 5000);
    expect(closes[0]).toEqual({ code: 4422, reason: 'invalid-content' });
    await eventually(() => watcher.doc.getXmlFragment('headline').length, (length) => length === 1, 5000);
    expect(watcher.doc.getXmlFragment('headline').length).toBe(1);
    expect(fieldText(watcher.doc, 'headline')).toBe('سطر واحد');
    expect((await storyRow(id)).headline).toBe('سطر واحد');
  });
});
