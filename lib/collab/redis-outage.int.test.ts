import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import type { JSONContent } from '@tiptap/core';
import { eq } from 'drizzle-orm';
import IORedis from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { stories } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { documentNameOf } from '@/lib/collab/fields';
import { RELAY_MAX_PENDING, RELAY_SUBSCRIBE_WAIT_MS, RELAY_TIMEOUT_MS } from '@/lib/collab/server';
import { toPlainText } from '@/lib/content/document';
import { createStory } from '@/lib/stories/working-copy';
import { acknowledged, connectClient, eventually, fieldText, leave, sessionCookie, startCollab, typeIntoField, type TestClient } from '@/test/collab';
import { connectTestDb } from '@/test/db';
import { createStaff, sessionVersionOf } from '@/test/staff';
import { within } from '@/test/poll';
import { startTcpProxy } from '@/test/tcp-proxy';

// Redis stops while two instances serve one story: each instance keeps
// taking and logging its own clients' words, but no longer hears the other's
// through Redis. Every word typed on either side must still reach every
// client and the stored text, through the log, and all goes on once Redis is back.
// Stopped or hung, Redis must not make the relay hold keystrokes in memory, nor
// end the process with a publish that fails.

const redis = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const { db, client } = connectTestDb();
const proxies: Awaited<ReturnType<typeof startTcpProxy>>[] = [];
let one: Awaited<ReturnType<typeof startCollab>>;
let two: Awaited<ReturnType<typeof startCollab>>;
let writer: CurrentUser;
let editor: CurrentUser;
const tabs: TestClient[] = [];
// Redis itself, not through a proxy: what the instances have subscribed to.
const direct = new IORedis(redis.toString(), { lazyConnect: true });
// An unhandled rejection ends a production process (the whole newsroom); here it is recorded.
const unhandled: unknown[] = [];
const recordUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', recordUnhandled);
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
  direct.disconnect();
  await client.end();
  process.off('unhandledRejection', recordUnhandled);
});

// A test that fails mid-outage does not leave Redis away for the next.
afterEach(() =>
  proxies.forEach((proxy) => {
    proxy.thaw();
    proxy.bringUp();
  }),
);

const headlineOf = async (id: string) => (await db.select({ headline: stories.headline }).from(stories).where(eq(stories.id, id)))[0]!.headline;
const storedBodyOf = async (id: string) => toPlainText((await db.select({ body: stories.body }).from(stories).where(eq(stories.id, id)))[0]!.body as JSONContent);
const bodyOf = (doc: Y.Doc) => fieldText(doc, 'body');

type Served = Awaited<ReturnType<typeof startCollab>>;
type Queue = { length: number };
/**
 * What an instance's relay holds for Redis to publish: ioredis' own queues (sent and waiting for an answer, waiting
 * for a connection, kept from a closed connection to be sent again).
 */
function heldForRedis(served: Served): number {
  const relay = served.collab.instance.configuration.extensions.find((extension) => extension instanceof RedisExtension);
  const pub = (relay as RedisExtension).pub as unknown as { commandQueue: Queue; offlineQueue: Queue; prevCommandQueue?: Queue | null };
  return pub.commandQueue.length + pub.offlineQueue.length + (pub.prevCommandQueue?.length ?? 0);
}
/** The most either relay held, sampled every few milliseconds until stopped. */
function watchHeld() {
  let most = 0;
  const timer = setInterval(() => (most = Math.max(most, heldForRedis(one), heldForRedis(two))), 5);
  return () => (clearInterval(timer), most);
}
/** The relay's bound, and a few commands of the connection's own (its handshake). */
const HELD_AT_MOST = RELAY_MAX_PENDING + 8;

/** A new story with the writer's tab on one instance and the editor's on the other, `text` typed on the first reaching the second through Redis. */
async function storyOnBoth(field: string, text: string) {
  const id = await createStory(writer);
  const a = await connectClient(one.url, id, await sessionCookie(writer, await sessionVersionOf(db, writer.id)));
  const b = await connectClient(two.url, id, await sessionCookie(editor, await sessionVersionOf(db, editor.id)));
  tabs.push(a, b);
  typeIntoField(a.doc, field, text);
  await acknowledged(a);
  await eventually(() => fieldText(b.doc, field), (typed) => typed === text);
  return { id, a, b };
}

const LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
/**
 * A quick typist: three times the relay's bound in keystrokes into the body, one update each (as the editor sends
 * them), a few at a time, until all are acknowledged; `held` stops watching the relays and says the most they held.
 */
async function typeWatched(tab: TestClient): Promise<{ typed: string; held: () => number }> {
  const held = watchHeld();
  let typed = '';
  for (let key = 0; key < 3 * RELAY_MAX_PENDING; key++) {
    const letter = LETTERS[key % LETTERS.length]!;
    typeIntoField(tab.doc, 'body', letter);
    typed += letter;
    if (key % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await acknowledged(tab, 30_000);
  return { typed, held };
}

describe('Redis stopping under two instances', () => {
  it('loses no word typed on either side while it was down', async () => {
    const { id, a, b } = await storyOnBoth('headline', 'قبل');

    proxies.forEach((proxy) => proxy.takeDown());
    // Many keystrokes while Redis is away: the relay drops what it cannot publish instead of queueing each one.
    const { typed, held } = await typeWatched(a);
    expect(held()).toBeLessThanOrEqual(HELD_AT_MOST);
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
    // Every keystroke of the outage in both documents and stored; nothing ended the process.
    expect(await eventually(() => bodyOf(b.doc), (text) => text.includes(typed), 10_000)).toContain(typed);
    expect(bodyOf(a.doc)).toContain(typed);
    expect(await eventually(() => storedBodyOf(id), (text) => text.includes(typed), 10_000)).toContain(typed);
    expect(unhandled).toEqual([]);
  }, 90_000);

  it('holds nothing unbounded for a hung Redis, and the reader on the other instance gets every key once it answers', async () => {
    const { id, a, b } = await storyOnBoth('body', 'قبل ');

    // Hung: the connections stay open and nothing gets through either way, as with a Redis stopped by SIGSTOP.
    proxies.forEach((proxy) => proxy.freeze());
    const { typed, held } = await typeWatched(a);
    // Past the relay's timeout: the hung connection is dropped and made again (through the same frozen proxy).
    await new Promise((resolve) => setTimeout(resolve, RELAY_TIMEOUT_MS + 1500));
    expect(held()).toBeLessThanOrEqual(HELD_AT_MOST);
    // B, which only reads, has no store of its own to bring in the log meanwhile.
    expect(await eventually(() => storedBodyOf(id), (text) => text.includes(typed), 10_000)).toContain(typed);

    proxies.forEach((proxy) => proxy.thaw());
    expect(await eventually(() => bodyOf(b.doc), (text) => text.includes(typed), 20_000)).toContain(typed);
    expect(bodyOf(a.doc)).toBe(`قبل ${typed}`);
    expect(bodyOf(b.doc)).toBe(`قبل ${typed}`);
    // And it goes on through Redis.
    typeIntoField(a.doc, 'body', ' وبعد');
    await acknowledged(a);
    expect(await eventually(() => bodyOf(b.doc), (text) => text.endsWith(' وبعد'), 10_000)).toBe(`قبل ${typed} وبعد`);
    expect(await eventually(() => storedBodyOf(id), (text) => text.endsWith(' وبعد'), 10_000)).toBe(`قبل ${typed} وبعد`);
    expect(unhandled).toEqual([]);
  }, 90_000);

  it.each(['stopped', 'hung'] as const)('opens a story nobody had open while Redis is %s, and the two sides meet when it is back', async (outage) => {
    const id = await createStory(writer);
    proxies.forEach((proxy) => (outage === 'stopped' ? proxy.takeDown() : proxy.freeze()));
    const opening = Date.now();
    // Until 2026-12-07 each opening waited for Redis to confirm the relay's subscription: for as long as it was away.
    const a = await within(connectClient(one.url, id, await sessionCookie(writer, await sessionVersionOf(db, writer.id))), 10_000, "the writer's tab on the first instance");
    const b = await within(connectClient(two.url, id, await sessionCookie(editor, await sessionVersionOf(db, editor.id))), 10_000, "the editor's tab on the second instance");
    tabs.push(a, b);
    expect(Date.now() - opening).toBeLessThan(2 * RELAY_SUBSCRIBE_WAIT_MS + 3000);
    typeIntoField(a.doc, 'headline', 'من الأول');
    typeIntoField(b.doc, 'body', 'من الثاني');
    await Promise.all([acknowledged(a), acknowledged(b)]);
    // Each side is stored while Redis is away.
    expect(await eventually(() => headlineOf(id), (text) => text === 'من الأول', 10_000)).toBe('من الأول');
    expect(await eventually(() => storedBodyOf(id), (text) => text.includes('من الثاني'), 10_000)).toContain('من الثاني');

    proxies.forEach((proxy) => (outage === 'stopped' ? proxy.bringUp() : proxy.thaw()));
    // Back: both instances subscribe to the story (made late; the catch-up alone would bring the words in, not Redis),
    // the catch-up brings each tab what the other typed, and it goes on through Redis.
    const subscribers = async () => {
      const [, count] = (await direct.pubsub('NUMSUB', `sahifa:collab:${documentNameOf(id)}`)) as [string, number];
      return Number(count);
    };
    expect(await eventually(subscribers, (count) => count === 2, 20_000)).toBe(2);
    expect(await eventually(() => fieldText(b.doc, 'headline'), (text) => text === 'من الأول', 20_000)).toBe('من الأول');
    expect(await eventually(() => bodyOf(a.doc), (text) => text.includes('من الثاني'), 20_000)).toContain('من الثاني');
    typeIntoField(a.doc, 'headline', ' وبعد');
    await acknowledged(a);
    expect(await eventually(() => fieldText(b.doc, 'headline'), (text) => text.endsWith(' وبعد'), 10_000)).toBe('من الأول وبعد');
    expect(unhandled).toEqual([]);
  }, 90_000);
});
