import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { editorSettled } from './data';
import { newClient, storageStateOf } from './session';

// Newsroom steps and reader checks that several specs take the same way: the
// reader-cache journey on one instance, the two-instance spec across two.

const panel = (page: Page) => page.getByTestId('workflow-panel');

/**
 * Opens one workflow step in the story's panel. A step is disabled while a change made here is on its way to the
 * stored copy; a click that lands in that instant does nothing (CI: a figure's last update came after the editor
 * looked settled), so click until the step is chosen.
 */
export async function chooseStep(page: Page, action: string) {
  const option = panel(page).getByRole('button', { name: action, exact: true });
  await expect(async () => {
    if ((await option.getAttribute('aria-pressed')) !== 'true') await option.click({ timeout: 5_000 });
    await expect(option).toHaveAttribute('aria-pressed', 'true', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

/** One workflow action from the story's panel, confirmed; whatever the checklist warns about is acknowledged, as an editor would. */
export async function act(page: Page, action: string, reason?: string) {
  await chooseStep(page, action);
  if (reason) await panel(page).getByLabel('السبب').fill(reason);
  const acknowledge = panel(page).getByLabel('قرأت التنبيهات');
  if (await acknowledge.isVisible().catch(() => false)) await acknowledge.check();
  await panel(page).getByRole('button', { name: `تنفيذ: ${action}` }).click();
  await expect(page.getByText(`تمّ: ${action}.`, { exact: true }).first()).toBeVisible();
}

/**
 * A story changed after its approval goes out again: sent back for review by the editor who changed it, approved
 * by the admin (someone who did not make the change: strict four-eyes), published by the editor. `step` is the
 * spec's own way of taking one workflow action.
 */
export async function reviewAgainAndPublish(browser: Browser, editor: Page, storyUrl: string, step: (page: Page, action: string) => Promise<void> = act) {
  await step(editor, 'إرسال للمراجعة');
  const second = await (await newClient(browser, { storageState: storageStateOf('admin') })).newPage();
  await second.goto(storyUrl);
  await step(second, 'اعتماد');
  await editor.reload();
  await step(editor, 'نشر');
}

/** A complete story (standfirst, section, a tag, text: nothing for the checklist to warn about), saved and sent for review; returns its editor path. */
export async function draftAndSubmit(writer: Page, headline: string, tag: string): Promise<string> {
  await writer.goto('/newsroom/stories');
  await writer.getByRole('button', { name: 'قصة جديدة' }).click();
  await expect(writer).toHaveURL(/\/newsroom\/stories\/[0-9a-f-]{36}$/);
  const storyUrl = new URL(writer.url()).pathname;
  await writer.getByLabel('العنوان', { exact: true }).fill(headline);
  await writer.getByLabel('المقدمة', { exact: true }).fill('مقدمة وافية تشرح الخبر للقارئ في سطرين وتكفي وصفًا لمحركات البحث أيضًا.');
  await writer.getByLabel('القسم').selectOption({ label: 'تكنولوجيا' });
  await writer.getByLabel('الوسوم', { exact: true }).fill(tag);
  await writer.getByLabel('الوسوم', { exact: true }).press('Enter');
  await writer.getByRole('textbox', { name: 'نص القصة' }).click();
  await writer.keyboard.type('نص الخبر كاملًا كما سيقرؤه القرّاء.');
  await editorSettled(writer);
  await act(writer, 'إرسال للمراجعة');
  return storyUrl;
}

export type Surface = { path: string; kind: 'listing' | 'article' | 'feed' };

/**
 * Each surface in turn must be fresh for a request sent within one second of
 * being asked: the change has expired every cache by then. The answer itself
 * may take longer (a page the change expired is rendered once, and two busy
 * cores sometimes need more than a second for that): what is bounded is how
 * long a reader can still be served the old version. One surface at a time,
 * as a reader would, rather than all at once against two cores.
 * Returns the slowest answer, in ms from asking.
 */
export async function everywhereWithinOneSecond(
  reader: APIRequestContext,
  surfaces: Surface[],
  check: (surface: Surface, status: number, body: string) => boolean,
  /** Each surface's first fresh answer: sent this many ms after asking, and answered this many ms after asking. */
  report?: (surface: Surface, sentAfterMs: number, answeredAfterMs: number) => void,
): Promise<number> {
  let slowest = 0;
  for (const surface of surfaces) {
    const asked = Date.now();
    let freshSentAfter = Number.POSITIVE_INFINITY;
    await expect
      .poll(
        async () => {
          const sentAfter = Date.now() - asked;
          const response = await reader.get(surface.path, { maxRedirects: 0 });
          if (!check(surface, response.status(), await response.text())) return `stale: ${surface.path} ${response.status()}`;
          freshSentAfter = sentAfter;
          return 'fresh';
        },
        { timeout: 10_000, intervals: [50] },
      )
      .toBe('fresh');
    expect(freshSentAfter, `${surface.path}: the first fresh answer was to a request sent ${freshSentAfter} ms after asking`).toBeLessThan(1_000);
    report?.(surface, freshSentAfter, Date.now() - asked);
    slowest = Math.max(slowest, Date.now() - asked);
  }
  return slowest;
}

/**
 * A conditional request for the bytes just served answers 304 with no body. A publish by a spec running beside
 * this one can change the page between the two requests; then the pair is tried again. A 200 with the very bytes
 * it was asked about (the page unchanged, its ETag refused) is a fault, never retried away.
 */
export async function expectNotModified(request: APIRequestContext, path: string) {
  let refusedUnchanged = false;
  await expect(async () => {
    const first = await request.get(path);
    const again = await request.get(path, { headers: { 'if-none-match': first.headers().etag ?? '' } });
    if (again.status() === 200 && (await again.body()).equals(await first.body())) refusedUnchanged = true;
    expect(again.status(), path).toBe(304);
    expect(await again.body(), path).toHaveLength(0);
  }).toPass({ timeout: 10_000 });
  expect(refusedUnchanged, `${path}: a 200 with the same bytes for the ETag they were served with`).toBe(false);
}
