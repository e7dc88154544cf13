import type { ChildProcess } from 'node:child_process';
import { eq, sql } from 'drizzle-orm';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '@/lib/auth/actor';
import { stories } from '@/db/schema';
import { createStory } from '@/lib/stories/working-copy';
import { connectClient, eventually, fieldText, leave, sessionCookie } from '@/test/collab';
import { startCollabProcess } from '@/test/collab-suite';
import { connectTestDb } from '@/test/db';
import { createStaff, sessionVersionOf } from '@/test/staff';
import { MAX_UPDATE_BYTES } from './guard';

// The co-editing server shares its process with the whole app: what goes
// wrong for one socket or one document must not end it for every newsroom
// tab. A frame the socket itself refuses (over the size cap, or not valid
// WebSocket) closes that socket; a repair that cannot be logged (the
// database failing just then) is tried again, and is never applied unlogged.

const { db, client } = connectTestDb();
let writer: CurrentUser;
let server: { child: ChildProcess; url: string };
const children: ChildProcess[] = [];
const cookie = async () => sessionCookie(writer, await sessionVersionOf(db, writer.id));

beforeAll(async () => {
  writer = await createStaff(db, 'writer');
  server = await startCollabProcess();
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  server.child.kill('SIGKILL');
  await client.end();
});

describe('a frame the socket refuses', () => {
  it('closes that socket and leaves the server running for everyone else', async () => {
    const exited: Array<number | null> = [];
    server.child.once('exit', (code) => exited.push(code));
    // No session needed: any socket on the path can send one (a large paste sends one too).
    const socket = new WebSocket(server.url);
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(new Uint8Array(MAX_UPDATE_BYTES + 64 * 1024));
    expect(await closed).toBe(1009);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(exited).toEqual([]);
    const id = await createStory(writer);
    const tab = await connectClient(server.url, id, await sessionCookie(writer, await sessionVersionOf(db, writer.id)));
    expect(tab.denied).toEqual([]);
    expect(tab.provider.isSynced).toBe(true);
    leave(tab);
  });
});

describe('a repair the database refuses to log', () => {
  it('does not end the process, is tried again, and is applied only once logged', async () => {
    const own = await startCollabProcess();
    children.push(own.child);
    const exited: Array<number | null> = [];
    own.child.once('exit', (code) => exited.push(code));
    const id = await createStory(writer);
    await db.update(stories).set({ headline: 'سطر واحد' }).where(eq(stories.id, id));
    // The repair is the only update logged without a writer: make exactly those fail, for this story.
    await db.execute(sql.raw(`create function refuse_repair() returns trigger language plpgsql as $$ begin raise exception 'repair refused'; end $$;
      create trigger refuse_repair before insert on story_document_updates for each row when (new.user_id is null and new.story_id = '${id}') execute function refuse_repair();`));
    try {
      const watcher = await connectClient(own.url, id, await cookie());
      const culprit = await connectClient(own.url, id, await cookie());
      culprit.doc.getXmlFragment('headline').insert(1, [new Y.XmlElement('paragraph')]);
      await eventually(() => culprit.closes, (list) => list.length > 0, 8000);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(exited).toEqual([]);
      leave(culprit);
      // Not applied while it cannot be logged: a change only in memory would be lost, with what is typed into it, by a restart.
      expect(watcher.doc.getXmlFragment('headline').length).toBe(2);
      await db.execute(sql.raw('drop trigger refuse_repair on story_document_updates; drop function refuse_repair();'));
      await eventually(() => watcher.doc.getXmlFragment('headline').length, (length) => length === 1, 8000);
      expect(fieldText(watcher.doc, 'headline')).toBe('سطر واحد');
      leave(watcher);
    } finally {
      await db.execute(sql.raw('drop trigger if exists refuse_repair on story_document_updates; drop function if exists refuse_repair();'));
    }
    // Logged: a new process, after this one dies, serves the repaired headline.
    own.child.kill('SIGKILL');
    const next = await startCollabProcess();
    children.push(next.child);
    const fresh = await connectClient(next.url, id, await cookie());
    expect(fresh.doc.getXmlFragment('headline').length).toBe(1);
    expect(fieldText(fresh.doc, 'headline')).toBe('سطر واحد');
    leave(fresh);
  }, 40_000);
});
