import { eq } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import { desks, sections, stories } from '@/db/schema';
import { paragraphsToDoc, toPlainText } from '@/lib/content/document';
import { QUEUE_IDS } from '@/lib/desk/queue-ids';
import { editorSettled, uniqueHeadline } from './data';
import { expect, test } from './fixtures';
import { chooseStep } from './newsroom-steps';
import { newClient, storageStateOf } from './session';

// Desks, as an admin sets them up and a newsroom works them. It makes
// «رياضة», puts it first in the navigation and moves its slug, which every
// reader page shows, so it runs alone.

const panel = (page: Page) => page.getByTestId('workflow-panel');
const sectionRow = (page: Page, name: string) => page.getByTestId('section-row').filter({ has: page.getByRole('heading', { name, exact: true }) });

async function act(page: Page, action: string) {
  await chooseStep(page, action);
  if (action === 'اعتماد' || action === 'نشر') {
    await expect(panel(page).getByTestId('checklist').locator('[data-verdict="warning"]').first()).toBeVisible();
    await panel(page).getByLabel('قرأت التنبيهات').check();
  }
  await panel(page).getByRole('button', { name: `تنفيذ: ${action}` }).click();
  await expect(page.getByText(`تمّ: ${action}.`, { exact: true }).first()).toBeVisible();
}

test('an admin makes «رياضة», a sport desk and its editor; only the sport desk reviews and publishes its stories', async ({ browser, db, request, expectAccessible }) => {
  // Four browsers and many server round trips on two busy cores.
  test.setTimeout(420_000);
  const admin = await (await newClient(browser, { storageState: storageStateOf('admin') })).newPage();

  // 1. The section, first in the reader's navigation.
  await admin.goto('/newsroom/sections');
  const creating = admin.getByRole('region', { name: 'قسم جديد' });
  await creating.getByLabel('الاسم').fill('رياضة');
  await creating.getByRole('button', { name: 'إنشاء القسم' }).click();
  await expect(creating.getByText('حُفظ.')).toBeVisible();
  await admin.reload();
  while ((await sectionRow(admin, 'رياضة').getByRole('form', { name: 'تقديم رياضة' }).count()) > 0) {
    const before = await admin.getByTestId('section-row').first().textContent();
    await sectionRow(admin, 'رياضة').getByRole('button', { name: 'تقديم' }).click();
    await expect(admin.getByTestId('section-row').first()).not.toHaveText(before ?? '');
  }

  // 2. The sport editor: invited by the admin, who sets a password and signs in.
  const editorName = uniqueHeadline('محرر الرياضة');
  const editorEmail = `sport-${Date.now().toString(36)}@sahifa.test`;
  await admin.goto('/newsroom/users/new');
  await admin.getByLabel('الاسم كما يظهر').fill(editorName);
  await admin.getByLabel('البريد', { exact: true }).fill(editorEmail);
  await admin.getByLabel('الدور').selectOption({ label: 'محرر' });
  await admin.getByRole('button', { name: 'إنشاء الحساب والدعوة' }).click();
  const invitation = new URL(await admin.getByTestId('one-time-link').inputValue()).pathname;
  const sportEditor = await (await newClient(browser)).newPage();
  await sportEditor.goto(invitation);
  const password = 'ملاعب وصافرات وأهداف متأخرة';
  await sportEditor.getByLabel('كلمة المرور الجديدة').fill(password);
  await sportEditor.getByLabel('أعد كتابة كلمة المرور').fill(password);
  await sportEditor.getByRole('button', { name: 'حفظ كلمة المرور' }).click();
  await expect(sportEditor).toHaveURL(/\/login\?passwordSet=1/);
  await sportEditor.getByLabel('كلمة المرور', { exact: true }).fill(password);
  await sportEditor.getByRole('button', { name: 'دخول' }).click();
  await expect(sportEditor).toHaveURL(/\/newsroom$/);

  // 3. The desk. Bad input first: each refusal in the UI language, and nothing saved.
  await admin.goto('/newsroom/desks');
  await expectAccessible(admin);
  const deskCount = async () => (await db.select({ id: desks.id }).from(desks)).length;
  const before = await deskCount();
  const newDesk = admin.getByRole('region', { name: 'مكتب جديد' });
  await newDesk.getByRole('button', { name: 'إنشاء المكتب' }).click();
  await expect(newDesk.getByText('هذا الحقل مطلوب.')).toBeVisible();
  await expect(newDesk.getByText('اختر قسمًا واحدًا على الأقل لهذا المكتب.')).toBeVisible();
  await newDesk.getByLabel('اسم المكتب').fill('مكتب\u202Eالرياضة');
  await newDesk.getByRole('checkbox', { name: /^رياضة/ }).check();
  await newDesk.getByRole('button', { name: 'إنشاء المكتب' }).click();
  await expect(newDesk.getByText('يحتوي النص على محارف تحكّم أو محارف اتجاه خفية؛ احذفها.')).toBeVisible();
  expect(await deskCount()).toBe(before);
  // The admin's choices survive the refusal.
  await expect(newDesk.getByRole('checkbox', { name: /^رياضة/ })).toBeChecked();
  await newDesk.getByLabel('اسم المكتب').fill('مكتب الرياضة');
  await newDesk.getByRole('checkbox', { name: editorName }).check();
  await newDesk.getByRole('button', { name: 'إنشاء المكتب' }).click();
  await expect(newDesk.getByText('حُفظ.')).toBeVisible();
  const sportDesk = admin.getByTestId('desk-row').filter({ has: admin.getByRole('heading', { name: 'مكتب الرياضة', exact: true }) });
  await expect(sportDesk.getByText('الأقسام: رياضة')).toBeVisible();
  await expect(sportDesk.getByText(`المحررون: ${editorName}`)).toBeVisible();
  await expectAccessible(admin);

  // 3b. The desk keeps its only section: archiving or deleting «رياضة» is refused with what to do, and nothing changes.
  await admin.goto('/newsroom/sections');
  const retiring = sectionRow(admin, 'رياضة');
  await retiring.getByText('أرشفة رياضة أو دمجه أو حذفه').click();
  for (const [form, button] of [['أرشفة رياضة', 'أرشفة'], ['حذف رياضة', 'حذف']]) {
    const control = retiring.getByRole('form', { name: form });
    await control.getByRole('button', { name: button, exact: true }).click();
    await expect(control.getByText('هذا آخر قسم لمكتبه، والمكتب لا يبقى بلا قسم: أعطِ المكتب قسمًا آخر في صفحة المكاتب أو احذف المكتب أولًا.')).toBeVisible();
  }
  const [kept] = await db.select({ archivedAt: sections.archivedAt, deskId: sections.deskId }).from(sections).where(eq(sections.name, 'رياضة'));
  expect(kept?.archivedAt).toBeNull();
  expect(kept?.deskId).not.toBeNull();

  // 4. A writer files a sport story.
  const writerContext = await newClient(browser, { storageState: storageStateOf('writer') });
  const writer = await writerContext.newPage();
  const headline = uniqueHeadline('الفريق يتأهل إلى النهائي');
  await writer.goto('/newsroom/stories');
  await writer.getByRole('button', { name: 'قصة جديدة' }).click();
  await expect(writer).toHaveURL(/\/newsroom\/stories\/[0-9a-f-]{36}$/);
  const storyUrl = new URL(writer.url()).pathname;
  const storyId = storyUrl.split('/').at(-1) as string;
  await writer.getByLabel('العنوان', { exact: true }).fill(headline);
  await writer.getByLabel('القسم').selectOption({ label: 'رياضة' });
  await writer.getByRole('textbox', { name: 'نص القصة' }).click();
  await writer.keyboard.type('تأهل الفريق بعد مباراة صعبة.');
  await editorSettled(writer);
  await act(writer, 'إرسال للمراجعة');
  await writerContext.close();

  // 5. The technology editor sees it in no queue, has no control to approve it, and a forged approval is refused.
  const techEditor = await (await newClient(browser, { storageState: storageStateOf('editor') })).newPage();
  await techEditor.goto('/newsroom');
  await expect(techEditor.getByTestId('queue-unassigned')).toBeVisible();
  await expect(techEditor.getByRole('link', { name: headline })).toHaveCount(0);
  for (const queue of QUEUE_IDS) {
    await techEditor.goto(`/newsroom/stories?queue=${queue}&q=${encodeURIComponent(headline)}`);
    await expect(techEditor.getByRole('link', { name: headline }), queue).toHaveCount(0);
  }
  await techEditor.goto(storyUrl);
  await expect(panel(techEditor)).toBeVisible();
  await expect(panel(techEditor).getByRole('button', { name: 'اعتماد', exact: true })).toHaveCount(0);
  await expect(panel(techEditor).getByRole('button', { name: 'نشر', exact: true })).toHaveCount(0);
  // The same action from a technology story's form, with the sport story's id put in: the DAL refuses it.
  const [technology] = await db.select({ id: sections.id }).from(sections).where(eq(sections.slug, 'technology'));
  const ownHeadline = uniqueHeadline('خبر تقني قيد المراجعة');
  const body = paragraphsToDoc(['نص الخبر التقني.']);
  const [own] = await db
    .insert(stories)
    .values({ headline: ownHeadline, slug: `tech-review-${Date.now().toString(36)}`, sectionId: technology!.id, body, plainText: toPlainText(body), editorialState: 'in_review' })
    .returning({ id: stories.id });
  await techEditor.goto(`/newsroom/stories/${own!.id}`);
  await panel(techEditor).getByRole('button', { name: 'اعتماد', exact: true }).click();
  await expect(panel(techEditor).getByTestId('checklist').locator('[data-verdict="warning"]').first()).toBeVisible();
  await panel(techEditor).getByLabel('قرأت التنبيهات').check();
  await panel(techEditor).locator('input[name="storyId"]').evaluate((input, id) => ((input as HTMLInputElement).value = id), storyId);
  await panel(techEditor).getByRole('button', { name: 'تنفيذ: اعتماد' }).click();
  await expect(techEditor.getByText('هذه القصة من مكتب لست عضوًا فيه؛ يتولاها محررو مكتبها.').first()).toBeVisible();
  const [still] = await db.select({ state: stories.editorialState }).from(stories).where(eq(stories.id, storyId));
  expect(still?.state).toBe('in_review');

  // 6. The sport editor finds it in their queue, approves and publishes it.
  await sportEditor.goto('/newsroom');
  await expect(sportEditor.getByTestId('queue-unassigned').getByRole('link', { name: headline })).toBeVisible();
  await expectAccessible(sportEditor);
  await sportEditor.getByTestId('queue-unassigned').getByRole('link', { name: headline }).click();
  await expect(sportEditor).toHaveURL(new RegExp(`${storyUrl}$`));
  await act(sportEditor, 'اعتماد');
  await sportEditor.reload();
  await act(sportEditor, 'نشر');

  // 7. Readers find it under /رياضة, first in the navigation as the admin set it.
  const [row] = await db.select({ slug: stories.slug }).from(stories).where(eq(stories.id, storyId));
  const oldArticle = `/${encodeURIComponent('رياضة')}/${encodeURIComponent(row!.slug!)}`;
  const reader = await (await newClient(browser)).newPage();
  await reader.goto('/');
  expect((await reader.getByRole('navigation', { name: 'الأقسام' }).getByRole('link').allTextContents()).slice(0, 2)).toEqual(['الرئيسية', 'رياضة']);
  await reader.goto(`/${encodeURIComponent('رياضة')}`);
  await expect(reader.getByRole('link', { name: headline })).toBeVisible();
  expect((await request.get(oldArticle)).status()).toBe(200);

  // 8. The admin moves the section's slug: the old article URL answers 308 to the new one.
  await admin.goto('/newsroom/sections');
  const sport = sectionRow(admin, 'رياضة');
  await sport.getByText('تعديل رياضة').click();
  await sport.getByLabel('الرابط').fill('sport');
  await sport.getByRole('button', { name: 'حفظ' }).click();
  await expect(admin.getByRole('link', { name: '/sport' })).toBeVisible();
  const moved = await request.get(oldArticle, { maxRedirects: 0 });
  expect(moved.status()).toBe(308);
  expect(moved.headers().location).toBe(`/sport/${encodeURIComponent(row!.slug!)}`);
  expect((await request.get(`/sport/${encodeURIComponent(row!.slug!)}`)).status()).toBe(200);
});
