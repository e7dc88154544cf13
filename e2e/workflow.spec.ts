import { eq } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import { stories } from '@/db/schema';
import { expect, test } from './fixtures';
import { chooseStep } from './newsroom-steps';
import { newClient, storageStateOf } from './session';
import { editorSettled, uniqueHeadline } from './data';
import { LISTINGS, listingsOf } from './xml';

// The journey through review to readers and back, in three browsers:
// the writer, editor A (on the byline) and an admin acting as editor B.

const panel = (page: Page) => page.getByTestId('workflow-panel');

// The story has no standfirst, tags or SEO description: approving, scheduling and publishing it
// show those as checklist warnings, which the editor acknowledges before confirming.
async function acknowledgeWarnings(page: Page) {
  await expect(panel(page).getByTestId('checklist').locator('[data-verdict="warning"]').first()).toBeVisible();
  await panel(page).getByLabel('قرأت التنبيهات').check();
}

async function act(page: Page, action: string, reason?: string) {
  await chooseStep(page, action);
  if (reason) await panel(page).getByLabel('السبب').fill(reason);
  if (action.startsWith('اعتماد')) await acknowledgeWarnings(page);
  await panel(page).getByRole('button', { name: `تنفيذ: ${action}` }).click();
  // The step is done when its toast says so.
  await expect(page.getByText(`تمّ: ${action}.`, { exact: true }).first()).toBeVisible();
}

test('draft → changes requested → resubmitted → four-eyes → approved → scheduled → published → taken down → republished → retracted', async ({ browser, db, request, expectAccessible }) => {
  test.setTimeout(180_000);
  const writer = await (await newClient(browser, { storageState: storageStateOf('writer') })).newPage();
  const editorA = await (await newClient(browser, { storageState: storageStateOf('editor') })).newPage();
  const editorB = await (await newClient(browser, { storageState: storageStateOf('admin') })).newPage();
  const headline = uniqueHeadline('رحلة خبر');

  // 1. The writer drafts, with editor A on the byline, and submits.
  await writer.goto('/newsroom/stories');
  await writer.getByRole('button', { name: 'قصة جديدة' }).click();
  await expect(writer).toHaveURL(/\/newsroom\/stories\/[0-9a-f-]{36}$/);
  const storyUrl = new URL(writer.url()).pathname;
  const id = storyUrl.split('/').at(-1) as string;
  await writer.getByLabel('العنوان', { exact: true }).fill(headline);
  await writer.getByLabel('القسم').selectOption({ label: 'تكنولوجيا' });
  await writer.getByLabel('إضافة كاتب').selectOption({ label: 'عمر الفاروق' });
  await writer.getByRole('textbox', { name: 'نص القصة' }).click();
  await writer.keyboard.type('نص أول يحتاج إلى مصدر.');
  await editorSettled(writer);
  await act(writer, 'إرسال للمراجعة');
  await expect(writer.getByText('قيد المراجعة').first()).toBeVisible();
  await expectAccessible(writer);

  // 2. Editor A sends it back with a reason.
  await editorA.goto(storyUrl);
  await act(editorA, 'إعادة للتعديل', 'أضف مصدرًا ثانيًا للرقم');
  await expect(editorA.getByText('أُعيدت للتعديل').first()).toBeVisible();

  // 3. The writer revises and resubmits.
  await writer.reload();
  await writer.getByRole('textbox', { name: 'نص القصة' }).click();
  await writer.keyboard.press('End');
  await writer.keyboard.type(' بحسب مصدرين.');
  await editorSettled(writer);
  await act(writer, 'إرسال للمراجعة');
  await expect(writer.getByText('قيد المراجعة').first()).toBeVisible();

  // 4. Editor A is on the byline: approval is not offered to them (and the DAL refuses a forged one).
  await editorA.reload();
  await expect(panel(editorA).getByRole('button', { name: 'إعادة للتعديل' })).toBeVisible();
  await expect(panel(editorA).getByRole('button', { name: 'اعتماد', exact: true })).toHaveCount(0);

  // 5. Editor B approves and schedules it 10 s ahead: it reaches readers with no click, fresh from no stale cache.
  await editorB.goto(storyUrl);
  const [row] = await db.select({ slug: stories.slug }).from(stories).where(eq(stories.id, id));
  const articlePath = `/technology/${encodeURIComponent(row!.slug!)}`;
  expect((await request.get(articlePath)).status()).toBe(404);
  // The feeds and sitemaps are cached now, without it.
  expect(await listingsOf(request, articlePath)).toEqual([]);
  await act(editorB, 'اعتماد');
  await expect(panel(editorB).getByRole('button', { name: 'نشر', exact: true })).toBeVisible();
  await panel(editorB).getByRole('button', { name: 'جدولة النشر', exact: true }).click();
  // The schedule field counts in minutes: the first whole minute at least ten seconds ahead,
  // chosen on the newsroom's clock (Asia/Riyadh, UTC+3, as the seed sets it).
  const publishAt = Math.ceil((Date.now() + 10_000) / 60_000) * 60_000;
  const wall = new Date(publishAt + 3 * 3_600_000);
  const when = panel(editorB).getByTestId('schedule-field');
  await when.getByLabel('السنة').selectOption(String(wall.getUTCFullYear()));
  await when.getByLabel('الشهر').selectOption(String(wall.getUTCMonth() + 1));
  await when.getByLabel('اليوم').selectOption(String(wall.getUTCDate()));
  await when.getByLabel('الساعة').selectOption(String(wall.getUTCHours()));
  await when.getByLabel('الدقيقة').selectOption(String(wall.getUTCMinutes()));
  await acknowledgeWarnings(editorB);
  await panel(editorB).getByRole('button', { name: 'تنفيذ: جدولة النشر' }).click();
  await expect(editorB.getByText('تمّ: جدولة النشر.', { exact: true }).first()).toBeVisible();
  await expect(editorB.getByText(/مجدولة للنشر في/)).toBeVisible();
  expect((await request.get(articlePath)).status()).toBe(404);
  await expect.poll(async () => (await request.get(articlePath)).status(), { timeout: 90_000, intervals: [500] }).toBe(200);
  // On a single instance, readers have it within 5 s of its time.
  expect(Date.now() - publishAt).toBeLessThan(5_000);
  const live = await request.get(articlePath);
  expect(await live.text()).toContain('بحسب مصدرين');
  // The same expiry reached the feeds and sitemaps.
  expect(await listingsOf(request, articlePath)).toEqual([...LISTINGS]);

  // 6. An update with a correction note: readers keep the old text until the update is published.
  // The writer's and editor A's tabs may still be open: no lock, editor B types beside them.
  await editorB.reload();
  await expect(editorB.getByRole('textbox', { name: 'نص القصة' })).toHaveAttribute('contenteditable', 'true');
  await editorB.getByRole('textbox', { name: 'نص القصة' }).click();
  await editorB.keyboard.press('End');
  await editorB.keyboard.type(' وتبيّن لاحقًا أن المبلغ أكبر.');
  await editorSettled(editorB);
  expect(await (await request.get(articlePath)).text()).not.toContain('المبلغ أكبر');
  await editorB.reload();
  await act(editorB, 'إرسال للمراجعة');
  await editorB.reload();
  // Editor B changed the text since the last approval, and editor A is on the byline: nobody else
  // may approve it (strict four-eyes), so the admin overrides, with a reason that is recorded.
  await expect(panel(editorB).getByRole('button', { name: 'اعتماد', exact: true })).toHaveCount(0);
  await act(editorB, 'اعتماد بتجاوز مبدأ العينين', 'تصحيح رقم عاجل ولا مراجع آخر متاح');
  await editorB.reload();
  await panel(editorB).getByRole('button', { name: 'نشر', exact: true }).click();
  await panel(editorB).getByLabel('نص الملاحظة، يظهر للقراء مؤرخًا').fill('صُحّح المبلغ في الفقرة الأولى');
  await acknowledgeWarnings(editorB);
  await panel(editorB).getByRole('button', { name: 'تنفيذ: نشر' }).click();
  await expect(editorB.getByText('تمّ: نشر.', { exact: true }).first()).toBeVisible();
  const updated = await (await request.get(articlePath)).text();
  expect(updated).toContain('المبلغ أكبر');
  expect(updated).toContain('صُحّح المبلغ في الفقرة الأولى');

  // 7. A take-down answers 410 at once; republishing restores the same story.
  await editorB.reload();
  await act(editorB, 'حجب عن القراء', 'طلب قانوني قيد الدراسة');
  await expect(editorB.getByText('مسحوبة').first()).toBeVisible();
  const gone = await request.get(articlePath);
  expect(gone.status()).toBe(410);
  expect(await gone.text()).not.toContain('طلب قانوني');
  // Gone from the feeds and sitemaps. (The home page is left to reader-cache.serial.spec.ts: here, with specs
  // publishing beside this one, its absence could mean only that ten newer stories pushed it off.)
  expect(await listingsOf(request, articlePath)).toEqual([]);
  await editorB.reload();
  await act(editorB, 'إعادة النشر');
  await expect.poll(async () => (await request.get(articlePath)).status()).toBe(200);
  expect(await listingsOf(request, articlePath)).toEqual([...LISTINGS]);

  // 8. A retraction answers 410 with its public notice.
  await editorB.reload();
  await act(editorB, 'تراجع علني', 'تبيّن أن الرقم المنشور غير دقيق');
  const retracted = await request.get(articlePath);
  expect(retracted.status()).toBe(410);
  expect(await retracted.text()).toContain('تبيّن أن الرقم المنشور غير دقيق');
  expect(await listingsOf(request, articlePath)).toEqual([]);

  // The timeline tells the story, with the reasons.
  await editorB.goto(`${storyUrl}/history`);
  const timeline = editorB.getByTestId('timeline');
  for (const event of ['أُرسلت للمراجعة', 'أُعيدت للتعديل', 'اعتُمدت', 'نُشرت', 'حُجبت عن القراء', 'أعيد نشرها', 'تراجع علني']) {
    await expect(timeline.getByText(event, { exact: true }).first()).toBeVisible();
  }
  await expect(timeline).toContainText('أضف مصدرًا ثانيًا للرقم');
  await expectAccessible(editorB);
});
