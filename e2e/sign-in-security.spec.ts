import { eq } from 'drizzle-orm';
import { totpFactors } from '@/db/schema';
import { totpCode } from '@/lib/auth/totp';
import { createStaff, TEST_PASSWORD } from '@/test/staff';
import { expect, test } from './fixtures';
import { newClient } from './session';
import { arabicIndic, codeStep, expectSignedIn, passwordStep, SIGN_IN_WAIT, signIn, signOut } from './two-step';

// Sessions one can see and end, and the authenticator app from enrolment to removal.

// Several browsers and sign-ins per journey, on two shared cores.
test.describe.configure({ timeout: 300_000 });

test('ending one of two sessions from the account page signs that browser out on its next request', async ({ browser, db, expectAccessible }) => {
  const writer = await createStaff(db, 'writer');
  const laptop = await newClient(browser);
  const phone = await newClient(browser);
  const here = await laptop.newPage();
  const there = await phone.newPage();
  await signIn(here, writer.email);
  await signIn(there, writer.email);

  await here.goto('/newsroom/account');
  const list = here.getByRole('list', { name: 'الجلسات النشطة' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  const current = list.getByRole('listitem').filter({ hasText: 'هذا المتصفح' });
  await expect(current).toContainText('Chrome');
  await expectAccessible(here);
  const other = list.getByRole('listitem').filter({ hasNotText: 'هذا المتصفح' });
  await other.getByRole('button', { name: 'إنهاء الجلسة' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);

  await there.goto('/newsroom/stories');
  await expect(there).toHaveURL(/\/login\?callbackUrl=/);
  // This browser is still signed in.
  await here.goto('/newsroom/stories');
  await expect(here).toHaveURL(/\/newsroom\/stories/);
  await laptop.close();
  await phone.close();
});

test('authenticator app: enrol, sign in with a code, no replay, a recovery code once, turn off', async ({ browser, db, expectAccessible }) => {
  const writer = await createStaff(db, 'writer');
  const context = await newClient(browser);
  const page = await context.newPage();
  await signIn(page, writer.email);

  await page.goto('/newsroom/account');
  await page.getByRole('link', { name: 'إدارة التحقق بخطوتين ومفاتيح المرور' }).click();
  await page.getByRole('button', { name: 'إعداد تطبيق المصادقة' }).click();
  await expect(page.getByRole('img', { name: /رمز QR/ })).toBeVisible();
  await expectAccessible(page);
  // The test is the authenticator app: it reads the secret as shown.
  const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
  const [stored] = await db.select().from(totpFactors).where(eq(totpFactors.userId, writer.id));
  expect(secret).toBe(stored!.secret);
  await page.getByLabel('رمز التحقق').fill(totpCode(secret, new Date()));
  await page.getByRole('button', { name: 'تأكيد وتفعيل' }).click();
  await expect(page.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);
  const codes = await page.getByTestId('recovery-codes').getByRole('listitem').allInnerTexts();
  await expectAccessible(page);

  // The password alone is no longer a session.
  await signOut(page);
  await passwordStep(page, writer.email);
  await page.goto('/newsroom');
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await passwordStep(page, writer.email);
  await expectAccessible(page);
  // The next step's code (the enrolment spent this one), typed in Arabic-Indic digits.
  const code = totpCode(secret, new Date(Date.now() + 30_000));
  await codeStep(page, arabicIndic(code));
  await expectSignedIn(page);

  // The same code again is refused.
  await signOut(page);
  await passwordStep(page, writer.email);
  await codeStep(page, code);
  await expect(page.getByRole('status')).toContainText('الرمز غير صحيح أو استُخدم من قبل.', SIGN_IN_WAIT);

  // A recovery code works once.
  await codeStep(page, codes[0]!);
  await expectSignedIn(page);
  await signOut(page);
  await passwordStep(page, writer.email);
  await codeStep(page, codes[0]!);
  await expect(page.getByRole('status')).toContainText('الرمز غير صحيح أو استُخدم من قبل.', SIGN_IN_WAIT);
  await codeStep(page, codes[1]!);
  await expectSignedIn(page);

  // Turning it off takes the password and a code.
  await page.goto('/newsroom/account/security');
  await expect(page.getByText('بقيت لديك ٨ رموز استرداد')).toBeVisible();
  await page.getByLabel('كلمة المرور الحالية').fill(TEST_PASSWORD);
  await page.getByLabel('رمز التحقق').fill(codes[2]!);
  await page.getByRole('button', { name: 'إيقاف' }).click();
  await expect(page.getByRole('button', { name: 'إعداد تطبيق المصادقة' })).toBeVisible();
  await signOut(page);
  await signIn(page, writer.email);
  await context.close();
});
