import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { newClient, storageStateOf } from './session';

// An admin imports a real Ghost 6.65.0 export (test/fixtures/imports/ghost-6.json,
// made by scripts/ghost/make-export.sh) in Chromium; then Ghost's old one-segment
// address (`/slug/`) answers 308 to the new article. The old site is gone: its
// images are refused and reported. The names (sections, titles, authors) that
// import.spec.ts's WordPress export also has (this file runs beside it) and
// «رياضة» (desks.serial creates it later in the same run) are changed, so no
// two imports race for one slug.

const GONE_SITE = 'http://127.0.0.1:9';
const RENAMES: [string, string][] = [
  ['اقتصاد', 'أعمال'],
  ['رياضة', 'ألعاب'],
  ['النفط', 'الغاز'],
  ['بالكأس', 'بالدوري'],
  ['سارة أحمد', 'سلمى أحمد'],
  ['هيئة التحرير', 'فريق التحرير'],
];
const exported = () => Buffer.from(RENAMES.reduce((text, [from, to]) => text.replaceAll(from, to), readFileSync('test/fixtures/imports/ghost-6.json', 'utf8')));
// Ghost's own slug of «البنك المركزي يرفع أسعار الفائدة»: Ghost transliterates Arabic.
const OLD_PATH = '/lbnk-lmrkzy-yrf-lfyd/';

test('an admin imports a Ghost export, and its old /slug/ address redirects to the new article', async ({ browser, request, expectAccessible }) => {
  test.setTimeout(120_000);
  const admin = await newClient(browser, { storageState: storageStateOf('admin') });
  const page = await admin.newPage();
  await page.goto('/newsroom/imports');
  await page.getByRole('radio', { name: /^غوست/ }).check();
  await page.getByLabel('ملف التصدير').setInputFiles({ name: 'ghost-6.json', mimeType: 'application/json', buffer: exported() });
  await page.getByLabel('عنوان الموقع القديم').fill(GONE_SITE);
  await page.getByRole('button', { name: 'ارفع وجرّب' }).click();
  await page.waitForURL(/\/newsroom\/imports\?run=/);
  const run = page.getByTestId('import-run');
  // The dry run is a job: the page follows it until its report is there.
  await expect(run.getByTestId('import-state')).toHaveText('تجربة', { timeout: 30_000 });
  await expect(run.getByTestId('import-counts')).toContainText('8');
  await expect(run.getByTestId('import-problems')).toContainText('حُذفت سكربتات');
  await expectAccessible(page);

  await run.getByRole('button', { name: 'ابدأ الاستيراد' }).click();
  await expect(run.getByTestId('import-state')).toHaveText('اكتمل', { timeout: 60_000 });
  await expect(run.getByTestId('import-outcome')).toContainText('أُنشئ: 8');
  await expect(run.getByTestId('import-problems')).toContainText('تعذّر جلب صورة');
  await admin.close();

  // The trailing slash first gets Next's own 308, then the legacy table's.
  const bare = await request.get(OLD_PATH.slice(0, -1), { maxRedirects: 0 });
  expect(bare.status()).toBe(308);
  expect(decodeURIComponent(bare.headers().location ?? '')).toMatch(/\/أعمال\/البنك-المركزي-يرفع-أسعار-الفائدة$/);
  const reader = await browser.newPage();
  await reader.goto(OLD_PATH);
  await expect(reader.getByRole('heading', { level: 1, name: 'البنك المركزي يرفع أسعار الفائدة' })).toBeVisible();
  await reader.close();
});
