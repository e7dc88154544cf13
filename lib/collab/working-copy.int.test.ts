import { eq, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stories } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { withDirections } from '@/lib/content/block-direction';
import { paragraphsToDoc, toPlainText } from '@/lib/content/document';
import { lockAndFlushText } from '@/lib/stories/checkpoints';
import { snapshotRevision } from '@/lib/stories/revisions';
import { createStory } from '@/lib/stories/working-copy';
import { connectTestDb } from '@/test/db';
import { createStaff } from '@/test/staff';
import { appendUpdate, loadDocumentState } from './storage';
import { storeWorkingCopy } from './working-copy';

// The working copy stored from the shared document, against an approval.

const { db, client } = connectTestDb();
let writer: CurrentUser;

beforeAll(async () => {
  writer = await createStaff(db, 'writer');
});
afterAll(() => client.end());

describe('storeWorkingCopy', () => {
  it('keeps an approval whose revision predates computed directions when the text is the same', async () => {
    const id = await createStory(writer);
    // Approved before block directions were stored: the revision's body has none; the document's always does.
    const body = paragraphsToDoc(['OpenAI تطلق نموذجًا جديدًا للغة العربية.']);
    await db.update(stories).set({ headline: 'عنوان', body, plainText: toPlainText(body) }).where(eq(stories.id, id));
    await db.transaction(async (tx) => {
      const revisionId = await snapshotRevision(tx, { storyId: id, kind: 'approval', authorId: null });
      await tx.update(stories).set({ editorialState: 'approved', approvedRevisionId: revisionId }).where(eq(stories.id, id));
    });
    const text = { kicker: '', headline: 'عنوان', subheadline: '', standfirst: '', seoTitle: '', seoDescription: '', body: withDirections(body, 'ar') };
    expect(await storeWorkingCopy(db, id, text, writer.id)).toBe('stored');
    const [row] = await db.select({ editorialState: stories.editorialState }).from(stories).where(eq(stories.id, id));
    expect(row?.editorialState).toBe('approved');

    // A real change still sends it back to draft.
    const changed = { ...text, body: withDirections(paragraphsToDoc(['OpenAI تطلق نموذجًا آخر.']), 'ar') };
    expect(await storeWorkingCopy(db, id, changed, writer.id)).toBe('stored-and-unapproved');
  });

  it('holds the story while it is stored without holding up the log, whose inserts keep being acknowledged', async () => {
    const id = await createStory(writer);
    await loadDocumentState(db, id);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked = () => {};
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    // A store in progress: the story's row locked, as the co-editing server's store and a workflow step lock it.
    const store = db.transaction(async (tx) => {
      await lockAndFlushText(tx, id, writer.id);
      locked();
      await held;
    });
    await lockTaken;
    // A keystroke's insert meanwhile, on another connection, which would wait for a FOR UPDATE (its foreign key).
    const started = Date.now();
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local lock_timeout = '500ms'`);
      await appendUpdate(tx, id, Y.encodeStateAsUpdate(new Y.Doc()), writer.id);
    });
    expect(Date.now() - started).toBeLessThan(500);
    release();
    await store;
  });
});
