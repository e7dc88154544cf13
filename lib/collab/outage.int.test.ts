import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb } from '@/db/index';
import { stories } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { createStory } from '@/lib/stories/working-copy';
import { acknowledged, connectClient, eventually, fieldText, leave, sessionCookie, startCollab, typeIntoField, type TestClient } from '@/test/collab';
import { connectTestDb } from '@/test/db';
import { createStaff, sessionVersionOf } from '@/test/staff';
import { startTcpProxy } from '@/test/tcp-proxy';

// The database frozen (connections open, nothing answers) and then down,
// while a client keeps typing: the socket says so within seconds (closed
// with storage-unavailable), the client keeps its text, reconnects by itself
// when the database is back, and every sentence is stored. No reload, no restart.

const { db, client } = connectTestDb();
const databaseUrl = new URL(inject('databaseUrl'));
let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
let server: Awaited<ReturnType<typeof startCollab>>;
let closeServerDb: () => Promise<void>;
let writer: CurrentUser;
const tabs: TestClient[] = [];

beforeAll(async () => {
  proxy = await startTcpProxy({ host: databaseUrl.hostname, port: Number(databaseUrl.port || 5432) });
  const throughProxy = new URL(databaseUrl);
  throughProxy.hostname = '127.0.0.1';
  throughProxy.port = String(proxy.port);
  const serverDb = createDb(throughProxy.toString(), { max: 4 });
  closeServerDb = () => serverDb.client.end({ timeout: 1 });
  server = await startCollab(serverDb.db);
  writer = await createStaff(db, 'writer');
});
afterAll(async () => {
  tabs.forEach(leave);
  await server.close();
  await closeServerDb();
  await proxy.close();
  await client.end();
});

async function typeFor(tab: TestClient, sentences: string[], from: number, count: number, everyMs: number) {
  for (let n = from; n < from + count; n++) {
    sentences.push(`جملة ${n}. `);
    typeIntoField(tab.doc, 'standfirst', `جملة ${n}. `);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

describe('a database outage', () => {
  it('is reported within seconds, and everything typed meanwhile is stored once it returns', async () => {
    const id = await createStory(writer);
    const tab = await connectClient(server.url, id, await sessionCookie(writer, await sessionVersionOf(db, writer.id)));
    tabs.push(tab);
    const sentences: string[] = [];
    await typeFor(tab, sentences, 1, 3, 100);
    await acknowledged(tab);

    for (const [outage, restore] of [
      [proxy.freeze, proxy.thaw],
      [proxy.takeDown, proxy.bringUp],
    ] as const) {
      const closedBefore = tab.closes.length;
      outage();
      const at = Date.now();
      await typeFor(tab, sentences, sentences.length + 1, 4, 250);
      const closes = await eventually(() => tab.closes.slice(closedBefore), (list) => list.length > 0, 5000);
      expect(closes[0]?.reason).toBe('storage-unavailable');
      expect(Date.now() - at).toBeLessThan(5000 + 1000);
      // Still typing while the database is away.
      await typeFor(tab, sentences, sentences.length + 1, 8, 250);
      restore();
      await acknowledged(tab, 45_000);
    }

    const expected = sentences.join('');
    expect(fieldText(tab.doc, 'standfirst')).toBe(expected);
    const row = await eventually(async () => (await db.select({ standfirst: stories.standfirst }).from(stories).where(eq(stories.id, id)))[0], (story) => story?.standfirst === expected.trim(), 15_000);
    expect(row?.standfirst).toBe(expected.trim());
  }, 120_000);
});
