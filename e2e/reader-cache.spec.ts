import type { Page } from '@playwright/test';
import { slugify } from '@/lib/slug';
import { uniqueHeadline } from './data';
import { expect, test } from './fixtures';
import { newClient, storageStateOf } from './session';

// Reader pages are cached, and every change readers should see expires
// exactly the right entries at once: publish, update, take-down. Measured
// from the moment the newsroom says "done" to the reader's next request.

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

/** What the reader gets within one second of the change, over HTTP, with no cache-busting. */
async function withinOneSecond(page: Page, path: string, check: (html: string) => boolean) {
  const started = Date.now();
  await expect.poll(async () => check(await (await page.request.get(path)).text()), { timeout: 1_000, intervals: [100] }).toBe(true);
  return Date.now() - started;
}

test('publish, update and take-down reach the home, section and tag pages within a second', async ({ browser }) => {
  test.setTimeout(150_000);
  const writer = await (await newClient(browser, { storageState: storageStateOf('writer') })).newPage();
  const editor = await (await newClient(browser, { storageState: storageStateOf('editor') })).newPage();
  const reader = await (await newClient(browser)).newPage();
  const headline = uniqueHeadline('خبر تختبر به ذاكرة القراء المؤقتة');
  const tag = uniqueHeadline('وسم');
  const tagPath = `/tag/${encodeURIComponent(slugify(tag))}`;

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

  // Readers already have the home and tag pages cached without it.
  await reader.goto('/');
  expect(await reader.content()).not.toContain(headline);

  await editor.goto(storyUrl);
  await act(editor, 'اعتماد');
  await act(editor, 'نشر');
  const published = await withinOneSecond(reader, '/', (html) => html.includes(headline));
  await withinOneSecond(reader, '/technology', (html) => html.includes(headline));
  await withinOneSecond(reader, tagPath, (html) => html.includes(headline));
  test.info().annotations.push({ type: 'publish-to-home-ms', description: String(published) });

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
  await act(editor, 'اعتماد');
  await act(editor, 'نشر');
  await withinOneSecond(reader, '/', (html) => html.includes(updated));
  await withinOneSecond(reader, tagPath, (html) => html.includes(updated));

  // Taken down: gone from every list, and its page answers 410.
  await act(editor, 'حجب عن القراء', 'خطأ في مصدر الخبر');
  await withinOneSecond(reader, '/', (html) => !html.includes(headline));
  await withinOneSecond(reader, '/technology', (html) => !html.includes(headline));
  await withinOneSecond(reader, tagPath, (html) => !html.includes(headline));
});
