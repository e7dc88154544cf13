import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { stories } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { createStory } from '@/lib/stories/working-copy';
import { acknowledged, connectClient, eventually, fieldText, leave, sessionCookie, startCollab, typeIntoField, type TestClient } from '@/test/collab';
import { connectTestDb } from '@/test/db';
import { createStaff, sessionVersionOf } from '@/test/staff';
import { startTcpProxy } from '@/test/tcp-proxy';

// Redis stops while two instances serve one story: each instance keeps
// taking and logging its own clients' words, but no longer hears the other's
// through Redis. Every word typed on either side must still reach every
// client and the stored text, through the log, and all goes on once Redis is back.

const redis = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const { db, client } = connectTestDb();
const proxies: Awaited<ReturnType<typeof startTcpProxy>>[] = [];
let one: Awaited<ReturnType<typeof startCollab>>;
let two: Awaited<ReturnType<typeof startCollab>>;
let writer: CurrentUser;
let editor: CurrentUser;
const tabs: TestClient[] = [];

beforeAll(async () => {
  const through = async () => {
    const proxy = await startTcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
    proxies.push(proxy);
    return `redis://127.0.0.1:${proxy.port}${redis.pathname}`;
  };
  one = await startCollab(db, { redisUrl: await through() });
  two = await startCollab(db, { redisUrl: await through() });
  writer = await createStaff(db, 'writer');
  editor = await createStaff(db, 'editor');
});
afterAll(async () => {
  tabs.forEach(leave);
  await Promise.all([one.close(), two.close()]);
  await Promise.all(proxies.map((proxy) => proxy.close()));
  await client.end();
});

const headlineOf = async (id: string) => (await db.select({ headline: stories.headline }).from(stories).where(eq(stories.id, id)))[0]!.headline;

describe('Redis stopping under two instances', () => {
  it('loses no word typed on either side while it was down', async () => {
    const id = await createStory(writer);
    const a = await connectClient(one.url, id, await sessionCookie(writer, await sessionVersionOf(db, writer.id)));
    const b = await connectClient(two.url, id, await sessionCookie(editor, await sessionVersionOf(db, editor.id)));
    tabs.push(a, b);
    typeIntoField(a.doc, 'headline', 'قبل');
    await acknowledged(a);
    await eventually(() => fieldText(b.doc, 'headline'), (text) => text === 'قبل');

    proxies.forEach((proxy) => proxy.takeDown());
    typeIntoField(a.doc, 'headline', ' من الأول');
    typeIntoField(b.doc, 'headline', ' من الثاني');
    // And a deletion, which a state vector does not show: «قبل» goes on B's side.
    b.doc.transact(() => (((b.doc.getXmlFragment('headline').get(0) as Y.XmlElement).get(0) as Y.XmlText).delete(0, 'قبل'.length)));
    await Promise.all([acknowledged(a), acknowledged(b)]);
    const both = (text: string) => text.includes('من الأول') && text.includes('من الثاني') && !text.includes('قبل');
    // Still down: each instance's store brings in from the log what the other acknowledged, so the two sides meet
    // without Redis, and the working copy has both.
    expect(both(await eventually(() => fieldText(a.doc, 'headline'), both, 10_000))).toBe(true);
    expect(both(await eventually(() => fieldText(b.doc, 'headline'), both, 10_000))).toBe(true);
    expect(both(await eventually(() => headlineOf(id), both, 10_000))).toBe(true);

    // Back up: it goes on as before.
    proxies.forEach((proxy) => proxy.bringUp());
    typeIntoField(b.doc, 'headline', ' وبعد');
    await acknowledged(b);
    const after = (text: string) => both(text) && text.endsWith(' وبعد');
    expect(after(await eventually(() => fieldText(a.doc, 'headline'), after, 15_000))).toBe(true);
    expect(after(await eventually(() => headlineOf(id), after, 15_000))).toBe(true);
  }, 60_000);
});
