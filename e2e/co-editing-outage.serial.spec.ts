import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { createDb } from '@/db/index';
import { stories, users } from '@/db/schema';
import { paragraphsToDoc } from '@/lib/content/document';
import { databaseProcesses, databaseRunning, startInstance, stopDatabase, type Instance } from './instance';
import { demoEmail, DEMO_PASSWORD, signIn } from './session';
import { expectEverySentenceStored, statusBecomes, statusNow, storyBody, typeUntil, type Typist } from './typists';

// Issue 18, outage: the database stopped for 30 s, then frozen (SIGSTOP, as
// e2e/ops-timeouts does: connections open, nothing answers) for 30 s, while a
// writer keeps typing into the shared story. Within 5 s the status says the
// server is offline or not answering; once the database is back, everything
// typed is stored, without a reload or a restart. The instance runs on its own
// embedded PostgreSQL, so the machine's shared server is never touched.

const OUTAGE_MS = 30_000;
const TOLD_WITHIN_MS = 5_000;

let instance: Instance;
let dataDir: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'sahifa-outage-'));
  chmodSync(dataDir, 0o755);
  instance = await startInstance({ dataDir, env: { SEED_DEMO: 'true' } });
});

test.afterAll(async () => {
  await instance?.dispose();
  // A server the spec started again is not the app's to stop.
  if (dataDir && databaseRunning(dataDir)) await stopDatabase(dataDir);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

type Outage = { name: string; begin: () => Promise<() => Promise<void>> };
const outages: Outage[] = [
  { name: 'stopped', begin: () => stopDatabase(dataDir) },
  {
    name: 'frozen',
    begin: async () => {
      const frozen = databaseProcesses(dataDir);
      for (const pid of frozen) process.kill(pid, 'SIGSTOP');
      return async () => {
        for (const pid of frozen) process.kill(pid, 'SIGCONT');
      };
    },
  },
];

test('the database stopped, then frozen, 30 s each: typing goes on, the status says so within 5 s, and all of it is stored after', async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const databaseUrl = `postgres://postgres:postgres@127.0.0.1:${instance.embeddedPort}/sahifa`;
  let id: string;
  {
    const { db, client } = createDb(databaseUrl, { max: 1 });
    const [writer] = await db.select({ id: users.id }).from(users).where(eq(users.email, demoEmail('writer')));
    const [story] = await db.insert(stories).values({ headline: 'خبر يُكتب والقاعدة غائبة', body: paragraphsToDoc(['فقرة الكاتب: ']), createdById: writer!.id }).returning({ id: stories.id });
    id = story!.id;
    await client.end();
  }
  const context = await browser.newContext({ baseURL: instance.base });
  const page: Page = await context.newPage();
  await signIn(page, demoEmail('writer'), DEMO_PASSWORD);
  await page.goto(`/newsroom/stories/${id}`);
  await statusBecomes(page, ['connected'], 30_000);
  await expect(storyBody(page)).toHaveAttribute('contenteditable', 'true');
  const typist: Typist = { page, label: 'الكاتب', paragraph: 0, typed: [] };
  const events: string[] = [];
  const started = Date.now();
  const at = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

  try {
    for (const outage of outages) {
      let typingUntil = Infinity;
      const typing = typeUntil(typist, () => Date.now() < typingUntil);
      await sleep(1_500);
      const since = Date.now();
      const restore = await outage.begin();
      events.push(`${at()} database ${outage.name}`);
      await statusBecomes(page, ['offline', 'not-answering'], TOLD_WITHIN_MS - (Date.now() - since)).catch(async (error: unknown) => {
        throw new Error(`database ${outage.name}: the status said «${await statusNow(page)}» ${Date.now() - since} ms later, not offline or not-answering within ${TOLD_WITHIN_MS} ms`, { cause: error });
      });
      events.push(`${at()} status ${await statusNow(page)} after ${Date.now() - since} ms`);
      await sleep(since + OUTAGE_MS - Date.now());
      await restore();
      events.push(`${at()} database back (typed ${typist.typed.length} so far)`);
      // Typing goes on into the returning connection, then stops so "connected" (all acknowledged) can be seen.
      await sleep(2_000);
      typingUntil = 0;
      await typing;
      await statusBecomes(page, ['connected'], 30_000);
      events.push(`${at()} connected again, ${typist.typed.length} sentences typed`);
      const { db, client } = createDb(databaseUrl, { max: 1 });
      try {
        await expectEverySentenceStored(db, id, [typist], 15_000);
      } finally {
        await client.end();
      }
      events.push(`${at()} all stored`);
    }
  } finally {
    await testInfo.attach('timeline', { body: events.join('\n'), contentType: 'text/plain' });
    await testInfo.attach('instance log', { body: instance.log(), contentType: 'text/plain' });
    console.error(`co-editing outage: ${events.join('; ')}`);
    await context.close();
  }
});
