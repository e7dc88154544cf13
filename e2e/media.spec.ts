import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import { media, stories } from '@/db/schema';
import { photo, pngBomb, polyglot, renamedExecutable, svgWithScript, truncated } from '@/test/media-files';
import { editorSettled, uniqueHeadline } from './data';
import { expect, test } from './fixtures';
import { act } from './newsroom-steps';
import { newClient, storageStateOf } from './session';

// Images end to end: upload with progress, the library's text, lead and
// inline figures through the workflow to the reader page, and every bad file
// refused with its message. Images are small and made with sharp here.


/** Notes whether a <progress> bar ever showed, since a small upload on a local server finishes fast. */
async function watchProgress(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { sawProgress: boolean };
    w.sawProgress = false;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="upload-list"] progress')) w.sawProgress = true;
    }).observe(document.body, { subtree: true, childList: true });
  });
}

test('upload with progress → alt, caption, credit → lead and inline → published with <picture> and figcaption', async ({ browser, db, request, expectAccessible }) => {
  test.setTimeout(150_000);
  const writer = await (await newClient(browser, { storageState: storageStateOf('writer') })).newPage();
  const editor = await (await newClient(browser, { storageState: storageStateOf('editor') })).newPage();
  const tag = Date.now().toString(36);
  const alt = `شجرة زيتون في حقل ${tag}`;

  // 1. Two files at once, each with its own bar.
  await writer.goto('/newsroom/media');
  await watchProgress(writer);
  await writer.getByLabel('رفع صور').setInputFiles([
    { name: `olive-${tag}.jpg`, mimeType: 'image/jpeg', buffer: await photo(1400, 1000) },
    { name: `field-${tag}.png`, mimeType: 'image/png', buffer: await photo(700, 500, 'png') },
  ]);
  await expect(writer.getByText(`رُفعت olive-${tag}.jpg.`)).toBeVisible({ timeout: 20_000 });
  await expect(writer.getByText(`رُفعت field-${tag}.png.`)).toBeVisible({ timeout: 20_000 });
  expect(await writer.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress)).toBe(true);

  // 2. The library's text for the JPEG.
  const [row] = await db.select({ id: media.id }).from(media).where(eq(media.fileName, `olive-${tag}.jpg`));
  await writer.goto(`/newsroom/media?id=${row!.id}`);
  const details = writer.getByTestId('media-panel');
  await details.getByLabel('النص البديل').fill(alt);
  await details.getByLabel('التعليق').fill('حقل زيتون قرب نابلس');
  await details.getByLabel('النسبة').fill('تصوير: ليلى');
  await details.getByRole('button', { name: 'حفظ' }).click();
  await expect(details.getByText('حُفظت تفاصيل الصورة.')).toBeVisible();
  await expect(writer.getByTestId('media-grid').getByText(alt)).toBeVisible();
  // The state shows; the background job makes the renditions within seconds.
  await expect.poll(async () => (await db.select({ state: media.state }).from(media).where(eq(media.id, row!.id)))[0]?.state, { timeout: 60_000 }).toBe('ready');
  await writer.reload();
  await expect(writer.getByTestId('media-panel').getByText('جاهزة')).toBeVisible();
  await expectAccessible(writer);

  // 3. A story with it as the lead image and as an inline figure.
  const headline = uniqueHeadline('موسم قطف الزيتون');
  await writer.goto('/newsroom/stories');
  await writer.getByRole('button', { name: 'قصة جديدة' }).click();
  await expect(writer).toHaveURL(/\/newsroom\/stories\/[0-9a-f-]{36}$/);
  const storyId = new URL(writer.url()).pathname.split('/').at(-1) as string;
  await writer.getByLabel('العنوان', { exact: true }).fill(headline);
  await writer.getByLabel('القسم').selectOption({ label: 'تكنولوجيا' });
  await writer.getByRole('textbox', { name: 'نص القصة' }).click();
  await writer.keyboard.type('بدأ موسم قطف الزيتون مبكرًا هذا العام.');
  await writer.getByTestId('lead-image').getByRole('button', { name: 'اختيار صورة' }).click();
  await writer.getByTestId('media-picker').getByRole('button', { name: alt }).click();
  await expect(writer.getByTestId('lead-image').getByRole('img', { name: alt })).toBeVisible();
  await writer.getByTestId('lead-image').getByLabel('التعليق في هذه القصة').fill('أول أيام القطف');
  await writer.getByRole('textbox', { name: 'نص القصة' }).click();
  await writer.keyboard.press('End');
  await writer.getByRole('button', { name: 'صورة (إدراج أو تعديل)' }).click();
  await writer.getByTestId('media-picker').getByRole('button', { name: alt }).click();
  await expect(writer.getByRole('textbox', { name: 'نص القصة' }).getByRole('img', { name: alt })).toBeVisible();
  await editorSettled(writer);
  await act(writer, 'إرسال للمراجعة');
  await expectAccessible(writer);

  // 4. An editor approves and publishes through the checklist.
  await editor.goto(`/newsroom/stories/${storyId}`);
  await act(editor, 'اعتماد');
  await editor.reload();
  await act(editor, 'نشر');

  // 5. Readers get <picture> over the renditions, sized, with the caption and credit.
  const [story] = await db.select({ slug: stories.slug }).from(stories).where(eq(stories.id, storyId));
  const reader = await (await newClient(browser)).newPage();
  await reader.goto(`/technology/${encodeURIComponent(story!.slug!)}`);
  const lead = reader.locator('figure.lead-figure');
  await expect(lead.locator('img')).toHaveAttribute('alt', alt);
  await expect(lead.locator('img')).toHaveAttribute('fetchpriority', 'high');
  await expect(lead.locator('img')).toHaveAttribute('width', '1400');
  await expect(lead.locator('source[type="image/avif"]')).toHaveAttribute('srcset', new RegExp(`/media/${row!.id}/320\\.avif 320w, .*1280\\.avif 1280w$`));
  await expect(lead.locator('figcaption')).toContainText('أول أيام القطف');
  await expect(lead.locator('figcaption')).toContainText('تصوير: ليلى');
  const inline = reader.locator('.article-body figure');
  await expect(inline.locator('img')).toHaveAttribute('loading', 'lazy');
  await expect(inline.locator('img')).toHaveAttribute('alt', alt);
  await expect(inline.locator('source[type="image/webp"]')).toHaveAttribute('srcset', /640\.webp 640w/);
  await expect(inline.locator('figcaption')).toContainText('حقل زيتون قرب نابلس');
  await expect(reader.locator('meta[property="og:image"]')).toHaveAttribute('content', new RegExp(`/media/${row!.id}/og\\.jpg$`));
  await expect(reader.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
  const jsonLd = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as { image?: { '@type': string; url: string; width: number; height: number }[] };
  // The lead image's Open Graph rendition, with its size, as Google's NewsArticle recommends.
  expect(jsonLd.image?.[0]).toMatchObject({ '@type': 'ImageObject', url: expect.stringMatching(/\/og\.jpg$/), width: 1200 });
  // Every image the page names is served, with the headers that keep it safe and cached.
  const served = await request.get(`/media/${row!.id}/640.avif`);
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toBe('image/avif');
  expect(served.headers()['x-content-type-options']).toBe('nosniff');
  expect(served.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  await expectAccessible(reader);

  // 6. A published story's image cannot be deleted.
  await editor.goto(`/newsroom/media?id=${row!.id}`);
  await expect(editor.getByTestId('media-uses').getByText(headline)).toBeVisible();
  editor.once('dialog', (dialog) => void dialog.accept());
  await editor.getByRole('button', { name: 'حذف الصورة' }).click();
  await expect(editor.getByText('لا يمكن حذف صورة تستخدمها قصة منشورة.')).toBeVisible();
});

test('bad files are each refused with their message, and nothing is stored', async ({ browser, db, request }) => {
  test.setTimeout(90_000);
  const page = await (await newClient(browser, { storageState: storageStateOf('writer') })).newPage();
  const folder = await mkdtemp(path.join(os.tmpdir(), 'sahifa-e2e-big-'));
  const big = path.join(folder, 'huge.jpg');
  // A sparse 200 MB file that starts like a JPEG: no disk used, but the browser sees 200 MB.
  await writeFile(big, Buffer.from([0xff, 0xd8, 0xff]));
  await truncate(big, 200 * 1024 * 1024);
  const jpeg = await photo(600, 400);
  const cases: [string, { name: string; mimeType: string; buffer: Buffer } | string, string][] = [
    ['renamed executable', { name: 'holiday.jpg', mimeType: 'image/jpeg', buffer: renamedExecutable() }, 'ليس صورة مقبولة'],
    ['truncated JPEG', { name: 'cut.jpg', mimeType: 'image/jpeg', buffer: truncated(jpeg) }, 'الصورة تالفة أو ناقصة'],
    ['PNG bomb', { name: 'bomb.png', mimeType: 'image/png', buffer: await pngBomb() }, 'أبعاد الصورة تتجاوز 12٬000 بكسل'],
    ['polyglot', { name: 'poly.jpg', mimeType: 'image/jpeg', buffer: polyglot(jpeg) }, 'الملف يحمل محتوى آخر'],
    ['SVG with script', { name: 'logo.svg', mimeType: 'image/svg+xml', buffer: svgWithScript() }, 'وSVG غير مقبول'],
    ['0-byte file', { name: 'empty.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(0) }, 'الملف فارغ.'],
    ['200 MB file', big, 'الملف أكبر من 20 ميغابايت.'],
  ];
  await page.goto('/newsroom/media');
  for (const [label, file, message] of cases) {
    await page.getByLabel('رفع صور').setInputFiles(file);
    await expect(page.getByTestId('upload-list').getByRole('alert').filter({ hasText: message }).first(), label).toBeVisible({ timeout: 15_000 });
  }
  // A name that tries to be a path, sent as a client could: the browser would strip it, the server refuses it.
  const named = await page.request.post('/api/media', { headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('../../etc/cron.jpg') }, data: jpeg });
  expect(named.status()).toBe(422);
  expect(await named.json()).toEqual({ error: 'media.errors.badName' });
  // The server refuses an oversize body by itself too, without reading it.
  const oversize = await page.request.post('/api/media', { headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'big.jpg' }, data: Buffer.alloc(21 * 1024 * 1024) });
  expect(oversize.status()).toBe(413);
  // Nothing of any of them was stored (other specs upload in parallel, so count by name).
  const names = ['holiday.jpg', 'cut.jpg', 'bomb.png', 'poly.jpg', 'logo.svg', 'empty.jpg', 'huge.jpg', 'cron.jpg', 'big.jpg', '../../etc/cron.jpg'];
  expect(await db.select({ id: media.id }).from(media).where(inArray(media.fileName, names))).toEqual([]);
  expect((await request.get('/api/health')).status()).toBe(200);
  await rm(folder, { recursive: true, force: true });
});

test('an image dropped into the text uploads and becomes a figure', async ({ browser }) => {
  const page = await (await newClient(browser, { storageState: storageStateOf('writer') })).newPage();
  await page.goto('/newsroom/stories');
  await page.getByRole('button', { name: 'قصة جديدة' }).click();
  await expect(page).toHaveURL(/\/newsroom\/stories\/[0-9a-f-]{36}$/);
  const body = page.getByRole('textbox', { name: 'نص القصة' });
  // The body takes keys only once the shared document has synced; keys typed before that go nowhere.
  await expect(body).toHaveAttribute('contenteditable', 'true');
  await body.click();
  await page.keyboard.type('فقرة قبل الصورة.');
  await expect(body).toContainText('فقرة قبل الصورة.');
  const bytes = (await photo(500, 400)).toString('base64');
  const dataTransfer = await page.evaluateHandle((base64) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], 'dropped.jpg', { type: 'image/jpeg' }));
    return transfer;
  }, bytes);
  // ProseMirror places a drop by its coordinates, so the event carries some inside the text.
  const box = (await body.boundingBox())!;
  await body.dispatchEvent('drop', { dataTransfer, clientX: box.x + box.width / 2, clientY: box.y + 20 });
  await expect(body.locator('figure[data-media-id] img')).toBeVisible({ timeout: 20_000 });
  await editorSettled(page);
});
