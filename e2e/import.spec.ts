import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { importRuns } from '@/db/schema';
import os from 'node:os';
import path from 'node:path';
import { writeGeneratedWxr } from '@/test/generated-wxr';
import { expect, test } from './fixtures';
import { newClient, storageStateOf } from './session';

// An admin imports a real WordPress export (test/fixtures/imports, made by
// WordPress 6.1.9's own exporter) in Chromium: upload, the dry run (a job),
// the run with staff accounts, progress to the end; then an old permalink answers 308 to the new article. The old
// site's images point at a closed loopback port: refused by the SSRF guard
// and reported per post, as a site that is gone would be.

const OLD_SITE = 'http://wp.sahifa.test';
const GONE_SITE = 'http://127.0.0.1:9';
// The export's «رياضة» category becomes «ملاعب» here: desks.serial creates «رياضة» itself, later in the same run.
const SPORT = 'رياضة';
const FIELDS = 'ملاعب';
const wxr = () =>
  Buffer.from(
    readFileSync('test/fixtures/imports/wordpress-6.1.xml', 'utf8')
      .replaceAll(OLD_SITE, GONE_SITE)
      .replaceAll(SPORT, FIELDS)
      .replaceAll(encodeURIComponent(SPORT).toLowerCase(), encodeURIComponent(FIELDS).toLowerCase()),
  );
// «الحكومة-تخفض-إنتاج-النفط», as WordPress wrote it in the permalink.
const PERMALINK = '/2024/05/%d8%a7%d9%84%d8%ad%d9%83%d9%88%d9%85%d8%a9-%d8%aa%d8%ae%d9%81%d8%b6-%d8%a5%d9%86%d8%aa%d8%a7%d8%ac-%d8%a7%d9%84%d9%86%d9%81%d8%b7';

test('an admin uploads a WordPress export, reads the dry run, runs it, and the old permalink redirects', async ({ browser, request, db, expectAccessible }) => {
  test.setTimeout(180_000);
  const admin = await newClient(browser, { storageState: storageStateOf('admin') });
  const page = await admin.newPage();
  await page.goto('/newsroom/imports');
  await expectAccessible(page);

  // A file that is no WordPress export: the upload is kept, and its dry run (a job) fails with the reader's reason.
  await page.getByLabel('ملف التصدير').setInputFiles({ name: 'not-an-export.xml', mimeType: 'text/xml', buffer: Buffer.from('<html><body>صفحة</body></html>') });
  await page.getByRole('button', { name: 'ارفع وجرّب' }).click();
  await page.waitForURL(/\/newsroom\/imports\?run=/);
  const refused = page.getByTestId('import-run');
  await expect(refused.getByTestId('import-state')).toHaveText('توقّف', { timeout: 30_000 });
  await expect(refused.getByTestId('import-plan-failed')).toContainText('هذا الملف ليس تصديرًا من هذا النوع، أو أنه مبتور.');
  await expect(refused.getByTestId('import-plan-reason')).toContainText('not a WordPress export');
  await expect(refused.getByRole('button', { name: 'استئناف' })).toHaveCount(0);
  await expectAccessible(page);

  await page.goto('/newsroom/imports');
  await page.getByLabel('ملف التصدير').setInputFiles({ name: 'wordpress-6.1.xml', mimeType: 'text/xml', buffer: wxr() });
  await page.getByRole('button', { name: 'ارفع وجرّب' }).click();
  await page.waitForURL(/\/newsroom\/imports\?run=/);
  const run = page.getByTestId('import-run');
  await expect(run.getByTestId('import-state')).toHaveText('تجربة', { timeout: 30_000 });
  await expect(run.getByTestId('import-counts')).toContainText('8');
  await expect(run.getByRole('table', { name: 'التصنيفات ← الأقسام' })).toContainText('اقتصاد › نفط');
  await expect(run.getByTestId('import-problems')).toContainText('حُذفت سكربتات');
  await expectAccessible(page);

  // Staff accounts on request: the export's three authors have an e-mail and no account here.
  await run.getByRole('checkbox', { name: /أنشئ حسابات للكتّاب أيضًا/ }).check();
  await run.getByRole('button', { name: 'ابدأ الاستيراد' }).click();
  await expect(run.getByTestId('import-state')).toHaveText('اكتمل', { timeout: 60_000 });
  await expect(run.getByTestId('import-outcome')).toContainText('أُنشئ: 8');
  await expect(run.getByTestId('import-outcome')).toContainText('حسابات أُنشئت: 3');
  await expect(run.getByTestId('import-problems')).toContainText('تعذّر جلب صورة');
  await expectAccessible(page);

  // A run that stopped (here marked so, as the runner's shutdown leaves one): an admin resumes it, and every post is found done.
  const runId = new URL(page.url()).searchParams.get('run')!;
  await db.update(importRuns).set({ state: 'failed', error: 'interrupted' }).where(eq(importRuns.id, runId));
  await page.reload();
  await expect(run.getByTestId('import-state')).toHaveText('توقّف');
  await run.getByRole('button', { name: 'استئناف' }).click();
  await expect(run.getByTestId('import-state')).toHaveText('اكتمل', { timeout: 60_000 });
  await expect(run.getByTestId('import-outcome')).toContainText('لم يتغيّر: 8');
  await expect(run.getByRole('button', { name: 'استئناف' })).toHaveCount(0);
  await admin.close();

  // The old permalink (WordPress's /%year%/%monthnum%/%postname%/) answers 308 to the story's new address.
  const old = await request.get(PERMALINK, { maxRedirects: 0 });
  expect(old.status()).toBe(308);
  expect(decodeURIComponent(old.headers().location ?? '')).toMatch(/\/نفط\/الحكومة-تخفض-إنتاج-النفط$/);
  const reader = await browser.newPage();
  await reader.goto(`${PERMALINK}/`);
  await expect(reader.getByRole('heading', { level: 1, name: 'الحكومة تخفض إنتاج النفط' })).toBeVisible();
  await reader.close();
});

test('a large export: the upload answers at once, and the page shows the dry run reading the posts, then its report', async ({ browser }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sahifa-e2e-import-'));
  const file = path.join(dir, 'large.xml');
  await writeGeneratedWxr(file, { posts: 200, site: 'large.old.example', prefix: 'large-' });
  const admin = await newClient(browser, { storageState: storageStateOf('admin') });
  const page = await admin.newPage();
  await page.goto('/newsroom/imports');
  await page.getByLabel('ملف التصدير').setInputFiles(file);
  await page.getByRole('button', { name: 'ارفع وجرّب' }).click();
  await page.waitForURL(/\/newsroom\/imports\?run=/);
  const run = page.getByTestId('import-run');
  // The job's progress: posts read so far, out of the file's 200 (the page re-renders every second).
  await expect(run.getByTestId('import-planning')).toContainText(/قُرئ \d+ من 200 مقالًا/, { timeout: 60_000 });
  await expect(run.getByTestId('import-state')).toHaveText('قراءة الملف');
  await expect(run.getByTestId('import-state')).toHaveText('تجربة', { timeout: 150_000 });
  await expect(run.getByTestId('import-counts')).toContainText('200');
  await expect(run.getByRole('table', { name: 'التصنيفات ← الأقسام' })).toContainText('قسم 2 › قسم 7');
  await expect(run.getByRole('button', { name: 'ابدأ الاستيراد' })).toBeVisible();
  await admin.close();
  rmSync(dir, { recursive: true, force: true });
});
