import { eq } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import { stories } from '@/db/schema';
import { expect, test } from './fixtures';
import { chooseStep, reviewAgainAndPublish } from './newsroom-steps';
import { newClient, storageStateOf } from './session';
import { draftStory, editorSettled, uniqueHeadline } from './data';

// Every content field is reader-facing unless named otherwise (lib/stories/approval.ts):
// the language once slipped through, so an approved story could switch language and stay
// approved, and publishing kept the old one. Here, as a desk would try it.

const panel = (page: Page) => page.getByTestId('workflow-panel');

async function act(page: Page, action: string) {
  await chooseStep(page, action);
  // A bare story shows checklist warnings on approve and publish; the editor has read them.
  if (action === 'اعتماد' || action === 'نشر') {
    await expect(panel(page).getByTestId('checklist').locator('[data-verdict="warning"]').first()).toBeVisible();
    await panel(page).getByLabel('قرأت التنبيهات').check();
  }
  await panel(page).getByRole('button', { name: `تنفيذ: ${action}` }).click();
  await expect(page.getByText(`تمّ: ${action}.`, { exact: true }).first()).toBeVisible();
}

async function save(page: Page) {
  await editorSettled(page);
}

test('an approved story that changes language goes back to draft, and publishing gives readers the new lang, dir and subheadline', async ({ browser, db, request }) => {
  // On a loaded two-core machine it has taken 84 s.
  test.setTimeout(150_000);
  const writer = await (await newClient(browser, { storageState: storageStateOf('writer') })).newPage();
  const headline = uniqueHeadline('خبر بلغة');

  const storyUrl = await draftStory(writer, headline, 'A story written in English after all.');
  await act(writer, 'إرسال للمراجعة');
  // The writer is done: their tab leaves.
  await writer.context().close();

  const editor = await (await newClient(browser, { storageState: storageStateOf('editor') })).newPage();
  await editor.goto(storyUrl);
  await act(editor, 'اعتماد');
  await editor.reload();
  await expect(editor.getByText('معتمدة').first()).toBeVisible();

  // The language alone changes: the approval no longer covers the copy.
  await expect(editor.getByRole('textbox', { name: 'نص القصة' })).toHaveAttribute('contenteditable', 'true');
  await editor.getByLabel('لغة القصة').selectOption('en');
  await editor.getByLabel('العنوان الفرعي').fill('A second line under the headline');
  await save(editor);
  await editor.reload();
  await expect(editor.getByText('مسودة').first()).toBeVisible();
  await expect(panel(editor).getByRole('button', { name: 'نشر', exact: true })).toHaveCount(0);

  // Approved again, by someone who did not make the change (strict four-eyes), it publishes with the new language.
  await reviewAgainAndPublish(browser, editor, storyUrl, act);

  const id = storyUrl.split('/').at(-1) as string;
  const [row] = await db.select({ slug: stories.slug }).from(stories).where(eq(stories.id, id));
  await editor.goto(`/technology/${encodeURIComponent(row!.slug!)}`);
  const article = editor.locator('article');
  await expect(article).toHaveAttribute('lang', 'en');
  await expect(article).toHaveAttribute('dir', 'ltr');
  await expect(article.getByTestId('subheadline')).toHaveText('A second line under the headline');
  const ld = JSON.parse((await editor.locator('script[type="application/ld+json"]').first().textContent()) ?? '{}') as Record<string, unknown>;
  expect(ld).toMatchObject({ inLanguage: 'en', alternativeHeadline: 'A second line under the headline' });
  expect((await request.get(`/technology/${encodeURIComponent(row!.slug!)}`)).status()).toBe(200);
});
