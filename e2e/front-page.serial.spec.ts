import { createPublishedStory, uniqueHeadline } from './data';
import { expect, test } from './fixtures';
import { newClient, storageStateOf } from './session';

// Serial: the front page is one for the whole site.

test('pinning a lead on /newsroom/front changes the home page at once, and unpinning restores it', async ({ browser, db, expectAccessible }) => {
  const lead = uniqueHeadline('خبر رئيسي مثبّت');
  const second = uniqueHeadline('خبر بارز ثانٍ');
  const { id: leadId } = await createPublishedStory(db, lead);
  const { id: secondId } = await createPublishedStory(db, second);
  const editor = await (await newClient(browser, { storageState: storageStateOf('editor') })).newPage();
  const reader = await (await newClient(browser)).newPage();

  // Wait for the save's own answer, or the reader may reload before it has expired the cached home page.
  const save = async () => {
    const answered = editor.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/newsroom/front');
    await editor.getByRole('button', { name: 'احفظ الصفحة الأولى' }).click();
    await answered;
    await expect(editor.getByText('حُفظت: يرى القرّاء الصفحة الأولى الجديدة الآن.')).toBeVisible();
  };

  await editor.goto('/newsroom/front');
  await expectAccessible(editor);
  await editor.getByLabel('الخبر الرئيسي').selectOption(leadId);
  await editor.getByLabel('أضف خبرًا بارزًا').selectOption(secondId);
  await save();

  await reader.goto('/');
  await expect(reader.getByTestId('lead-story')).toContainText(lead);
  await expect(reader.getByTestId('top-stories')).toContainText(second);

  // Unpinned, the newest story leads again. Until it is saved, the page no longer says «saved».
  await editor.getByLabel('الخبر الرئيسي').selectOption('');
  await expect(editor.getByText('حُفظت: يرى القرّاء الصفحة الأولى الجديدة الآن.')).toBeHidden();
  await expect(editor.getByText('تغييرات لم تُحفظ بعد: لا يراها القرّاء قبل الحفظ.')).toBeVisible();
  await editor.getByRole('button', { name: `أزِل: ${second}` }).click();
  await save();
  await reader.reload();
  await expect(reader.getByTestId('top-stories')).toHaveCount(0);
});
