import { eq } from 'drizzle-orm';
import { shareLinks } from '@/db/schema';
import { createPublishedStory, editorSettled, uniqueHeadline } from './data';
import { expect, test } from './fixtures';
import { newClient, storageStateOf } from './session';

// Nobody publishes what they have not seen as readers will: the preview is
// the reader page itself, and a share link shows it to someone outside.

test('the preview renders a story exactly as its published page does', async ({ browser, db, expectAccessible }) => {
  const headline = uniqueHeadline('معاينة مطابقة');
  const { id, slug } = await createPublishedStory(db, headline, ['الفقرة الأولى من الخبر.', 'الفقرة الثانية، مع رقم ٤٢ وكلمة OpenAI.']);
  const editor = await (await newClient(browser, { storageState: storageStateOf('editor') })).newPage();

  const response = await editor.goto(`/preview/${id}`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['x-robots-tag']).toBe('noindex, nofollow');
  await expect(editor.getByTestId('preview-banner')).toContainText('معاينة: غير منشورة');
  await expect(editor.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  const preview = await editor.locator('article').evaluate((element) => element.outerHTML);

  const reader = await (await newClient(browser)).newPage();
  await reader.goto(`/technology/${encodeURIComponent(slug)}`);
  const published = await reader.locator('article').evaluate((element) => element.outerHTML);
  expect(preview).toBe(published);
  await expectAccessible(editor);

  // Signed out, the preview is not there to see.
  const anonymous = await (await newClient(browser)).newPage();
  await anonymous.goto(`/preview/${id}`);
  await expect(anonymous).toHaveURL(/\/login/);
});

test('a share link opens signed out, and is refused after revocation and after expiry', async ({ browser, db, expectAccessible }) => {
  const editor = await (await newClient(browser, { storageState: storageStateOf('editor') })).newPage();
  await editor.goto('/newsroom/stories');
  await editor.getByRole('button', { name: 'قصة جديدة' }).click();
  await expect(editor).toHaveURL(/\/newsroom\/stories\/[0-9a-f-]{36}$/);
  const headline = uniqueHeadline('مسودة للمحامي');
  await editor.getByLabel('العنوان', { exact: true }).fill(headline);
  await editor.getByRole('textbox', { name: 'نص القصة' }).click();
  await editor.keyboard.type('نص يراجعه المحامي قبل النشر.');
  await editorSettled(editor);

  const panel = editor.getByTestId('share-panel');
  const share = async () => {
    await panel.getByLabel('صالح لمدة').selectOption({ label: 'يوم واحد' });
    await panel.getByRole('button', { name: 'أنشئ رابطًا' }).click();
    await expect(panel.getByText('أُنشئ الرابط: انسخه من الأسفل.')).toBeVisible();
    const url = await panel.getByTestId('share-link').first().getByLabel('رابط المشاركة').inputValue();
    expect(url).toMatch(/\/share\/[0-9a-f-]{36}\.\d+\.[\w-]+$/);
    return url;
  };

  // Opened by someone with no account: the working copy, read-only, marked, never indexed.
  const url = await share();
  await expect(panel.getByTestId('share-link').first()).toContainText(/أنشأه عمر الفاروق/);
  const outsider = await (await newClient(browser)).newPage();
  const opened = await outsider.goto(url);
  expect(opened?.status()).toBe(200);
  expect(opened?.headers()['referrer-policy']).toBe('no-referrer');
  await expect(outsider.getByRole('heading', { level: 1 })).toHaveText(headline);
  await expect(outsider.getByTestId('preview-banner')).toBeVisible();
  await expectAccessible(outsider);

  // Revoked: the same URL is a 404.
  await panel.getByTestId('share-link').first().getByRole('button', { name: 'ألغِ الرابط' }).click();
  await expect(panel.getByTestId('share-link').first()).toContainText('أُلغي');
  expect((await outsider.goto(url))?.status()).toBe(404);

  // Expired: a new link, whose time runs out, is a 404 too.
  const second = await share();
  const linkId = second.split('/share/')[1]!.split('.')[0]!;
  expect((await outsider.goto(second))?.status()).toBe(200);
  await db.update(shareLinks).set({ expiresAt: new Date(Date.now() - 1_000) }).where(eq(shareLinks.id, linkId));
  expect((await outsider.goto(second))?.status()).toBe(404);
});
