import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '@/db/index';
import { startEmbeddedPostgres } from '@/db/embedded';
import { migrateDatabase } from '@/db/migrate';
import { stories, storyPresence, storyRevisions, workflowEvents } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { paragraphsToDoc } from '@/lib/content/document';
import { Forbidden, isDatabaseUnavailable } from '@/lib/dal';
import { connectTestDb } from '@/test/db';
import { contentOf } from '@/test/stories';
import { createStaff } from '@/test/staff';
import { createStory, getStoryForEditor } from './working-copy';
import { listRevisions } from './revisions';
import { saveStory } from './save';
import { heartbeat, release, takeOver } from './presence';

const { db, client } = connectTestDb();
let writer: CurrentUser;
let editor: CurrentUser;
let stranger: CurrentUser;

beforeAll(async () => {
  writer = await createStaff(db, 'writer');
  editor = await createStaff(db, 'editor');
  stranger = await createStaff(db, 'writer');
});
afterAll(() => client.end());


const draft = async (id: string) => (await getStoryForEditor(editor, id))!.story;

describe('the soft lock', () => {
  it('lets one tab hold it, shows the holder to others, and records a take-over', async () => {
    const id = await createStory(writer);
    expect(await heartbeat(writer, id, 'writer-tab-1')).toMatchObject({ mine: true, holder: { name: writer.displayName } });
    const seen = await heartbeat(editor, id, 'editor-tab-1');
    expect(seen).toMatchObject({ mine: false, holder: { name: writer.displayName } });

    // The writer's next heartbeat keeps the lock and its start time.
    const again = await heartbeat(writer, id, 'writer-tab-1');
    expect(again?.holder?.since).toEqual(seen?.holder?.since);

    expect(await takeOver(editor, id, 'editor-tab-1')).toMatchObject({ mine: true });
    expect(await heartbeat(writer, id, 'writer-tab-1')).toMatchObject({ mine: false, holder: { name: editor.displayName } });
    const [event] = await db.select().from(workflowEvents).where(and(eq(workflowEvents.storyId, id), eq(workflowEvents.action, 'take_over')));
    expect(event).toMatchObject({ actorId: editor.id, reason: writer.displayName });

    // The writer's tab can no longer save; the editor's can.
    const story = await draft(id);
    expect(await saveStory(writer, id, contentOf(story, { headline: 'متأخر' }), { kind: 'autosave', sessionId: 'writer-tab-1' })).toEqual({ status: 'locked', holder: editor.displayName });
    expect((await saveStory(editor, id, contentOf(story, { headline: 'المحرر' }), { kind: 'save', sessionId: 'editor-tab-1' }))?.status).toBe('saved');
  });

  it('passes to the same person’s new tab without a take-over', async () => {
    const id = await createStory(writer);
    await heartbeat(writer, id, 'writer-old-tab');
    expect(await heartbeat(writer, id, 'writer-new-tab')).toMatchObject({ mine: true });
    expect(await heartbeat(writer, id, 'writer-old-tab')).toMatchObject({ mine: true });
  });

  it('lapses after a minute of silence, and is let go on release', async () => {
    const id = await createStory(writer);
    await heartbeat(writer, id, 'writer-tab-2');
    await db.update(storyPresence).set({ lastSeenAt: new Date(Date.now() - 61_000) }).where(eq(storyPresence.storyId, id));
    expect(await heartbeat(editor, id, 'editor-tab-2')).toMatchObject({ mine: true });
    await release(editor, id, 'editor-tab-2');
    expect(await db.select().from(storyPresence).where(eq(storyPresence.storyId, id))).toEqual([]);
  });

  it('refuses a heartbeat or take-over from someone who may not edit the story', async () => {
    const id = await createStory(writer);
    await expect(heartbeat(stranger, id, 'stranger-tab')).rejects.toBeInstanceOf(Forbidden);
    await expect(takeOver(stranger, id, 'stranger-tab')).rejects.toBeInstanceOf(Forbidden);
    await expect(heartbeat(null, id, 'anonymous-tab')).rejects.toBeInstanceOf(Forbidden);
  });
});

describe('autosave and overwrite in history', () => {
  it('keeps each autosave as a revision of its own (no coalescing), and writes none for a save that changes nothing', async () => {
    const id = await createStory(writer);
    let story = await draft(id);
    for (const text of ['أ', 'أب', 'أبت']) {
      await saveStory(writer, id, contentOf(story, { body: paragraphsToDoc([text]) }), { kind: 'autosave' });
      story = await draft(id);
    }
    expect((await listRevisions(writer, id)).map((r) => r.kind)).toEqual(['autosave', 'autosave', 'autosave']);
    // The same text again: the working copy's version moves, history does not.
    await saveStory(writer, id, contentOf(story, { body: paragraphsToDoc(['أبت']) }), { kind: 'autosave' });
    story = await draft(id);
    expect(await listRevisions(writer, id)).toHaveLength(3);
    await saveStory(writer, id, contentOf(story, { body: paragraphsToDoc(['حفظ']) }), { kind: 'save' });
    story = await draft(id);
    // "Keep mine" after a conflict: a deliberate overwrite, on the version the writer was shown.
    await saveStory(editor, id, contentOf(story, { body: paragraphsToDoc(['نسختي']) }), { kind: 'overwrite' });
    const revisions = await listRevisions(writer, id);
    expect(revisions.map((r) => r.kind)).toEqual(['overwrite', 'save', 'autosave', 'autosave', 'autosave']);
    expect(revisions.map((r) => r.contributorNames)).toEqual([[editor.displayName], [writer.displayName], [writer.displayName], [writer.displayName], [writer.displayName]]);
    const autosaves = await db.select().from(storyRevisions).where(and(eq(storyRevisions.storyId, id), eq(storyRevisions.kind, 'autosave')));
    expect(autosaves.map((r) => r.plainText).sort()).toEqual(['أ', 'أب', 'أبت']);
  });
});

describe('a database outage', () => {
  it('fails saves while the server is down and saves again when it is back, without a restart', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sahifa-outage-'));
    const port = 55_000 + Math.floor(Math.random() * 5_000);
    let server = await startEmbeddedPostgres({ dataDir: path.join(root, 'postgres'), port });
    await migrateDatabase(server.adminUrl);
    const own = createDb(server.adminUrl, { max: 2 });
    const write = (headline: string) => own.db.insert(stories).values({ headline, body: paragraphsToDoc(['x']) }).returning({ id: stories.id });
    try {
      expect(await write('قبل الانقطاع')).toHaveLength(1);
      await server.stop();
      const failure = await write('أثناء الانقطاع').catch((error: unknown) => error);
      expect(isDatabaseUnavailable(failure)).toBe(true);
      server = await startEmbeddedPostgres({ dataDir: path.join(root, 'postgres'), port });
      // The same pool, no restart: the next query opens a fresh connection.
      expect(await write('بعد العودة')).toHaveLength(1);
      expect((await own.db.select({ headline: stories.headline }).from(stories)).map((r) => r.headline).sort()).toEqual(['بعد العودة', 'قبل الانقطاع']);
    } finally {
      await own.client.end({ timeout: 1 });
      await server.stop();
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
