import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, request as playwrightRequest, test, type Browser, type Page } from '@playwright/test';
import postgres from 'postgres';
import { slugify } from '@/lib/slug';
import { createDatabase, dropDatabase, uniqueDatabaseName } from '@/test/db-server';
import { e2eHandoffFile } from '@/test/e2e-handoff';
import { startHttpProxy, UPSTREAM_HEADER, type HttpProxy } from '@/test/http-proxy';
import { uniqueHeadline } from './data';
import { act, draftAndSubmit, everywhereWithinOneSecond, type Surface } from './newsroom-steps';
import { startInstance, type Instance } from './instance';
import { clearSahifaKeys, redisUrl } from './redis';
import { demoEmail, DEMO_PASSWORD, signIn } from './session';

// Issue 21: several instances. Two production servers (one build, one
// database, one Redis) stand behind a small proxy, as an operator runs them.
// A publish through instance A must reach readers of instance B within a
// second, on every surface B had cached; a take-down through B must answer
// 410 on A within a second; a scheduled story must go out exactly once while
// both job runners poll the same queue. Without REDIS_URL each instance keeps
// its own caches, and B goes on serving what it had: this spec fails.

const A = 0;
const B = 1;
let proxy: HttpProxy;
let instances: Instance[] = [];
let sharedData: string;
let adminUrl: string;
let databaseUrl: string;
const databaseName = uniqueDatabaseName('sahifa_two');
const redis = redisUrl();
const upstreams: { host: string; port: number }[] = [];

test.beforeAll(async () => {
  test.setTimeout(240_000);
  // The e2e server's database server: a database of our own on it.
  const { url } = JSON.parse(readFileSync(e2eHandoffFile(process.env.E2E_DB_NAME as string), 'utf8')) as { url: string };
  const admin = new URL(url);
  admin.pathname = '/postgres';
  adminUrl = admin.toString();
  databaseUrl = await createDatabase(adminUrl, databaseName);
  await clearSahifaKeys(redis);

  // localhost, as in playwright.config.ts: it is SITE_URL, the origin the browsers sign in on.
  proxy = await startHttpProxy(upstreams, { hostname: 'localhost' });
  // One media folder for both, as a shared volume would be (or MEDIA_STORAGE=s3).
  sharedData = mkdtempSync(path.join(os.tmpdir(), 'sahifa-two-'));
  chmodSync(sharedData, 0o755);
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis,
    SEED_DEMO: 'true',
    SITE_URL: proxy.base,
    TRUST_PROXY_HOPS: '1',
    AUTH_SECRET: randomBytes(32).toString('base64'),
    // Info, for the job runner's "scheduled story published" line.
    LOG_LEVEL: 'info',
  };
  // Started together: migrations and the seed take their advisory locks.
  instances = await Promise.all([startInstance({ env, dataDir: sharedData }), startInstance({ env, dataDir: sharedData })]);
  upstreams.push(...instances.map((instance) => ({ host: '127.0.0.1', port: Number(new URL(instance.base).port) })));
});

test.afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.dispose()));
  await proxy?.close();
  if (sharedData) rmSync(sharedData, { recursive: true, force: true });
  if (adminUrl) await dropDatabase(adminUrl, databaseName).catch(() => {});
  await clearSahifaKeys(redis).catch(() => {});
});

/** A browser, or a reader, that the proxy sends to one instance only. */
async function pinnedPage(browser: Browser, instance: number): Promise<Page> {
  const context = await browser.newContext({ baseURL: proxy.base, extraHTTPHeaders: { [UPSTREAM_HEADER]: String(instance) } });
  return context.newPage();
}
const pinnedReader = (instance: number) => playwrightRequest.newContext({ baseURL: proxy.base, extraHTTPHeaders: { [UPSTREAM_HEADER]: String(instance) } });

test('publish on A reaches readers of B within a second, a take-down on B answers 410 on A, and a scheduled story goes out once', async ({ browser }) => {
  test.setTimeout(240_000);
  const writer = await pinnedPage(browser, A);
  const editor = await pinnedPage(browser, A);
  await signIn(writer, demoEmail('writer'), DEMO_PASSWORD);
  await signIn(editor, demoEmail('editor'), DEMO_PASSWORD);
  const readers = [await pinnedReader(A), await pinnedReader(B)] as const;

  const headline = uniqueHeadline('خبر على نسختين');
  const articlePath = `/technology/${encodeURIComponent(slugify(headline))}`;
  const surfaces: Surface[] = [
    { path: articlePath, kind: 'article' },
    { path: '/', kind: 'listing' },
    { path: '/technology', kind: 'listing' },
    { path: '/feed.xml', kind: 'feed' },
  ];
  const storyUrl = await draftAndSubmit(writer, headline, uniqueHeadline('وسم'));

  // Both instances have every surface cached, without the story (its address as a stored 404).
  for (const reader of readers) {
    for (const surface of surfaces) {
      const first = await reader.get(surface.path);
      expect(await first.text(), surface.path).not.toContain(headline);
      if (surface.kind === 'article') expect(first.status()).toBe(404);
    }
    // Pages come from the response cache; the feed is a route, its data from the shared data cache.
    for (const surface of surfaces.filter((s) => s.kind !== 'feed')) expect((await reader.get(surface.path)).headers()['x-sahifa-cache'], surface.path).toBe('HIT');
  }

  // Published through A; B has it everywhere within a second.
  await editor.goto(storyUrl);
  await act(editor, 'اعتماد');
  await act(editor, 'نشر');
  const published = await everywhereWithinOneSecond(readers[B], surfaces, (surface, status, body) => body.includes(headline) && (surface.kind !== 'article' || status === 200));
  test.info().annotations.push({ type: 'publish-on-A-fresh-on-B-ms', description: String(published) });
  // And through the proxy, whichever instance answers.
  const anyone = await playwrightRequest.newContext({ baseURL: proxy.base });
  for (let i = 0; i < 4; i += 1) expect(await (await anyone.get(articlePath)).text()).toContain(headline);
  // A has the article cached now, as a 200.
  expect((await readers[A].get(articlePath)).status()).toBe(200);
  expect((await readers[A].get(articlePath)).headers()['x-sahifa-cache']).toBe('HIT');

  // Taken down through B; A answers 410 within a second, and the lists there drop it.
  await editor.setExtraHTTPHeaders({ [UPSTREAM_HEADER]: String(B) });
  await editor.reload();
  await act(editor, 'حجب عن القراء', 'خطأ في مصدر الخبر');
  const takenDown = await everywhereWithinOneSecond(readers[A], surfaces, (surface, status, body) => (surface.kind === 'article' ? status === 410 : !body.includes(headline)));
  test.info().annotations.push({ type: 'take-down-on-B-gone-on-A-ms', description: String(takenDown) });

  // A scheduled story, with both job runners polling the one queue: published once, seen on both.
  const scheduledHeadline = uniqueHeadline('خبر مجدول على نسختين');
  const scheduledPath = `/technology/${encodeURIComponent(slugify(scheduledHeadline))}`;
  const scheduledUrl = await draftAndSubmit(writer, scheduledHeadline, uniqueHeadline('وسم'));
  const storyId = scheduledUrl.split('/').at(-1) as string;
  await editor.goto(scheduledUrl);
  await act(editor, 'اعتماد');
  const panel = editor.getByTestId('workflow-panel');
  await panel.getByRole('button', { name: 'جدولة النشر', exact: true }).click();
  // The schedule field counts in minutes: the first whole minute at least ten seconds ahead,
  // chosen on the newsroom's clock (Asia/Riyadh, UTC+3, as the seed sets it).
  const publishAt = Math.ceil((Date.now() + 10_000) / 60_000) * 60_000;
  const wall = new Date(publishAt + 3 * 3_600_000);
  const when = panel.getByTestId('schedule-field');
  await when.getByLabel('السنة').selectOption(String(wall.getUTCFullYear()));
  await when.getByLabel('الشهر').selectOption(String(wall.getUTCMonth() + 1));
  await when.getByLabel('اليوم').selectOption(String(wall.getUTCDate()));
  await when.getByLabel('الساعة').selectOption(String(wall.getUTCHours()));
  await when.getByLabel('الدقيقة').selectOption(String(wall.getUTCMinutes()));
  const acknowledge = panel.getByLabel('قرأت التنبيهات');
  if (await acknowledge.isVisible().catch(() => false)) await acknowledge.check();
  await panel.getByRole('button', { name: 'تنفيذ: جدولة النشر' }).click();
  await expect(editor.getByText('تمّ: جدولة النشر.', { exact: true }).first()).toBeVisible();
  for (const reader of readers) expect((await reader.get(scheduledPath)).status()).toBe(404);
  for (const reader of readers) await expect.poll(async () => (await reader.get(scheduledPath)).status(), { timeout: 90_000, intervals: [250] }).toBe(200);
  const scheduledOnBoth = Date.now() - publishAt;

  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [events] = await sql<{ count: number }[]>`select count(*)::int as count from workflow_events where story_id = ${storyId} and action = 'publish'`;
    expect(events?.count).toBe(1);
    const [published] = await sql<{ count: number }[]>`select count(*)::int as count from notifications where story_id = ${storyId} and kind = 'published'`;
    expect(published?.count).toBe(1);
    const [left] = await sql<{ count: number }[]>`select count(*)::int as count from graphile_worker.jobs where task_identifier = 'publish_scheduled'`;
    expect(left?.count).toBe(0);
  } finally {
    await sql.end();
  }
  // One instance's runner did it; the other never published it a second time.
  console.error(`two instances: slowest answer on B after the publish on A ${published} ms, on A after the take-down on B ${takenDown} ms, scheduled story on both ${scheduledOnBoth} ms after its time`);
  const runs = instances.map((instance) => instance.log().split('\n').filter((line) => line.includes('scheduled story published') && line.includes(storyId)).length);
  expect(runs.reduce((sum, n) => sum + n, 0), JSON.stringify(runs)).toBe(1);
  await anyone.dispose();
  for (const reader of readers) await reader.dispose();
});
