import { and, eq } from 'drizzle-orm';
import type { Page, WebSocketRoute } from '@playwright/test';
import { notifications, stories, users } from '@/db/schema';
import { editorSettled, uniqueHeadline } from './data';
import { expect, test } from './fixtures';
import { newClient, storageStateOf } from './session';

// Commenting in the margins of a proof, in two browsers: the editor comments
// on a sentence, the writer sees it, edits around it, replies and resolves.

const FIRST = 'تقول الشركة إن أرباحها ارتفعت خمسين بالمئة هذا العام.';
const SECOND = 'وأضاف المتحدث أن الخطة الجديدة تبدأ في الربيع المقبل.';
const QUOTE = 'ارتفعت خمسين بالمئة';

/** Drags the mouse across `quote` in the story's text, the way a person selects words. */
async function selectText(page: Page, quote: string) {
  const points = await page.locator('.ProseMirror.article-body').evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at === -1) continue;
      // The text fields sit above the body: bring the words into the viewport, where the mouse can reach them.
      node.parentElement?.scrollIntoView({ block: 'center' });
      // The caret positions before the first and after the last character: exact in either direction.
      const caret = (index: number) => {
        const range = document.createRange();
        range.setStart(node, index);
        range.collapse(true);
        const box = range.getBoundingClientRect();
        return { x: box.x, y: box.y + box.height / 2 };
      };
      return [caret(at), caret(at + wanted.length)];
    }
    return null;
  }, quote);
  if (!points) throw new Error(`"${quote}" is not in the editor`);
  const [start, end] = points as [{ x: number; y: number }, { x: number; y: number }];
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 6 });
  await page.mouse.up();
}

const commentsTab = (page: Page) => page.getByRole('tab', { name: /التعليقات/ });

test('the editor comments inline; the writer edits around it, replies and resolves; the editor sees the reply', async ({ browser, db, expectAccessible }) => {
  test.setTimeout(120_000);
  const writer = await (await newClient(browser, { storageState: storageStateOf('writer') })).newPage();
  const editor = await (await newClient(browser, { storageState: storageStateOf('editor') })).newPage();

  // The writer drafts two sentences and saves.
  await writer.goto('/newsroom/stories');
  await writer.getByRole('button', { name: 'قصة جديدة' }).click();
  await expect(writer).toHaveURL(/\/newsroom\/stories\/[0-9a-f-]{36}$/);
  const storyUrl = new URL(writer.url()).pathname;
  const id = storyUrl.split('/').at(-1) as string;
  await writer.getByLabel('العنوان', { exact: true }).fill(uniqueHeadline('أرباح الشركة'));
  await writer.getByRole('textbox', { name: 'نص القصة' }).click();
  await writer.keyboard.type(FIRST);
  await writer.keyboard.press('Enter');
  await writer.keyboard.type(SECOND);
  await editorSettled(writer);
  const [before] = await db.select({ version: stories.version, updatedAt: stories.updatedAt }).from(stories).where(eq(stories.id, id));

  // The editor opens it while the writer has it open too (both present, no lock) and comments on a phrase, mentioning the writer.
  await editor.goto(storyUrl);
  await expect(editor.getByTestId('presence')).toContainText('ليلى حداد');
  await selectText(editor, QUOTE);
  await editor.getByRole('button', { name: 'علّق على النص المحدَّد' }).click();
  const box = editor.getByTestId('comments-panel').getByRole('combobox').first();
  await box.fill('هل الرقم من التقرير السنوي؟ ');
  // By name: a handle prefix like «writ» also matches the writer-… accounts specs beside this one make, and the list shows six.
  await box.pressSequentially('@ليلى');
  await editor.getByRole('option', { name: /ليلى حداد/ }).click();
  await editor.getByTestId('comments-panel').getByRole('button', { name: 'أرسل' }).first().click();
  const editorCard = editor.getByTestId('comment').filter({ hasText: 'هل الرقم من التقرير السنوي؟' });
  await expect(editorCard).toBeVisible();
  await expect(editorCard.getByText('@ليلى حداد')).toBeVisible();
  await expect(editor.locator('.comment-highlight')).toHaveText(QUOTE);

  // Commenting changed neither the content version nor the story row; the mention reached the writer.
  const [after] = await db.select({ version: stories.version, updatedAt: stories.updatedAt }).from(stories).where(eq(stories.id, id));
  expect(after).toEqual(before);
  const [writerRow] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'writer@sahifa.test'));
  const mentions = await db.select().from(notifications).where(and(eq(notifications.storyId, id), eq(notifications.kind, 'mentioned')));
  expect(mentions.map((n) => n.userId)).toEqual([writerRow!.id]);

  // The writer sees the highlight without reloading (the editor polls), and the panel opens on a click in it.
  await expect(writer.locator('.comment-highlight')).toHaveText(QUOTE, { timeout: 20_000 });
  await writer.locator('.comment-highlight').click();
  await expect(commentsTab(writer)).toHaveAttribute('aria-selected', 'true');
  const writerCard = writer.getByTestId('comment').filter({ hasText: 'هل الرقم من التقرير السنوي؟' });
  await expect(writerCard).toBeVisible();

  // The writer edits the sentence around the comment: before it, and inside it. The highlight follows the words.
  await writer.getByRole('textbox', { name: 'نص القصة' }).click();
  await writer.keyboard.press('Control+Home');
  await writer.keyboard.type('عاجل: ');
  await selectText(writer, 'خمسين');
  await writer.keyboard.press('End');
  await writer.keyboard.type(' وفق التقرير');
  await editorSettled(writer);
  await expect(writer.locator('.comment-highlight')).toContainText('خمسين بالمئة');
  await expect(writerCard.getByText('منفصل')).toHaveCount(0);

  // It survives a reload too, found again from its quote, prefix and suffix.
  await writer.reload();
  await expect(writer.locator('.comment-highlight')).toContainText(QUOTE);

  // The writer replies and resolves.
  await commentsTab(writer).click();
  await writerCard.getByRole('button', { name: 'ردّ' }).click();
  await writerCard.getByRole('combobox').fill('نعم، من التقرير السنوي، وأضفت ذلك.');
  await writerCard.getByRole('button', { name: 'أرسل' }).click();
  await expect(writerCard.getByText('نعم، من التقرير السنوي، وأضفت ذلك.')).toBeVisible();
  await writerCard.getByRole('button', { name: 'تمّت المعالجة' }).click();
  await expect(writer.locator('.comment-highlight')).toHaveCount(0);
  await writer.getByRole('button', { name: /أظهر المعالَجة/ }).click();
  await expect(writerCard.getByText('عالجه ليلى حداد')).toBeVisible();
  await expectAccessible(writer);

  // The editor sees the reply without reloading: the resolved comment, with its reply, behind "show resolved".
  await commentsTab(editor).click();
  await expect(editor.getByRole('button', { name: /أظهر المعالَجة/ })).toBeVisible({ timeout: 20_000 });
  await editor.getByRole('button', { name: /أظهر المعالَجة/ }).click();
  await expect(editorCard.getByText('نعم، من التقرير السنوي، وأضفت ذلك.')).toBeVisible();
  await expectAccessible(editor);
});

test('a comment on text the server does not have is refused with a clear message, and what was typed stays', async ({ browser }) => {
  const context = await newClient(browser, { storageState: storageStateOf('writer') });
  // The co-editing socket can be cut (comment requests still reach the server), so a sentence exists only in this browser.
  let cut = false;
  const sockets: WebSocketRoute[] = [];
  await context.routeWebSocket(/\/collab$/, (socket) => {
    if (cut) return void socket.close({ code: 4000, reason: 'offline' });
    socket.connectToServer();
    sockets.push(socket);
  });
  const writer = await context.newPage();
  await writer.goto('/newsroom/stories');
  await writer.getByRole('button', { name: 'قصة جديدة' }).click();
  await expect(writer).toHaveURL(/\/newsroom\/stories\/[0-9a-f-]{36}$/);
  await expect(writer.getByRole('textbox', { name: 'نص القصة' })).toHaveAttribute('contenteditable', 'true');
  cut = true;
  for (const socket of sockets) await socket.close({ code: 4000, reason: 'offline' });
  await writer.getByRole('textbox', { name: 'نص القصة' }).click();
  await writer.keyboard.type('جملة لم تُحفظ بعد في الخادم.');
  await selectText(writer, 'لم تُحفظ');
  await writer.getByRole('button', { name: 'علّق على النص المحدَّد' }).click();
  const box = writer.getByTestId('comments-panel').getByRole('combobox').first();
  await box.fill('ملاحظة');
  await writer.getByTestId('comments-panel').getByRole('button', { name: 'أرسل' }).first().click();
  await expect(writer.getByText('النص المحدَّد غير موجود في القصة المحفوظة. احفظ أولًا ثم علّق.')).toBeVisible();
  await expect(box).toHaveValue('ملاحظة');
});
