import { and, eq } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import { stories, storyRevisions, workflowEvents } from '@/db/schema';
import { paragraphsToDoc, toPlainText } from '@/lib/content/document';
import { expect, test } from './fixtures';
import { createPublishedStory, uniqueHeadline } from './data';
import { newClient, storageStateOf } from './session';

// Each test starts its own story and, where two people are needed, two browser contexts.

const body = (page: Page) => page.getByRole('textbox', { name: 'نص القصة' });
const status = (page: Page) => page.locator('[data-save-status]');

async function newStory(page: Page): Promise<string> {
  await page.goto('/newsroom/stories');
  await page.getByRole('button', { name: 'قصة جديدة' }).click();
  await expect(page).toHaveURL(/\/newsroom\/stories\/[0-9a-f-]{36}$/);
  await expect(body(page)).toHaveAttribute('contenteditable', 'true');
  return page.url().split('/').at(-1) as string;
}

/** A colleague's save, straight into the database: the open editor's version is now stale. */
async function colleagueSaves(db: import('@/db/index').Database, id: string, text: string) {
  const doc = paragraphsToDoc([text]);
  const [row] = await db.select({ version: stories.version }).from(stories).where(eq(stories.id, id));
  await db.update(stories).set({ body: doc, plainText: toPlainText(doc), headline: 'عنوان الزميل', version: row!.version + 1 }).where(eq(stories.id, id));
}

test('autosave saves after a pause, and its state is announced', async ({ browser, db }) => {
  const context = await newClient(browser, { storageState: storageStateOf('writer') });
  const page = await context.newPage();
  const id = await newStory(page);
  await expect(status(page)).toHaveAttribute('aria-live', 'polite');
  await expect(status(page)).toHaveAttribute('role', 'status');
  await body(page).click();
  await page.keyboard.type('نص يُحفظ وحده');
  await expect(status(page)).toHaveText('تغييرات غير محفوظة');
  await expect(status(page)).toHaveAttribute('data-save-status', 'saved', { timeout: 10_000 });
  await expect(status(page)).toContainText('حُفظ');
  const [row] = await db.select({ plainText: stories.plainText }).from(stories).where(eq(stories.id, id));
  expect(row?.plainText).toBe('نص يُحفظ وحده');
  const kinds = await db.select({ kind: storyRevisions.kind }).from(storyRevisions).where(eq(storyRevisions.storyId, id));
  expect(kinds.map((k) => k.kind)).toEqual(['autosave']);
  await context.close();
});

test('a second editor sees the soft lock, takes over, and the first is told and turns read-only', async ({ browser, db, expectAccessible }) => {
  const first = await newClient(browser, { storageState: storageStateOf('editor') });
  const firstPage = await first.newPage();
  const id = await newStory(firstPage);
  await body(firstPage).click();
  await firstPage.keyboard.type('ما كتبه المحرر الأول');

  const second = await newClient(browser, { storageState: storageStateOf('admin') });
  const secondPage = await second.newPage();
  await secondPage.goto(`/newsroom/stories/${id}`);
  const lock = secondPage.getByTestId('soft-lock');
  await expect(lock).toContainText('عمر الفاروق');
  await expect(lock).toContainText('منذ');
  await expect(body(secondPage)).toHaveAttribute('contenteditable', 'false');
  await expectAccessible(secondPage);
  await lock.getByRole('button', { name: 'تولّي التحرير' }).click();
  await expect(body(secondPage)).toHaveAttribute('contenteditable', 'true');

  // Within one heartbeat (15 s) the first editor is told, and can no longer type.
  await expect(firstPage.getByText('تولّى نادية سليم تحرير هذه القصة')).toBeVisible({ timeout: 20_000 });
  await expect(body(firstPage)).toHaveAttribute('contenteditable', 'false');
  await expect(body(firstPage)).toContainText('ما كتبه المحرر الأول');
  const [event] = await db.select().from(workflowEvents).where(and(eq(workflowEvents.storyId, id), eq(workflowEvents.action, 'take_over')));
  expect(event?.reason).toBe('عمر الفاروق');
  await first.close();
  await second.close();
});

for (const choice of ['keep-mine', 'take-theirs', 'copy-aside'] as const) {
  test(`a stale save opens the conflict dialog, and "${choice}" does what it says`, async ({ browser, db, expectAccessible }) => {
    const context = await newClient(browser, { storageState: storageStateOf('writer') });
    const page = await context.newPage();
    const id = await newStory(page);
    await body(page).click();
    await page.keyboard.type('نسختي الأولى');
    await page.keyboard.press('Control+s');
    await expect(status(page)).toHaveAttribute('data-save-status', 'saved');

    await colleagueSaves(db, id, 'نسخة الزميل');
    await body(page).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' وإضافتي');
    await page.keyboard.press('Control+s');
    const dialog = page.getByRole('dialog', { name: 'تعارض في الحفظ' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('conflict-theirs')).toHaveText('نسخة الزميل');
    await expect(dialog.getByTestId('conflict-mine')).toHaveText('نسختي الأولى وإضافتي');
    await expect(dialog.locator('ins').filter({ hasText: 'وإضافتي' })).toBeVisible();
    await expectAccessible(page);

    const label = { 'keep-mine': 'الإبقاء على نسختي', 'take-theirs': 'اعتماد نسختهم', 'copy-aside': 'حفظ نسختي جانبًا واعتماد نسختهم' }[choice];
    await dialog.getByRole('button', { name: label, exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(status(page)).toHaveAttribute('data-save-status', 'saved');
    const [row] = await db.select({ plainText: stories.plainText }).from(stories).where(eq(stories.id, id));
    if (choice === 'keep-mine') {
      expect(row?.plainText).toBe('نسختي الأولى وإضافتي');
      const overwrite = await db.select().from(storyRevisions).where(and(eq(storyRevisions.storyId, id), eq(storyRevisions.kind, 'overwrite')));
      expect(overwrite).toHaveLength(1);
    } else {
      expect(row?.plainText).toBe('نسخة الزميل');
      await expect(body(page)).toHaveText('نسخة الزميل');
      await page.reload();
      const offer = page.getByTestId('restore-offer');
      if (choice === 'take-theirs') {
        await expect(body(page)).toHaveText('نسخة الزميل');
        await expect(offer).toHaveCount(0);
      } else {
        await expect(offer).toBeVisible();
        await expect(offer).toContainText('وإضافتي');
        await offer.getByRole('button', { name: 'استعادة هذا النص' }).click();
        await expect(body(page)).toHaveText('نسختي الأولى وإضافتي');
        await expect(status(page)).toHaveAttribute('data-save-status', 'saved', { timeout: 10_000 });
      }
    }
    await context.close();
  });
}

test('typing offline is kept and saved when the connection returns', async ({ browser, db }) => {
  const context = await newClient(browser, { storageState: storageStateOf('writer') });
  const page = await context.newPage();
  const id = await newStory(page);
  await context.setOffline(true);
  await body(page).click();
  await page.keyboard.type('كتبت هذا دون اتصال');
  await expect(status(page)).toHaveAttribute('data-save-status', 'offline', { timeout: 10_000 });
  await expect(status(page)).toContainText('غير متصل');
  await page.keyboard.type(' ثم أكملت');
  await context.setOffline(false);
  await expect(status(page)).toHaveAttribute('data-save-status', 'saved', { timeout: 15_000 });
  const [row] = await db.select({ plainText: stories.plainText }).from(stories).where(eq(stories.id, id));
  expect(row?.plainText).toBe('كتبت هذا دون اتصال ثم أكملت');
  await context.close();
});

test('with the server unreachable, text survives a killed page and is restored and saved on reopening', async ({ browser, db, expectAccessible }) => {
  const context = await newClient(browser, { storageState: storageStateOf('writer') });
  let page = await context.newPage();
  const id = await newStory(page);
  // Saves fail as if the server were down.
  await page.route(`**/api/stories/${id}`, (route) => (route.request().method() === 'PUT' ? route.abort('connectionrefused') : route.continue()));
  await body(page).click();
  await page.keyboard.type('نص لم يصل إلى الخادم');
  await expect(status(page)).toHaveAttribute('data-save-status', 'offline', { timeout: 10_000 });
  await expect(page.getByText('تعذّر الوصول إلى الخادم أو قاعدة البيانات')).toBeVisible();
  await page.waitForTimeout(500); // the backup write is debounced by 300 ms
  await page.close({ runBeforeUnload: false });

  page = await context.newPage();
  await page.goto(`/newsroom/stories/${id}`);
  const offer = page.getByTestId('restore-offer');
  await expect(offer).toBeVisible();
  await expect(offer).toContainText('نص لم يصل إلى الخادم');
  await expectAccessible(page);
  await offer.getByRole('button', { name: 'استعادة هذا النص' }).click();
  await expect(body(page)).toHaveText('نص لم يصل إلى الخادم');
  await expect(status(page)).toHaveAttribute('data-save-status', 'saved', { timeout: 10_000 });
  const [row] = await db.select({ plainText: stories.plainText }).from(stories).where(eq(stories.id, id));
  expect(row?.plainText).toBe('نص لم يصل إلى الخادم');
  // The server holds it now, so the next visit offers nothing.
  await page.reload();
  await expect(body(page)).toHaveText('نص لم يصل إلى الخادم');
  await expect(page.getByTestId('restore-offer')).toHaveCount(0);
  await context.close();
});

test('opening a story saves nothing: no autosave, no new version, no revision', async ({ browser, db }) => {
  const story = await createPublishedStory(db, uniqueHeadline('خبر يفتح فقط'), ['فقرة أولى.', 'Second paragraph, in English.']);
  const [before] = await db.select({ version: stories.version }).from(stories).where(eq(stories.id, story.id));
  const revisionsBefore = await db.select().from(storyRevisions).where(eq(storyRevisions.storyId, story.id));
  const context = await newClient(browser, { storageState: storageStateOf('editor') });
  const page = await context.newPage();
  const puts: string[] = [];
  page.on('request', (request) => request.method() === 'PUT' && puts.push(request.url()));
  await page.goto(`/newsroom/stories/${story.id}`);
  await expect(body(page)).toHaveAttribute('contenteditable', 'true');
  await page.waitForTimeout(3_000);
  await expect(status(page)).toHaveAttribute('data-save-status', 'saved');
  expect(puts).toEqual([]);
  const [after] = await db.select({ version: stories.version }).from(stories).where(eq(stories.id, story.id));
  expect(after?.version).toBe(before?.version);
  expect(await db.select().from(storyRevisions).where(eq(storyRevisions.storyId, story.id))).toHaveLength(revisionsBefore.length);
  await context.close();
});
