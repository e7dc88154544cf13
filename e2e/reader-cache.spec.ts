import type { Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { authors, users } from '@/db/schema';
import { slugify } from '@/lib/slug';
import { uniqueHeadline } from './data';
import { expect, test } from './fixtures';
import { demoEmail, newClient, storageStateOf } from './session';

// Reader pages are served from the response cache (and their data from Next's
// data cache), and every change readers should see expires exactly the right
// entries at once: publish, update, take-down, retraction. Every surface is
// warm in the cache beforehand; each is checked over HTTP, with no
// cache-busting, once the newsroom says "done", and must be fresh within 1 s.

const panel = (page: Page) => page.getByTestId('workflow-panel');

async function act(page: Page, action: string, reason?: string) {
  await panel(page).getByRole('button', { name: action, exact: true }).click();
  if (reason) await panel(page).getByLabel('السبب').fill(reason);
  // Whatever the checklist still warns about is read and acknowledged, as an editor would.
  const acknowledge = panel(page).getByLabel('قرأت التنبيهات');
  if (await acknowledge.isVisible().catch(() => false)) await acknowledge.check();
  await panel(page).getByRole('button', { name: `تنفيذ: ${action}` }).click();
  await expect(page.getByText(`تمّ: ${action}.`, { exact: true }).first()).toBeVisible();
}

type Surface = { path: string; kind: 'listing' | 'article' | 'feed' };

/**
 * Each surface in turn must pass within one second of being asked (a cached
 * page costs nothing; one the change expired is rendered once). One at a
 * time, as a reader would, rather than all at once against two cores.
 * Returns the slowest, in ms.
 */
async function everywhereWithinOneSecond(page: Page, surfaces: Surface[], check: (surface: Surface, status: number, body: string) => boolean) {
  let slowest = 0;
  for (const surface of surfaces) {
    const started = Date.now();
    await expect
      .poll(
        async () => {
          const response = await page.request.get(surface.path, { maxRedirects: 0 });
          return check(surface, response.status(), await response.text()) ? 'fresh' : `stale: ${surface.path} ${response.status()}`;
        },
        { timeout: 1_000, intervals: [50] },
      )
      .toBe('fresh');
    slowest = Math.max(slowest, Date.now() - started);
  }
  return slowest;
}

test('publish, update, take-down and retraction reach every reader surface within a second, and a cached 404 becomes the story', async ({ browser, db }) => {
  test.setTimeout(180_000);
  const writer = await (await newClient(browser, { storageState: storageStateOf('writer') })).newPage();
  const editor = await (await newClient(browser, { storageState: storageStateOf('editor') })).newPage();
  const reader = await (await newClient(browser)).newPage();
  const headline = uniqueHeadline('خبر تختبر به ذاكرة القراء المؤقتة');
  const tag = uniqueHeadline('وسم');
  const [byline] = await db.select({ slug: authors.slug }).from(authors).innerJoin(users, eq(users.id, authors.userId)).where(eq(users.email, demoEmail('writer')));
  const articlePath = `/technology/${encodeURIComponent(slugify(headline))}`;
  const surfaces: Surface[] = [
    { path: '/', kind: 'listing' },
    { path: '/technology', kind: 'listing' },
    { path: `/tag/${encodeURIComponent(slugify(tag))}`, kind: 'listing' },
    { path: `/author/${encodeURIComponent(byline!.slug)}`, kind: 'listing' },
    { path: articlePath, kind: 'article' },
    { path: '/feed.xml', kind: 'feed' },
    { path: '/feeds/technology.xml', kind: 'feed' },
  ];

  // A complete story: the checklist has nothing to warn about.
  await writer.goto('/newsroom/stories');
  await writer.getByRole('button', { name: 'قصة جديدة' }).click();
  await expect(writer).toHaveURL(/\/newsroom\/stories\/[0-9a-f-]{36}$/);
  const storyUrl = new URL(writer.url()).pathname;
  await writer.getByLabel('العنوان', { exact: true }).fill(headline);
  await writer.getByLabel('المقدمة', { exact: true }).fill('مقدمة وافية تشرح الخبر للقارئ في سطرين وتكفي وصفًا لمحركات البحث أيضًا.');
  await writer.getByLabel('القسم').selectOption({ label: 'تكنولوجيا' });
  await writer.getByLabel('الوسوم', { exact: true }).fill(tag);
  await writer.getByLabel('الوسوم', { exact: true }).press('Enter');
  await writer.getByRole('textbox', { name: 'نص القصة' }).click();
  await writer.keyboard.type('نص الخبر كاملًا كما سيقرؤه القرّاء.');
  await writer.keyboard.press('Control+s');
  await expect(writer.locator('[data-save-status="saved"]')).toBeVisible();
  await act(writer, 'إرسال للمراجعة');

  // Warm: every surface is in the cache without the story, its future address as a stored 404.
  for (const surface of surfaces) {
    const first = await reader.request.get(surface.path);
    expect(await first.text(), surface.path).not.toContain(headline);
    if (surface.kind === 'article') expect(first.status()).toBe(404);
  }
  const cached404 = await reader.request.get(articlePath);
  expect(cached404.status()).toBe(404);
  expect(cached404.headers()['x-sahifa-cache']).toBe('HIT');
  expect((await reader.request.get('/')).headers()['x-sahifa-cache']).toBe('HIT');

  await editor.goto(storyUrl);
  await act(editor, 'اعتماد');
  await act(editor, 'نشر');
  const published = await everywhereWithinOneSecond(reader, surfaces, (surface, status, body) => body.includes(headline) && (surface.kind !== 'article' || status === 200));
  test.info().annotations.push({ type: 'publish-to-every-surface-ms', description: String(published) });

  // An update: the new headline replaces the old one everywhere.
  const updated = `${headline} (محدّث)`;
  // The writer's tab may still hold the soft lock: the editor takes over, as the banner offers.
  const [heartbeat] = await Promise.all([editor.waitForResponse((r) => r.url().endsWith('/presence')), editor.reload()]);
  if (((await heartbeat.json()) as { mine?: boolean }).mine === false) await editor.getByTestId('soft-lock').getByRole('button', { name: 'تولّي التحرير' }).click();
  await editor.getByLabel('العنوان', { exact: true }).fill(updated);
  await editor.keyboard.press('Control+s');
  await expect(editor.locator('[data-save-status="saved"]')).toBeVisible();
  // The edited headline is reader-facing: the story goes back through review before it can go out.
  await editor.reload();
  await act(editor, 'إرسال للمراجعة');
  // Approved by someone who did not make the change (strict four-eyes).
  const second = await (await newClient(browser, { storageState: storageStateOf('admin') })).newPage();
  await second.goto(storyUrl);
  await act(second, 'اعتماد');
  await editor.reload();
  await act(editor, 'نشر');
  await everywhereWithinOneSecond(reader, surfaces, (_surface, status, body) => status === 200 && body.includes(updated));

  // Taken down: gone from every list and feed, and its page answers 410 with the neutral notice.
  await act(editor, 'حجب عن القراء', 'خطأ في مصدر الخبر');
  await everywhereWithinOneSecond(reader, surfaces, (surface, status, body) =>
    surface.kind === 'article' ? status === 410 && body.includes('لم يعد هذا الخبر متاحًا') && !body.includes('خطأ في مصدر الخبر') : !body.includes(headline),
  );

  // Republished, then retracted: the public notice replaces the story everywhere at once.
  await editor.reload();
  await act(editor, 'إعادة النشر');
  await everywhereWithinOneSecond(reader, surfaces, (surface, status, body) => body.includes(headline) && (surface.kind !== 'article' || status === 200));
  await editor.reload();
  await act(editor, 'تراجع علني', 'تبيّن أن مصدر الخبر غير موثوق');
  await everywhereWithinOneSecond(reader, surfaces, (surface, status, body) =>
    surface.kind === 'article' ? status === 410 && body.includes('تبيّن أن مصدر الخبر غير موثوق') : !body.includes(headline),
  );
});

test('reader pages carry CDN headers and answer 304; staff pages and signed-in views are never cacheable', async ({ browser, request }) => {
  const home = await request.get('/');
  const headers = home.headers();
  expect(headers['cache-control']).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
  expect(headers['cache-tag']?.split(',')).toEqual(expect.arrayContaining(['front', 'latest', 'settings']));
  expect(headers['surrogate-key']?.split(' ')).toEqual(expect.arrayContaining(['front', 'latest', 'settings']));
  expect(headers.etag).toMatch(/^"[\w-]+"$/);
  const again = await request.get('/', { headers: { 'if-none-match': headers.etag as string } });
  expect(again.status()).toBe(304);
  expect(await again.body()).toHaveLength(0);

  const editor = await newClient(browser, { storageState: storageStateOf('editor') });
  for (const path of ['/newsroom', '/']) {
    const response = await editor.request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['cache-control'], path).toMatch(/private/);
    expect(response.headers()['cache-control'], path).toMatch(/no-store/);
    expect(response.headers()['cache-tag'], path).toBeUndefined();
  }
  await editor.close();
});
