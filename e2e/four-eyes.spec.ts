import type { Page } from '@playwright/test';
import { createStaff, TEST_PASSWORD } from '@/test/staff';
import { createPublishedStory, editorSettled, joinDeskOf, uniqueHeadline } from './data';
import { expect, test } from './fixtures';
import { newClient, signIn, storageStateOf } from './session';

// Strict four-eyes (on by default): an editor who changed what readers get
// since the last approval does not approve that change; a second editor does.

const panel = (page: Page) => page.getByTestId('workflow-panel');

test('an editor who edited a live story’s text cannot approve the change; a second editor can', async ({ browser, db, expectAccessible }) => {
  test.setTimeout(150_000);
  const headline = uniqueHeadline('خبر منشور يحتاج تصحيحًا');
  const { id } = await createPublishedStory(db, headline, ['بلغ العجز ثلاثة مليارات.']);
  const storyUrl = `/newsroom/stories/${id}`;

  // The demo editor corrects the live text and submits the update.
  const editor = await (await newClient(browser, { storageState: storageStateOf('editor') })).newPage();
  await editor.goto(storyUrl);
  await expect(editor.getByRole('textbox', { name: 'نص القصة' })).toHaveAttribute('contenteditable', 'true');
  await editor.getByRole('textbox', { name: 'نص القصة' }).click();
  await editor.keyboard.press('End');
  await editor.keyboard.type(' وقيل لاحقًا أربعة.');
  await editorSettled(editor);
  await editor.reload();
  await panel(editor).getByRole('button', { name: 'إرسال للمراجعة', exact: true }).click();
  await panel(editor).getByRole('button', { name: 'تنفيذ: إرسال للمراجعة' }).click();
  await expect(editor.getByText('تمّ: إرسال للمراجعة.', { exact: true }).first()).toBeVisible();

  // They may send it back, but approving is not theirs to do: no control for it.
  await editor.reload();
  await expect(panel(editor).getByRole('button', { name: 'إعادة للتعديل', exact: true })).toBeVisible();
  await expect(panel(editor).getByRole('button', { name: /^اعتماد/ })).toHaveCount(0);
  await expectAccessible(editor);

  // A second editor of the same desk approves it.
  const second = await createStaff(db, 'editor');
  await joinDeskOf(db, second.id);
  const reviewer = await (await newClient(browser)).newPage();
  await signIn(reviewer, second.email, TEST_PASSWORD);
  await reviewer.goto(storyUrl);
  await panel(reviewer).getByRole('button', { name: 'اعتماد', exact: true }).click();
  await expect(panel(reviewer).getByTestId('checklist').locator('[data-verdict]').first()).toBeVisible();
  const acknowledge = panel(reviewer).getByLabel('قرأت التنبيهات');
  if (await acknowledge.isVisible()) await acknowledge.check();
  await panel(reviewer).getByRole('button', { name: 'تنفيذ: اعتماد' }).click();
  await expect(reviewer.getByText('تمّ: اعتماد.', { exact: true }).first()).toBeVisible();
  await reviewer.reload();
  await expect(reviewer.getByText('معتمدة').first()).toBeVisible();
});
