import { eq } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import { auditLog, stories, users } from '@/db/schema';
import { snapshotRevision } from '@/lib/stories/revisions';
import { createPublishedStory, editorSettled, uniqueHeadline } from './data';
import { expect, test } from './fixtures';
import { storageStateOf } from './session';

// The newsroom for an eight-hour shift (issue 19): the text fields above the
// body, labelled direction buttons, submit errors on the fields themselves, a
// free slug offered, the schedule in the newsroom's terms, the audit log in
// words, and every count in the site's digits (Arabic-Indic, as seeded).

const ARABIC_DIGITS = /[٠-٩]/;
const WESTERN_DIGITS = /[0-9]/;
const panel = (page: Page) => page.getByTestId('workflow-panel');

async function newStory(page: Page) {
  await page.goto('/newsroom/stories');
  await page.getByRole('button', { name: 'قصة جديدة' }).click();
  // Creating a story is a server round trip and a redirect: slow on a loaded machine.
  await expect(page).toHaveURL(/\/newsroom\/stories\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  return page.url().split('/').at(-1) as string;
}

test.describe('the writer', () => {
  test.use({ storageState: storageStateOf('writer') });

  test('a new story opens in the headline, above the body; a refused submission marks only the missing fields; counts in Arabic-Indic digits', async ({ page, expectAccessible }) => {
    await newStory(page);
    const headline = page.getByLabel('العنوان', { exact: true });
    const body = page.getByRole('textbox', { name: 'نص القصة' });
    // The cursor is already in the headline: typing goes there.
    await expect(headline).toBeFocused();
    await expect(headline).toHaveAttribute('aria-placeholder', 'اكتب العنوان هنا');
    await page.keyboard.type('عنوان بلا نص');
    await expect(headline).toHaveText('عنوان بلا نص');
    // Headline, kicker, subheadline and standfirst sit above the body, not in the side panel.
    for (const label of ['العنوان التمهيدي', 'العنوان الفرعي', 'المقدمة']) await expect(page.getByTestId('story-text-fields').getByLabel(label, { exact: true })).toBeVisible();
    expect((await headline.boundingBox())!.y).toBeLessThan((await body.boundingBox())!.y);
    await expect(page.getByRole('complementary').getByLabel('العنوان', { exact: true })).toHaveCount(0);
    // The headline's length, in the site's digits.
    await expect(page.locator('#field-headline-hint')).toHaveText('١٢ / ٢٥٠ حرفًا');

    await editorSettled(page);
    await panel(page).getByRole('button', { name: 'إرسال للمراجعة', exact: true }).click();
    await panel(page).getByRole('button', { name: 'تنفيذ: إرسال للمراجعة' }).click();
    // Only what is missing is named: the headline is there.
    const missing = panel(page).getByTestId('missing-fields');
    await expect(missing.getByText('نص القصة', { exact: true })).toBeVisible();
    await expect(missing.getByText('القسم', { exact: true })).toBeVisible();
    await expect(missing.getByText('العنوان', { exact: true })).toHaveCount(0);
    // The fields themselves are marked, with the message beside them, and the first one has the focus.
    await expect(body).toHaveAttribute('aria-invalid', 'true');
    await expect(body).toBeFocused();
    await expect(page.locator('#body-error')).toHaveText('مطلوب قبل الإرسال إلى المراجعة.');
    await expect(page.getByLabel('القسم', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#field-sectionId-error')).toHaveText('مطلوب قبل الإرسال إلى المراجعة.');
    await expect(headline).toHaveAttribute('aria-invalid', 'false');
    await expectAccessible(page);
    // Filling a field clears its mark.
    await page.keyboard.type('OpenAI تطلق نموذجًا جديدًا اليوم');
    await expect(body).toHaveAttribute('aria-invalid', 'false');
    await expect(page.locator('#body-error')).toHaveCount(0);
    await expect(page.getByText('٥ كلمات')).toBeVisible();

    // The direction buttons say what they do; «تلقائي» removes a forced direction and is never pressed.
    const right = page.getByRole('button', { name: 'فقرة من اليمين إلى اليسار' });
    const left = page.getByRole('button', { name: 'فقرة من اليسار إلى اليمين' });
    const automatic = page.getByRole('button', { name: 'تلقائي: إلغاء الاتجاه المفروض' });
    await expect(right).toHaveText('يمين');
    await expect(left).toHaveText('يسار');
    await expect(automatic).toHaveText('تلقائي');
    await expect(automatic).toHaveAttribute('title', 'ألغِ الاتجاه المفروض: تتبع الفقرة خطها الغالب');
    await expect(automatic).not.toHaveAttribute('aria-pressed');
    await expect(left).toHaveAttribute('aria-pressed', 'false');
    await left.click();
    await expect(left).toHaveAttribute('aria-pressed', 'true');
    await expect(body.locator('p').first()).toHaveAttribute('dir', 'ltr');
    await automatic.click();
    await expect(left).toHaveAttribute('aria-pressed', 'false');
    await expect(automatic).not.toHaveAttribute('aria-pressed');
    await expect(body.locator('p').first()).toHaveAttribute('dir', 'rtl');
  });

  test('a slug another story holds comes back with a free one, used in one click', async ({ page, db }) => {
    const taken = await createPublishedStory(db, uniqueHeadline('معرّف محجوز'));
    await newStory(page);
    const slug = page.getByLabel('معرّف الرابط');
    await slug.fill(taken.slug);
    await expect(page.locator('#field-slug-error')).toHaveText(`هذا المعرّف مستخدم لقصة أخرى. المعرّف «${taken.slug}-2» متاح.`);
    await expect(slug).toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('button', { name: `استخدم «${taken.slug}-2»` }).click();
    await expect(slug).toHaveValue(`${taken.slug}-2`);
    await editorSettled(page);
    await expect(page.locator('#field-slug-error')).toHaveCount(0);
  });
});

test.describe('the editor', () => {
  test.use({ storageState: storageStateOf('editor') });

  test('schedules in the newsroom’s date and time format, on its clock, in its digits', async ({ page, db, expectAccessible }) => {
    const { id } = await createPublishedStory(db, uniqueHeadline('خبر للجدولة'));
    // An update approved and not yet published: publish and schedule are offered.
    await db.transaction(async (tx) => {
      const revisionId = await snapshotRevision(tx, { storyId: id, kind: 'approval', authorId: null });
      await tx.update(stories).set({ editorialState: 'approved', approvedRevisionId: revisionId }).where(eq(stories.id, id));
    });
    await page.goto(`/newsroom/stories/${id}`);
    await panel(page).getByRole('button', { name: 'جدولة النشر', exact: true }).click();
    const field = panel(page).getByTestId('schedule-field');
    await expect(panel(page).getByRole('group', { name: /وقت النشر، بتوقيت غرفة الأخبار \(Asia\/Riyadh\)/ })).toBeVisible();
    await expect(panel(page).locator('input[type="datetime-local"]')).toHaveCount(0);
    // Arabic month names and the site's digits, not the browser's US format.
    const year = new Date().getUTCFullYear() + 1;
    await field.getByLabel('السنة').selectOption(String(year));
    await field.getByLabel('الشهر').selectOption('3');
    await field.getByLabel('اليوم').selectOption('14');
    await field.getByLabel('الساعة').selectOption('21');
    await field.getByLabel('الدقيقة').selectOption('5');
    await expect(field.getByLabel('الشهر').locator('option:checked')).toHaveText('مارس');
    await expect(field.getByLabel('الدقيقة').locator('option:checked')).toHaveText('٠٥');
    const summary = field.getByTestId('schedule-summary');
    await expect(summary).toContainText('مارس');
    await expect(summary).toContainText('١٤');
    await expect(summary).toContainText('٩:٠٥ م');
    await expect(summary).toHaveText(ARABIC_DIGITS);
    await expect(summary).not.toHaveText(WESTERN_DIGITS);
    await expectAccessible(page);
    // Keyboard only: the day select takes arrows like any native select.
    await field.getByLabel('اليوم').focus();
    await page.keyboard.press('ArrowDown');
    await expect(summary).toContainText('١٥');
    await page.keyboard.press('ArrowUp');

    await expect(panel(page).getByTestId('checklist')).toBeVisible();
    const acknowledge = panel(page).getByLabel('قرأت التنبيهات');
    if (await acknowledge.isVisible()) await acknowledge.check();
    await panel(page).getByRole('button', { name: 'تنفيذ: جدولة النشر' }).click();
    await expect(page.getByText('تمّ: جدولة النشر.', { exact: true }).first()).toBeVisible();
    // 21:05 on the newsroom's wall clock (Asia/Riyadh, UTC+3) is 18:05 UTC.
    const [row] = await db.select({ scheduledFor: stories.scheduledFor }).from(stories).where(eq(stories.id, id));
    expect(row?.scheduledFor?.toISOString()).toBe(`${year}-03-14T18:05:00.000Z`);
  });
});

test.describe('the admin', () => {
  test.use({ storageState: storageStateOf('admin') });

  test('reads the audit log of the workflow in words, filtered by kind of action and story', async ({ page, db, expectAccessible }) => {
    const headline = uniqueHeadline('خبر محجوب');
    const { id } = await createPublishedStory(db, headline);
    const [editor] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'editor@sahifa.test'));
    // As lib/stories/transitions.ts records a take-down (lib/audit/audit.int.test.ts checks that it does).
    await db.insert(auditLog).values({
      actorId: editor!.id,
      action: 'story.take_down',
      targetType: 'story',
      targetId: id,
      before: { editorialState: 'approved', publicationState: 'published' },
      after: { editorialState: 'approved', publicationState: 'taken_down', reason: 'اسم خاطئ في الفقرة الثانية' },
    });
    await page.goto('/newsroom/audit');
    await page.getByLabel('نوع الإجراء').selectOption({ label: 'حجب قصة' });
    await page.getByLabel('القصة (من عنوانها)').fill(headline);
    await page.getByRole('button', { name: 'تصفية' }).click();
    await expect(page).toHaveURL(/action=story.take_down/);
    const row = page.locator('tr[data-action="story.take_down"]');
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('cell', { name: 'حجب قصة', exact: true })).toBeVisible();
    await expect(row.getByRole('link', { name: headline })).toBeVisible();
    const change = row.getByRole('cell').nth(4);
    await expect(change).toContainText('حالة النشر: منشورة ← مسحوبة');
    await expect(change).toContainText('السبب: — ← اسم خاطئ في الفقرة الثانية');
    await expect(change).not.toContainText('{');
    await expect(change).not.toContainText('publicationState');
    await expect(row.getByRole('cell').first()).toHaveText(ARABIC_DIGITS);
    await expectAccessible(page);
    // Another kind of action finds nothing about this story.
    await page.getByLabel('نوع الإجراء').selectOption({ label: 'كل إجراءات روابط المشاركة' });
    await page.getByRole('button', { name: 'تصفية' }).click();
    await expect(page.getByText('لا توجد مدخلات مطابقة.')).toBeVisible();
  });
});
