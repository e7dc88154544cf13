import { eq } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import { stories } from '@/db/schema';
import { expect, test } from './fixtures';
import { editorSettled } from './data';
import { newClient, storageStateOf } from './session';

test.use({ storageState: storageStateOf('writer') });

async function newStory(page: Page): Promise<string> {
  await page.goto('/newsroom/stories');
  await page.getByRole('button', { name: 'قصة جديدة' }).click();
  await expect(page).toHaveURL(/\/newsroom\/stories\/[0-9a-f-]{36}$/);
  await expect(body(page)).toHaveAttribute('contenteditable', 'true');
  return page.url().split('/').at(-1) as string;
}

const body = (page: Page) => page.getByRole('textbox', { name: 'نص القصة' });

/** Pastes HTML into the story text as a browser would from the clipboard. */
async function pasteHtml(page: Page, html: string) {
  await page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData('text/html', pasted);
    data.setData('text/plain', 'plain');
    document.querySelector('.ProseMirror.article-body')?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

async function save(page: Page) {
  await editorSettled(page);
}

test('Arabic with Latin runs is typed, saved and comes back exactly after a reload', async ({ page, db, expectAccessible }) => {
  await page.goto('/newsroom/stories');
  await expectAccessible(page);
  const id = await newStory(page);
  await expectAccessible(page);

  const paragraphs = [
    'فبحسب صحيفة فايننشال تايمز، تستعد شركة الاستثمار اليابانية لضخ ما بين 15 و25 مليار دولار في OpenAI.',
    'هذا التطور دفع كلًا من مايكروسوفت وOpenAI إلى فتح تحقيق حول DeepSeek ونموذجها R1.',
    'بعد الطرح الناجح لأسهم ARM Holdings، وخسائر WeWork، يبدو Stargate أكبر رهان.',
  ];
  await page.getByLabel('العنوان', { exact: true }).fill('سوفت بنك تخطط لاستثمار ضخم في OpenAI');
  await expect(page.getByText('٣٦ / ٢٥٠')).toBeVisible();
  await body(page).click();
  for (const [index, paragraph] of paragraphs.entries()) {
    if (index > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(paragraph);
  }
  await save(page);

  await page.reload();
  await expect(body(page).locator('p')).toHaveText(paragraphs);
  await expect(page.getByLabel('العنوان', { exact: true })).toHaveText('سوفت بنك تخطط لاستثمار ضخم في OpenAI');
  await expect(page.getByLabel('معرّف الرابط')).toHaveValue('سوفت-بنك-تخطط-لاستثمار-ضخم-في-openai');
  const [row] = await db.select({ plainText: stories.plainText, version: stories.version }).from(stories).where(eq(stories.id, id));
  expect(row?.plainText).toBe(paragraphs.join('\n\n'));
  // Stored from the shared document, with no save: a new version.
  expect(row?.version).toBeGreaterThanOrEqual(2);
  await expect(page.getByText(/^[٠-٩]+ كلمة/)).toBeVisible();
});

test('forcing a block left to right persists in the JSON and after a reload', async ({ page, db }) => {
  const id = await newStory(page);
  await body(page).click();
  await page.keyboard.type('فقرة عربية أولى');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- a quoted English line, 2026');
  await page.getByRole('button', { name: 'من اليسار إلى اليمين' }).click();
  await expect(page.getByRole('button', { name: 'من اليسار إلى اليمين' })).toHaveAttribute('aria-pressed', 'true');
  await save(page);

  const [row] = await db.select({ body: stories.body }).from(stories).where(eq(stories.id, id));
  expect(row?.body.content?.map((block) => block.attrs?.dir ?? null)).toEqual([null, 'ltr']);
  await page.reload();
  await expect(body(page).locator('p').nth(1)).toHaveAttribute('dir', 'ltr');
  // Unforced, a block reads in the direction of its dominant script, stored with it.
  await expect(body(page).locator('p').nth(0)).toHaveAttribute('dir', 'rtl');
});

/** Ctrl+S: a checkpoint of the story in its history, once everything typed is stored. */
async function checkpoint(page: Page) {
  await editorSettled(page);
  const answered = page.waitForResponse((response) => response.url().endsWith('/checkpoint') && response.request().method() === 'POST');
  await body(page).press('Control+s');
  expect((await answered).status()).toBe(200);
  await expect(page.getByText('حُفظت نسخة من القصة في سجلّها.').last()).toBeVisible();
}

test('Ctrl+S takes checkpoints; history shows a word diff and restores one as a new change', async ({ page, expectAccessible }) => {
  await newStory(page);
  await page.getByLabel('العنوان', { exact: true }).fill('العنوان الأول');
  await body(page).click();
  await page.keyboard.type('سوفت بنك تخطط لاستثمار ضخم');
  await checkpoint(page);
  await page.getByLabel('العنوان', { exact: true }).fill('العنوان الثاني');
  await body(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' في OpenAI');
  await checkpoint(page);

  await page.getByRole('link', { name: 'السجل' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('سجل القصة');
  await expect(page.locator('[data-diff="changed"] ins')).toContainText(['OpenAI']);
  await expect(page.getByRole('definition').filter({ hasText: 'العنوان الثاني' })).toBeVisible();
  await expectAccessible(page);

  // Restore the first checkpoint (the oldest «حفظ يدوي» row).
  const checkpoints = page.getByRole('row').filter({ has: page.getByRole('cell', { name: /^حفظ يدوي · [٠-٩]+$/ }) });
  await expect(checkpoints).toHaveCount(2);
  // A form naming a revision id this story has not (none has) restores nothing and says so.
  await page.locator('form[id^="restore-"] input[name="revisionId"]').first().evaluate((input: HTMLInputElement) => (input.value = crypto.randomUUID()));
  await page.getByRole('button', { name: 'استعادة هذه النسخة' }).first().click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'استعادة' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'غير موجود أو غير مسموح لك به.' })).toBeVisible();
  await expect(page).toHaveURL(/\/history$/);
  // One whose id is not an id at all is refused the same way, as invalid.
  await page.locator('form[id^="restore-"] input[name="revisionId"]').first().evaluate((input: HTMLInputElement) => (input.value = 'not-an-id'));
  await page.getByRole('button', { name: 'استعادة هذه النسخة' }).first().click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'استعادة' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'القيمة غير صالحة.' })).toBeVisible();
  await expect(page).toHaveURL(/\/history$/);
  await checkpoints.last().getByRole('button', { name: 'استعادة هذه النسخة' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'استعادة' }).click();
  // One restore at a time: another revision's form submitted while it runs does nothing (one «استعادة» row below).
  await expect(page.getByRole('status').filter({ hasText: 'تُستعاد النسخة…' })).toBeVisible();
  await page
    .evaluate(() =>
      [...document.querySelectorAll<HTMLFormElement>('form[id^="restore-"]')]
        .find((form) => form.id === `restore-${form.querySelector<HTMLInputElement>('input[name="revisionId"]')?.value}`)
        ?.requestSubmit(),
    )
    .catch(() => {}); // the editor may already be loading
  await expect(page).toHaveURL(/\/newsroom\/stories\/[0-9a-f-]{36}\?restored=1$/);
  await expect(page.getByLabel('العنوان', { exact: true })).toHaveText('العنوان الأول');
  await expect(body(page)).toHaveText('سوفت بنك تخطط لاستثمار ضخم');

  await page.getByRole('link', { name: 'السجل' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'استعادة ·' })).toHaveCount(1);
  await expect(checkpoints).toHaveCount(2);
});

test('a restore while a colleague has the story open reaches their screen and is stored', async ({ page, browser, db }) => {
  const id = await newStory(page);
  await page.getByLabel('العنوان', { exact: true }).fill('عنوان قبل الاستعادة');
  await body(page).click();
  await page.keyboard.type('جملة أولى.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('فقرة حُذفت خطأً.');
  await checkpoint(page);
  // The second paragraph is deleted: bringing it back means inserting text and a block into the live document.
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expect(body(page)).toHaveText('جملة أولى.');
  await checkpoint(page);

  // An editor has the story open: the document is live in the server while the writer restores.
  const colleague = await (await newClient(browser, { storageState: storageStateOf('editor') })).newPage();
  await colleague.goto(`/newsroom/stories/${id}`);
  await expect(body(colleague)).toHaveText('جملة أولى.');

  await page.goto(`/newsroom/stories/${id}/history`);
  const checkpoints = page.getByRole('row').filter({ has: page.getByRole('cell', { name: /^حفظ يدوي · [٠-٩]+$/ }) });
  await checkpoints.last().getByRole('button', { name: 'استعادة هذه النسخة' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'استعادة' }).click();
  await expect(page).toHaveURL(/\?restored=1$/);

  // The colleague sees the paragraph come back without a reload, and it is what the server stored.
  await expect(body(colleague).locator('p')).toHaveText(['جملة أولى.', 'فقرة حُذفت خطأً.']);
  await expect(body(page).locator('p')).toHaveText(['جملة أولى.', 'فقرة حُذفت خطأً.']);
  await editorSettled(colleague);
  await expect.poll(async () => JSON.stringify((await db.select({ body: stories.body }).from(stories).where(eq(stories.id, id)))[0]?.body)).toContain('فقرة حُذفت خطأً.');
  await colleague.reload();
  await expect(body(colleague).locator('p')).toHaveText(['جملة أولى.', 'فقرة حُذفت خطأً.']);
});

test('pasted HTML is cleaned to the schema', async ({ page, db }) => {
  const id = await newStory(page);
  await body(page).click();
  const html = `<meta charset="utf-8"><style>p{color:red}</style><!--StartFragment-->
    <p class="MsoNormal" style="font-family:'Times New Roman';color:#ff0000;font-size:18pt"><span style="font-weight:bold;font-family:Arial">نص <b>غامق</b> من وورد</span><o:p></o:p></p>
    <div style="background:yellow"><font face="Comic Sans" color="blue">سطر بخط ملون</font></div>
    <p><a href="javascript:alert(1)">رابط خبيث</a> و<a href="https://example.com" style="color:green" target="_blank">رابط سليم</a></p>
    <script>alert(1)</script><iframe src="https://evil.example"></iframe><u>تحته خط</u>`;
  await pasteHtml(page, html);
  await save(page);

  const [row] = await db.select({ body: stories.body }).from(stories).where(eq(stories.id, id));
  const json = JSON.stringify(row?.body);
  for (const forbidden of ['style', 'font', 'color', 'Comic', 'script', 'alert', 'iframe', 'evil', 'javascript', 'class', 'underline', 'Mso', 'target']) {
    expect(json, forbidden).not.toContain(forbidden);
  }
  expect(json).toContain('غامق');
  expect(json).toContain('"type":"bold"');
  expect(json).toContain('https://example.com');
  expect(json).toContain('سطر بخط ملون');
  // No empty paragraphs from the markup's indentation.
  expect(row?.body.content?.every((block) => block.content?.some((node) => node.text?.trim()))).toBe(true);
  await expect(body(page).locator('a')).toHaveCount(1);
});

test('a paragraph pasted from Google Docs is not bold, nor is what is typed after it; pasted images are dropped with a word', async ({ page, db }) => {
  const id = await newStory(page);
  await body(page).click();
  const html =
    '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b3c4d-7fff-0000-0000-000000000000"><p dir="rtl"><span style="font-size:11pt;font-weight:400;">فقرة من مستندات غوغل</span></p></b>' +
    '<p><img src="https://example.com/a.jpg" alt="صورة"></p>';
  await pasteHtml(page, html);
  await expect(page.getByRole('alert').filter({ hasText: 'حُذفت صورة من النص الملصق' })).toBeVisible();
  await page.keyboard.type(' ونص مكتوب بعدها');
  await save(page);
  const [row] = await db.select({ body: stories.body }).from(stories).where(eq(stories.id, id));
  const json = JSON.stringify(row?.body);
  expect(json).toContain('فقرة من مستندات غوغل');
  expect(json).toContain('ونص مكتوب بعدها');
  expect(json).not.toContain('"type":"bold"');
  expect(json).not.toContain('example.com');
});

test('plain pasted text becomes paragraphs', async ({ page, db }) => {
  const id = await newStory(page);
  await body(page).click();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'الفقرة الأولى\nالفقرة الثانية\n\nالفقرة الثالثة');
    document.querySelector('.ProseMirror.article-body')?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await save(page);
  const [row] = await db.select({ body: stories.body }).from(stories).where(eq(stories.id, id));
  const texts = row?.body.content?.map((block) => block.content?.map((n) => n.text).join('') ?? '').filter(Boolean);
  expect(texts).toEqual(['الفقرة الأولى', 'الفقرة الثانية', 'الفقرة الثالثة']);
});

test('links refuse javascript: in the dialog; shortcuts are listed', async ({ page, expectAccessible }) => {
  await newStory(page);
  await body(page).click();
  await page.keyboard.type('رابط هنا');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'رابط' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('عنوان الرابط').fill(' JavaScript:alert(1)');
  await dialog.getByRole('button', { name: 'تطبيق' }).click();
  await expect(dialog.getByText('استخدم رابطًا يبدأ بـ')).toBeVisible();
  await expectAccessible(page);
  await dialog.getByLabel('عنوان الرابط').fill('https://example.com/story');
  await dialog.getByRole('button', { name: 'تطبيق' }).click();
  await expect(body(page).locator('a[href="https://example.com/story"]')).toHaveText('رابط هنا');

  await page.keyboard.press('Control+/');
  const help = page.getByRole('dialog', { name: 'اختصارات لوحة المفاتيح' });
  await expect(help.getByRole('row')).toHaveCount(11);
  await expect(help).toContainText('Ctrl+S');
  await expectAccessible(page);
});

test("a writer only reads another writer's story, and a forged save is refused", async ({ browser, db, expectAccessible }) => {
  const other = await newClient(browser, { storageState: storageStateOf('editor') });
  const otherPage = await other.newPage();
  const id = await newStory(otherPage);
  await otherPage.getByLabel('العنوان', { exact: true }).fill('قصة المحرر');
  await editorSettled(otherPage);
  await other.close();

  const writer = await newClient(browser, { storageState: storageStateOf('writer') });
  const page = await writer.newPage();
  await page.goto(`/newsroom/stories/${id}`);
  await expect(page.getByRole('status').filter({ hasText: 'للقراءة فقط' })).toBeVisible();
  await expect(body(page)).toHaveAttribute('contenteditable', 'false');
  await expect(page.getByRole('toolbar')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'حفظ نسخة في السجل' })).toHaveCount(0);
  await expect(page.getByLabel('العنوان', { exact: true })).toHaveAttribute('contenteditable', 'false');
  await expect(page.getByLabel('العنوان', { exact: true })).toHaveText('قصة المحرر');
  await expectAccessible(page);

  // The metadata save is refused by the DAL; the text is the socket's, which the server keeps read-only for them.
  const forged = await page.request.put(`/api/stories/${id}`, { data: { language: 'ar', slug: 'ikhtitaf', sectionId: null, tags: ['اختطاف'], bylines: [] } });
  expect(forged.status()).toBe(404);
  // Text in the save is not accepted at all: it is the shared document's.
  const withText = await page.request.put(`/api/stories/${id}`, { data: { language: 'ar', slug: '', sectionId: null, tags: [], bylines: [], headline: 'اختطاف' } });
  expect(withText.status()).toBe(422);
  const [after] = await db.select({ headline: stories.headline, slug: stories.slug }).from(stories).where(eq(stories.id, id));
  expect(after?.headline).toBe('قصة المحرر');
  expect(after?.slug).not.toBe('ikhtitaf');
  await writer.close();
});
