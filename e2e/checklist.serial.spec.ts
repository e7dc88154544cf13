import { eq } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import { settings, stories } from '@/db/schema';
import { expect, test } from './fixtures';
import { editorSettled, uniqueHeadline } from './data';
import { newClient, storageStateOf } from './session';

// Serial: it changes the site-wide checklist rules, which every other spec's
// approvals and publications read. It puts the defaults back at the end.

const panel = (page: Page) => page.getByTestId('workflow-panel');

async function setTagsRule(admin: Page, severity: 'مانع' | 'تنبيه') {
  await admin.goto('/newsroom/settings');
  await admin.getByRole('radiogroup', { name: 'الوسوم' }).getByLabel(severity).check();
  await admin.getByRole('button', { name: 'حفظ قائمة التحقق' }).click();
  await expect(admin.getByText('حُفظت قائمة التحقق، وتسري من الخطوة التالية.')).toBeVisible();
}

test.afterAll(async ({ db }) => {
  // However the test ended, later runs on this database start from the defaults.
  await db.update(settings).set({ checklist: {} }).where(eq(settings.id, 1));
});

test('a blocker set in the settings stops publishing, and the refusal names the item', async ({ browser, db, request, expectAccessible }) => {
  test.setTimeout(120_000);
  const editor = await (await newClient(browser, { storageState: storageStateOf('editor') })).newPage();
  const admin = await (await newClient(browser, { storageState: storageStateOf('admin') })).newPage();

  // 1. The editor drafts a complete story but for its tags, and submits it.
  await editor.goto('/newsroom/stories');
  await editor.getByRole('button', { name: 'قصة جديدة' }).click();
  await expect(editor).toHaveURL(/\/newsroom\/stories\/[0-9a-f-]{36}$/);
  const storyUrl = new URL(editor.url()).pathname;
  const id = storyUrl.split('/').at(-1) as string;
  await editor.getByLabel('العنوان', { exact: true }).fill(uniqueHeadline('خطة لتحلية مياه البحر'));
  await editor.getByLabel('المقدمة', { exact: true }).fill('تبدأ الوزارة التنفيذ العام المقبل، وتقول إن الكلفة ستنخفض مع توسع المحطات الجديدة.');
  await editor.getByLabel('القسم').selectOption({ label: 'تكنولوجيا' });
  await editor.getByRole('textbox', { name: 'نص القصة' }).click();
  await editor.keyboard.type('أعلنت الوزارة خطة جديدة لتحلية مياه البحر في المدن الساحلية.');
  await editorSettled(editor);
  await panel(editor).getByRole('button', { name: 'إرسال للمراجعة', exact: true }).click();
  await panel(editor).getByRole('button', { name: 'تنفيذ: إرسال للمراجعة' }).click();
  await expect(editor.getByText('تمّ: إرسال للمراجعة.', { exact: true }).first()).toBeVisible();

  // 2. The admin approves: the missing tags are a warning, acknowledged before confirming.
  await admin.goto(storyUrl);
  await panel(admin).getByRole('button', { name: 'اعتماد', exact: true }).click();
  const approveList = panel(admin).getByTestId('checklist');
  await expect(approveList.locator('[data-verdict="warning"]')).toHaveCount(1);
  await expect(approveList.locator('[data-verdict="warning"]')).toContainText('القصة بلا وسوم.');
  await expect(approveList.locator('[data-verdict="blocker"]')).toHaveCount(0);
  await expect(panel(admin).getByRole('button', { name: 'تنفيذ: اعتماد' })).toBeDisabled();
  await panel(admin).getByLabel('قرأت التنبيهات').check();
  await panel(admin).getByRole('button', { name: 'تنفيذ: اعتماد' }).click();
  await expect(admin.getByText('تمّ: اعتماد.', { exact: true }).first()).toBeVisible();

  // 3. The editor starts to publish, with tags still a warning, and acknowledges it.
  await editor.reload();
  await panel(editor).getByRole('button', { name: 'نشر', exact: true }).click();
  await expect(panel(editor).getByTestId('checklist').locator('[data-verdict="warning"]')).toContainText('القصة بلا وسوم.');
  await panel(editor).getByLabel('قرأت التنبيهات').check();

  // 4. Meanwhile the admin makes "at least one tag" a blocker.
  await admin.goto('/newsroom/settings');
  await expectAccessible(admin);
  await setTagsRule(admin, 'مانع');
  await expectAccessible(admin);

  // 5. The editor's confirmation reaches the DAL, which refuses, naming the item.
  await panel(editor).getByRole('button', { name: 'تنفيذ: نشر' }).click();
  await expect(panel(editor).getByRole('alert')).toHaveText('لا يمكن النشر: القصة بلا وسوم.');
  const [row] = await db.select({ slug: stories.slug, publicationState: stories.publicationState }).from(stories).where(eq(stories.id, id));
  expect(row?.publicationState).toBe('unpublished');
  expect((await request.get(`/technology/${encodeURIComponent(row!.slug!)}`)).status()).toBe(404);

  // 6. Opened again, the step shows the blocker and cannot be confirmed; it says why.
  await panel(editor).getByRole('button', { name: 'نشر', exact: true }).click();
  await expect(panel(editor).getByTestId('checklist').locator('[data-verdict="blocker"]')).toContainText('القصة بلا وسوم.');
  await expect(panel(editor).locator('#checklist-blocked')).toHaveText('لا يمكن النشر: القصة بلا وسوم.');
  await expect(panel(editor).getByRole('button', { name: 'تنفيذ: نشر' })).toBeDisabled();
  await expect(panel(editor).getByLabel('قرأت التنبيهات')).toHaveCount(0);
  await expectAccessible(editor);

  // 7. The default back, the warning is acknowledged and the story goes out.
  await setTagsRule(admin, 'تنبيه');
  await editor.reload();
  await panel(editor).getByRole('button', { name: 'نشر', exact: true }).click();
  await expect(panel(editor).getByTestId('checklist').locator('[data-verdict="blocker"]')).toHaveCount(0);
  await panel(editor).getByLabel('قرأت التنبيهات').check();
  await panel(editor).getByRole('button', { name: 'تنفيذ: نشر' }).click();
  await expect(editor.getByText('تمّ: نشر.', { exact: true }).first()).toBeVisible();
  expect((await request.get(`/technology/${encodeURIComponent(row!.slug!)}`)).status()).toBe(200);
});
