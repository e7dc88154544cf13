import type { Page } from '@playwright/test';
import { createStaff, TEST_PASSWORD } from '@/test/staff';
import { editorSettled, joinDeskOf, uniqueHeadline } from './data';
import { expect, test } from './fixtures';
import { chooseStep } from './newsroom-steps';
import { newClient, signIn } from './session';

// The desk in two browsers: a writer and an editor made for this test alone
// (other specs submit stories too, and a submission with no reviewer goes to
// every editor, so the demo editor's bell is not ours to count).

const panel = (page: Page) => page.getByTestId('workflow-panel');
const unread = async (page: Page) => Number(await page.getByTestId('notification-bell').getAttribute('data-unread'));

async function act(page: Page, action: string, reason?: string) {
  await chooseStep(page, action);
  if (reason) await panel(page).getByLabel('السبب').fill(reason);
  await panel(page).getByRole('button', { name: `تنفيذ: ${action}` }).click();
  await expect(page.getByText(`تمّ: ${action}.`, { exact: true }).first()).toBeVisible();
}

test('a submission rings the editor’s bell without a reload; taken, it awaits their review; sent back, the writer sees why', async ({ browser, db, expectAccessible }) => {
  test.setTimeout(120_000);
  const [writerUser, editorUser] = [await createStaff(db, 'writer'), await createStaff(db, 'editor')];
  // The story goes to «تكنولوجيا»: its desk's editors hear of it and may review it.
  await joinDeskOf(db, editorUser.id);
  const writer = await (await newClient(browser)).newPage();
  const editor = await (await newClient(browser)).newPage();
  await signIn(writer, writerUser.email, TEST_PASSWORD);
  await signIn(editor, editorUser.email, TEST_PASSWORD);
  const headline = uniqueHeadline('خبر المكتب');
  const reason = 'أضف رأي الطرف الآخر';

  // The editor waits on the dashboard; a mark on the window tells us later that it was never reloaded.
  await editor.goto('/newsroom');
  const bell = editor.getByTestId('notification-bell');
  await expect(bell).toBeVisible();
  const before = await unread(editor);
  await editor.evaluate(() => Object.assign(window, { deskNotReloaded: true }));

  // 1. The writer drafts and submits.
  await writer.goto('/newsroom/stories');
  await writer.getByRole('button', { name: 'قصة جديدة' }).click();
  await expect(writer).toHaveURL(/\/newsroom\/stories\/[0-9a-f-]{36}$/);
  const storyUrl = new URL(writer.url()).pathname;
  await writer.getByLabel('العنوان', { exact: true }).fill(headline);
  await writer.getByLabel('القسم').selectOption({ label: 'تكنولوجيا' });
  await writer.getByRole('textbox', { name: 'نص القصة' }).click();
  await writer.keyboard.type('نص يحتاج إلى رأي ثانٍ.');
  await editorSettled(writer);
  await act(writer, 'إرسال للمراجعة');
  // Before anyone takes it, it waits among the unassigned.
  await writer.goto(`/newsroom/stories?queue=unassigned&q=${encodeURIComponent(headline)}`);
  await expect(writer.getByRole('link', { name: headline })).toBeVisible();

  // 2. The editor's bell rises by polling, with no reload, and names the story.
  await expect.poll(() => unread(editor), { timeout: 25_000, intervals: [1_000] }).toBeGreaterThan(before);
  await expect(bell).toHaveAccessibleName(/^الإشعارات، /);
  expect(await editor.evaluate(() => (window as unknown as { deskNotReloaded?: boolean }).deskNotReloaded)).toBe(true);
  await bell.click();
  const notice = editor.getByRole('link', { name: `أرسل ${writerUser.displayName} «${headline}» للمراجعة` });
  await expect(notice).toBeVisible();
  await expectAccessible(editor);

  // 3. The editor follows it and takes the review.
  await notice.click();
  await expect(editor).toHaveURL(new RegExp(`${storyUrl}$`));
  const assignment = editor.getByTestId('assignment-panel');
  await expect(assignment.getByTestId('assignee')).toHaveText('لا مراجِع بعد.');
  await assignment.getByRole('button', { name: 'سأراجعها' }).click();
  await expect(assignment.getByTestId('assignee')).toHaveText(`أُسندت المراجعة إلى ${editorUser.displayName}.`);

  // 4. It moves to "awaiting my review", and out of the unassigned.
  await editor.goto('/newsroom');
  const awaiting = editor.getByTestId('queue-awaiting_review');
  await expect(awaiting.getByRole('link', { name: headline })).toBeVisible();
  await expect(awaiting.getByTestId('queue-count')).toHaveAttribute('data-count', '1');
  await expect(editor.getByTestId('next-step')).toContainText('قصة واحدة بانتظار مراجعتك.');
  await expectAccessible(editor);
  await editor.goto(`/newsroom/stories?queue=unassigned&q=${encodeURIComponent(headline)}`);
  await expect(editor.getByRole('link', { name: headline })).toHaveCount(0);

  // 5. The editor sends it back with a reason.
  await editor.goto(storyUrl);
  await act(editor, 'إعادة للتعديل', reason);

  // 6. The writer's dashboard has it under "sent back to me", with the reason, and says what to do next.
  await writer.goto('/newsroom');
  const sentBack = writer.getByTestId('queue-sent_back');
  await expect(sentBack.getByRole('link', { name: headline })).toBeVisible();
  await expect(sentBack.getByTestId('send-back-reason')).toHaveText(reason);
  await expect(writer.getByTestId('next-step')).toContainText('أُعيدت إليك قصة: عدّلها وأعد إرسالها.');
  // A writer reviews nothing: no review queues.
  await expect(writer.getByTestId('queue-awaiting_review')).toHaveCount(0);
  await expect(writer.getByTestId('queue-unassigned')).toHaveCount(0);
  await expectAccessible(writer);

  // 7. The writer's bell carries the send-back; marking all read empties it.
  const writerBell = writer.getByTestId('notification-bell');
  await expect(writerBell).toHaveAttribute('data-unread', '1');
  await expect(writerBell).toHaveAccessibleName('الإشعارات، واحد غير مقروء');
  await writerBell.click();
  await expect(writer.getByRole('link', { name: `غير مقروء: أعاد ${editorUser.displayName} «${headline}» إليك` })).toBeVisible();
  await writer.getByRole('button', { name: 'علِّم الكل مقروءًا' }).click();
  await expect(writerBell).toHaveAttribute('data-unread', '0');
  await expect(writerBell).toHaveAccessibleName('الإشعارات، لا جديد');
});
