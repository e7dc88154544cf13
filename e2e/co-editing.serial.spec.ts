import { expect, test, type Browser, type Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { stories, users } from '@/db/schema';
import { paragraphsToDoc } from '@/lib/content/document';
import { sharedBackends, startInstance, startTwoInstances, type Instance, type SharedBackends } from './instance';
import { demoEmail, DEMO_PASSWORD, signIn, type DemoRole } from './session';
import { expectEverySentenceStored, statusBecomes, statusNow, storyBody, typeUntil, type Typist } from './typists';

// Issue 18, "no lost words". Three people type numbered sentences into one
// story, each at the end of a paragraph of their own, for 30 s. Two are on
// instance A, one on instance B (one database, one Redis). Mid-way one of
// A's goes offline for 10 s; then A is killed with SIGKILL and started again
// on the same port while everyone keeps typing: its pages reconnect by
// themselves, with no reload. Once every page says "connected", the stored
// working copy must hold every sentence each browser typed, in order, in its
// typist's paragraph; the failure names each lost one.

const TYPING_MS = 30_000;
const OFFLINE_AT_MS = 4_000;
const OFFLINE_FOR_MS = 10_000;
const KILL_AT_MS = 16_000;
/** Typing goes on at least this long after A answers again, so its pages type into a reconnecting editor too. */
const AFTER_RESTART_MS = 4_000;

let backends: SharedBackends;
let a: Instance;
let b: Instance;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  backends = await sharedBackends('sahifa_coedit');
  [a, b] = await startTwoInstances(backends);
});

test.afterAll(async () => {
  await Promise.all([a?.dispose(), b?.dispose()]);
  await backends?.close();
});

async function openAs(browser: Browser, role: DemoRole, instance: Instance, storyId: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: instance.base });
  const page = await context.newPage();
  // A page whose database read passes the pool's timeout answers 503 (the busy machine, not the test): ask again.
  await expect.poll(async () => (await page.goto('/login'))?.status(), { timeout: 30_000, intervals: [1_000] }).toBe(200);
  await signIn(page, demoEmail(role), DEMO_PASSWORD);
  await page.goto(`/newsroom/stories/${storyId}`);
  await statusBecomes(page, ['connected'], 30_000);
  await expect(storyBody(page)).toHaveAttribute('contenteditable', 'true');
  return page;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('three people on two instances, one offline, the server killed: no sentence is lost', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const { db } = backends.database;
  const [writer] = await db.select({ id: users.id }).from(users).where(eq(users.email, demoEmail('writer')));
  const labels = ['الكاتب', 'المحرر', 'المدير'];
  const [story] = await db
    .insert(stories)
    .values({ headline: 'خبر عاجل بثلاث أيدٍ', body: paragraphsToDoc(labels.map((label) => `فقرة ${label}: `)), createdById: writer!.id })
    .returning({ id: stories.id });
  const id = story!.id;

  // The writer and the admin on A, the editor on B.
  const pages = await Promise.all([openAs(browser, 'writer', a, id), openAs(browser, 'editor', b, id), openAs(browser, 'admin', a, id)]);
  const typists: Typist[] = pages.map((page, paragraph) => ({ page, label: labels[paragraph] as string, paragraph, typed: [] }));
  const offline = typists[2]!;
  const events: string[] = [];
  const started = Date.now();
  const at = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  // Until TYPING_MS, and in any case until AFTER_RESTART_MS after A is back: some sentences go into reconnected pages.
  let stopAt = Infinity;
  const typing = Promise.all(typists.map((typist) => typeUntil(typist, () => Date.now() < stopAt)));
  // What each page's status says along the way, every two seconds, for the timeline.
  const sampling = (async () => {
    while (Date.now() < stopAt) {
      events.push(`${at()} ${(await Promise.all(typists.map(async (typist) => `${typist.label}:${await statusNow(typist.page)}`))).join(' ')}`);
      await sleep(2_000);
    }
  })();

  const disturbances = (async () => {
    await sleep(OFFLINE_AT_MS);
    await offline.page.context().setOffline(true);
    events.push(`${at()} ${offline.label} offline`);
    const said = await statusBecomes(offline.page, ['offline', 'not-answering'], OFFLINE_FOR_MS - 1_000).then(
      () => 'offline',
      () => 'not offline',
    );
    events.push(`${at()} its status: ${said} (${await statusNow(offline.page)})`);
    await sleep(started + OFFLINE_AT_MS + OFFLINE_FOR_MS - Date.now());
    await offline.page.context().setOffline(false);
    events.push(`${at()} ${offline.label} online`);

    await sleep(started + KILL_AT_MS - Date.now());
    const port = Number(new URL(a.base).port);
    a.child.kill('SIGKILL');
    await a.exited;
    events.push(`${at()} A killed (SIGKILL)`);
    const killedLog = a.log();
    a = await startInstance({ env: backends.env, dataDir: backends.dataDir, port });
    const typedBefore = typists.map((typist) => typist.typed.length);
    stopAt = Math.max(started + TYPING_MS, Date.now() + AFTER_RESTART_MS);
    events.push(`${at()} A answers again (typed so far: ${typedBefore.join(', ')})`);
    await testInfo.attach('instance A before the kill', { body: killedLog, contentType: 'text/plain' });
  })();
  await Promise.all([typing, disturbances, sampling]);
  events.push(`${at()} typing stopped: ${typists.map((typist) => `${typist.label} ${typist.typed.length}`).join(', ')}`);

  // Every edit acknowledged: each page says "connected", without a reload.
  for (const typist of typists) await statusBecomes(typist.page, ['connected'], 45_000);
  events.push(`${at()} every page connected`);
  try {
    await expectEverySentenceStored(db, id, typists, 20_000);
  } finally {
    events.push(`${at()} checked`);
    await testInfo.attach('timeline', { body: events.join('\n'), contentType: 'text/plain' });
    await testInfo.attach('instance A log', { body: a.log(), contentType: 'text/plain' });
    await testInfo.attach('instance B log', { body: b.log(), contentType: 'text/plain' });
    console.error(`co-editing: ${events.join('; ')}`);
    await Promise.all(pages.map((page) => page.context().close()));
  }
});
