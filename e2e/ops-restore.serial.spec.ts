import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { slugify } from '@/lib/slug';
import { freePort } from '@/test/db-server';
import { startHttpProxy, type HttpProxy } from '@/test/http-proxy';
import { photo } from '@/test/media-files';
import { draftStory, editorSettled, uniqueHeadline } from './data';
import { startInstance, type Instance } from './instance';
import { act } from './newsroom-steps';
import { demoEmail, DEMO_PASSWORD, signIn } from './session';

// Issue 21: a backup restores. An operator's install on the embedded
// database gets a story with an image published through the newsroom; then
// `npm run db:backup` runs beside the live app, `npm run db:restore` fills a
// fresh data folder, and an instance started on it must serve the same reader
// pages, byte for byte, and hold the same media files. (Row by row equality of
// every table is db/backup.int.test.ts.) One proxy address stays in front of
// the source and then the restored instance, so both have the same SITE_URL.

let proxy: HttpProxy;
let source: Instance | undefined;
let restored: Instance | undefined;
const upstreams: { host: string; port: number }[] = [];
// Made in beforeAll: Playwright also loads this file in its runner process, which never runs afterAll.
let root: string;
let archive: string;
const authSecret = randomBytes(32).toString('base64');

test.beforeAll(async () => {
  test.setTimeout(180_000);
  root = mkdtempSync(path.join(os.tmpdir(), 'sahifa-restore-'));
  chmodSync(root, 0o755);
  archive = path.join(root, 'backup.tar.gz');
  proxy = await startHttpProxy(upstreams, { hostname: 'localhost' });
  source = await startInstance({ env: { SEED_DEMO: 'true', SITE_URL: proxy.base, AUTH_SECRET: authSecret } });
  upstreams.push({ host: '127.0.0.1', port: Number(new URL(source.base).port) });
});

test.afterAll(async () => {
  await source?.dispose();
  await restored?.dispose();
  await proxy?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

async function signedIn(browser: Browser, role: 'writer' | 'editor'): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: proxy.base })).newPage();
  await signIn(page, demoEmail(role), DEMO_PASSWORD);
  return page;
}

/** `npm run db:backup` / `db:restore` as an operator runs them, with an instance's environment. */
function npmRun(script: string, env: Record<string, string>): string {
  const fullEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete fullEnv.DATABASE_URL;
  const result = spawnSync('npm', ['run', '--silent', script, '--', archive], { env: fullEnv, encoding: 'utf8', timeout: 120_000 });
  expect(result.status, `${script}:\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stderr;
}

/**
 * The bytes to compare. Next places a few head tags (the font's size-adjust
 * meta, the title) in the order their metadata resolved, which changes from
 * one render to the next on the same database (a process's first render differs
 * from its later ones); so an HTML page's head is
 * compared as its sorted tags, and everything else byte for byte.
 */
function comparable(body: Buffer): Buffer {
  const html = body.toString('utf8');
  const head = /<head>([\s\S]*?)<\/head>/.exec(html);
  if (!head) return body;
  const tags = (head[1] as string).split(/(?=<)/).sort().join('');
  return Buffer.from(html.replace(head[1] as string, tags), 'utf8');
}

/** Where two answers part, with some context, for the failure message. */
function firstDifference(a: Buffer, b: Buffer): string {
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at += 1;
  const around = (buffer: Buffer) => buffer.subarray(Math.max(0, at - 80), at + 80).toString('utf8');
  return `byte ${at} of ${a.length} / ${b.length}:\n  before: ${around(a)}\n  after:  ${around(b)}`;
}

function filesOf(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[path.relative(folder, path.join(entry.parentPath, entry.name))] = createHash('sha256').update(readFileSync(path.join(entry.parentPath, entry.name))).digest('hex');
  }
  return files;
}

test('a backup of a live install restores into a fresh data folder, serving the same pages byte for byte and the same media', async ({ browser }) => {
  test.setTimeout(300_000);
  const writer = await signedIn(browser, 'writer');
  const editor = await signedIn(browser, 'editor');

  // An image, described, its renditions made by the job runner.
  const alt = uniqueHeadline('صورة للنسخ الاحتياطي');
  const upload = await writer.request.post('/api/media', { headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'backup.jpg' }, data: await photo(1200, 800) });
  expect(upload.status()).toBe(201);
  const { item } = (await upload.json()) as { item: { id: string } };
  await writer.goto(`/newsroom/media?id=${item.id}`);
  await writer.getByTestId('media-panel').getByLabel('النص البديل').fill(alt);
  await writer.getByTestId('media-panel').getByRole('button', { name: 'حفظ' }).click();
  await expect(writer.getByTestId('media-panel').getByText('حُفظت تفاصيل الصورة.')).toBeVisible();
  await expect
    .poll(async () => ((await (await writer.request.get('/api/media')).json()) as { items: { id: string; state: string }[] }).items.find((m) => m.id === item.id)?.state, { timeout: 60_000 })
    .toBe('ready');

  // A story with it as the lead image, saved twice, reviewed and published.
  const headline = uniqueHeadline('خبر يعود من النسخة الاحتياطية');
  const storyUrl = await draftStory(writer, headline, 'مسودة أولى.');
  await writer.getByTestId('lead-image').getByRole('button', { name: 'اختيار صورة' }).click();
  await writer.getByTestId('media-picker').getByRole('button', { name: alt }).click();
  await expect(writer.getByTestId('lead-image').getByRole('img', { name: alt })).toBeVisible();
  await writer.getByRole('textbox', { name: 'نص القصة' }).click();
  await writer.keyboard.press('End');
  await writer.keyboard.type(' والنص النهائي للخبر.');
  await editorSettled(writer);
  await act(writer, 'إرسال للمراجعة');
  await editor.goto(storyUrl);
  await act(editor, 'اعتماد');
  await act(editor, 'نشر');

  const articlePath = `/technology/${encodeURIComponent(slugify(headline))}`;
  const reader = (await browser.newContext({ baseURL: proxy.base })).request;
  const article = await reader.get(articlePath);
  expect(article.status()).toBe(200);
  const imagePath = /<img[^>]+src="(\/media\/[^"]+)"/.exec(await article.text())?.[1];
  expect(imagePath, 'the article shows its lead image').toBeTruthy();
  const pages = ['/', articlePath, '/technology', '/feed.xml', '/sitemap.xml', imagePath as string];
  const before = new Map<string, Buffer>();
  for (const page of pages) {
    const answer = await reader.get(page);
    expect(answer.status(), page).toBe(200);
    before.set(page, await answer.body());
  }

  // The backup joins the running embedded server; the app keeps serving.
  expect(npmRun('db:backup', { DATA_DIR: source!.dataDir, EMBEDDED_PG_PORT: source!.embeddedPort })).toMatch(/backup written to .* media files/);
  expect((await reader.get('/')).status()).toBe(200);
  const sourceMedia = filesOf(path.join(source!.dataDir, 'media'));
  await source!.dispose();
  source = undefined;

  // Restored into a fresh data folder, on a new embedded server, and served by a new instance.
  const target = path.join(root, 'restored');
  // Traversable, so the embedded server (run as the postgres user under root) keeps it in place.
  mkdirSync(target, { mode: 0o755 });
  const targetPort = String(await freePort());
  expect(npmRun('db:restore', { DATA_DIR: target, EMBEDDED_PG_PORT: targetPort })).toMatch(/restored .* media files/);
  restored = await startInstance({ dataDir: target, env: { SITE_URL: proxy.base, AUTH_SECRET: authSecret, EMBEDDED_PG_PORT: targetPort } });
  upstreams.splice(0, 1, { host: '127.0.0.1', port: Number(new URL(restored.base).port) });

  expect(filesOf(path.join(target, 'media'))).toEqual(sourceMedia);
  expect(Object.keys(sourceMedia).length).toBeGreaterThan(1);
  for (const page of pages) {
    const answer = await reader.get(page);
    expect(answer.status(), page).toBe(200);
    const [was, is] = [comparable(before.get(page) as Buffer), comparable(await answer.body())];
    expect(is.equals(was), `${page} differs after the restore: ${firstDifference(was, is)}`).toBe(true);
  }
});
