import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stories } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { createStory } from '@/lib/stories/working-copy';
import { acknowledged, connectClient, eventually, fieldText, leave, sessionCookie, startCollab, typeIntoField, type TestClient } from '@/test/collab';
import { connectTestDb } from '@/test/db';
import { createStaff, sessionVersionOf } from '@/test/staff';

// Two app instances share a document through Redis (the server at
// 127.0.0.1:6379, or REDIS_URL): a change typed on one reaches a client of
// the other, and the stored text has both.

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const { db, client } = connectTestDb();
let one: Awaited<ReturnType<typeof startCollab>>;
let two: Awaited<ReturnType<typeof startCollab>>;
let writer: CurrentUser;
let editor: CurrentUser;
const tabs: TestClient[] = [];

beforeAll(async () => {
  one = await startCollab(db, { redisUrl: REDIS_URL });
  two = await startCollab(db, { redisUrl: REDIS_URL });
  writer = await createStaff(db, 'writer');
  editor = await createStaff(db, 'editor');
});
afterAll(async () => {
  tabs.forEach(leave);
  await Promise.all([one.close(), two.close()]);
  await client.end();
});

describe('two instances through Redis', () => {
  it('carry each other’s changes live and store both', async () => {
    const id = await createStory(writer);
    const a = await connectClient(one.url, id, await sessionCookie(writer, await sessionVersionOf(db, writer.id)));
    const b = await connectClient(two.url, id, await sessionCookie(editor, await sessionVersionOf(db, editor.id)));
    tabs.push(a, b);
    typeIntoField(a.doc, 'headline', 'من الأول');
    await acknowledged(a);
    expect(await eventually(() => fieldText(b.doc, 'headline'), (text) => text === 'من الأول')).toBe('من الأول');
    typeIntoField(b.doc, 'headline', ' ومن الثاني');
    await acknowledged(b);
    expect(await eventually(() => fieldText(a.doc, 'headline'), (text) => text === 'من الأول ومن الثاني')).toBe('من الأول ومن الثاني');
    const row = await eventually(async () => (await db.select().from(stories).where(eq(stories.id, id)))[0]!, (story) => story.headline === 'من الأول ومن الثاني', 8000);
    expect(row.headline).toBe('من الأول ومن الثاني');
  });
});
