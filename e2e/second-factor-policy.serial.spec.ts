import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { settings, stories } from '@/db/schema';
import { parseSeedStory } from '@/db/seed-story';
import { slugify } from '@/lib/slug';
import { totpCode } from '@/lib/auth/totp';
import { pageRows, routeRows } from '@/test/entry-points';
import { createStaff } from '@/test/staff';
import { expect, test } from './fixtures';
import { newClient, storageStateOf } from './session';
import { SIGN_IN_WAIT, signIn, signOut, submitPassword } from './two-step';

// Serial: the sign-in policy is one setting for every account.

const ENROL = '/newsroom/account/security';
// A walk over every newsroom page and route, with two browsers, on two shared cores.
test.describe.configure({ timeout: 240_000 });

test('with the policy on, an editor without a second factor is held at enrolment until they enrol', async ({ browser, db }) => {
  const editor = await createStaff(db, 'editor');
  const [seed] = await db.select({ id: stories.id }).from(stories).where(eq(stories.slug, slugify(parseSeedStory(readFileSync('db/seed-story.ar.txt', 'utf8')).headline)));
  const fill = (path: string) => path.replace('{story-id}', seed!.id).replace('{user}', editor.id);
  const context = await newClient(browser);
  const page = await context.newPage();
  await signIn(page, editor.email);
  // A form opened before the policy changes: its action is tried after.
  await page.goto('/newsroom/account');

  const admin = await (await newClient(browser, { storageState: storageStateOf('admin') })).newPage();
  await admin.goto('/newsroom/settings');
  const form = admin.locator('form').filter({ has: admin.getByLabel('اشتراط التحقق بخطوتين') });
  // The default, once turned on: admins and editors; writers optional.
  await expect(form.getByLabel('مدير', { exact: true })).toBeChecked();
  await expect(form.getByLabel('محرر', { exact: true })).toBeChecked();
  await expect(form.getByLabel('كاتب', { exact: true })).not.toBeChecked();
  try {
    await form.getByLabel('اشتراط التحقق بخطوتين').check();
    // The demo admin has no second factor either: leave admins out here, so this page stays usable.
    await form.getByLabel('مدير', { exact: true }).uncheck();
    await form.getByRole('button', { name: 'حفظ سياسة الدخول' }).click();
    await expect(form.getByText('حُفظت الإعدادات.')).toBeVisible();

    // The action of the page opened before is refused by the DAL.
    await page.getByLabel('الاسم كما يظهر').fill('اسم لن يُحفظ');
    await page.getByRole('button', { name: 'حفظ', exact: true }).click();
    await expect(page.getByText('غير موجود أو غير مسموح لك به.')).toBeVisible(SIGN_IN_WAIT);

    // Every other newsroom page sends them to enrolment; every route refuses them.
    for (const row of pageRows) {
      if ('public' in row || row.capability === 'account:secure') continue;
      const response = await context.request.get(fill(row.path), { maxRedirects: 0 });
      expect(response.status(), row.path).toBe(307);
      expect(new URL(response.headers().location ?? '', 'http://x').pathname, row.path).toBe(ENROL);
    }
    for (const row of routeRows) {
      if (!('capability' in row)) continue;
      const response = await context.request.fetch(fill(row.path), { method: row.method, maxRedirects: 0, ...(row.method === 'GET' ? {} : { data: {} }) });
      expect(response.status(), `${row.method} ${row.path}`).toBe(404);
    }

    // Signing in again leads straight from the password to enrolment.
    await signOut(page);
    await submitPassword(page, editor.email);
    await expect(page).toHaveURL(new RegExp(`${ENROL}$`), SIGN_IN_WAIT);
    // Next's route announcer is an alert too: find ours by its text.
    await expect(page.getByRole('alert').filter({ hasText: 'يشترط الموقع التحقق بخطوتين لدورك' })).toBeVisible();
    await page.getByRole('button', { name: 'إعداد تطبيق المصادقة' }).click();
    const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
    await page.getByLabel('رمز التحقق').fill(totpCode(secret, new Date()));
    await page.getByRole('button', { name: 'تأكيد وتفعيل' }).click();
    await expect(page.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);
    await page.getByRole('link', { name: 'حفظتها، تابع' }).click();
    await expect(page).toHaveURL(/\/newsroom$/);
    await page.goto('/newsroom/stories');
    await expect(page).toHaveURL(/\/newsroom\/stories$/);
  } finally {
    await db.update(settings).set({ secondFactorRequired: false }).where(eq(settings.id, 1));
  }
  await context.close();
});
