import { and, eq } from 'drizzle-orm';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { auditLog } from '@/db/schema';
import { createStaff } from '@/test/staff';
import { expect, test } from './fixtures';
import { newClient } from './session';
import { passwordStep, SIGN_IN_WAIT, signIn, signOut } from './two-step';

// Passkeys with Chromium's virtual authenticator (DevTools protocol): it
// answers navigator.credentials like a phone whose owner verified themselves.

test.describe.configure({ timeout: 180_000 });

async function addAuthenticator(cdp: CDPSession): Promise<string> {
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return authenticatorId;
}

async function register(page: Page, name: string) {
  await page.getByLabel('اسم مفتاح المرور').fill(name);
  await page.getByRole('button', { name: 'إضافة مفتاح مرور' }).click();
  await expect(page.getByText('أُضيف مفتاح المرور.')).toBeVisible(SIGN_IN_WAIT);
}

async function withAuthenticator(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  return cdp;
}

test('register passkeys, sign in with one (as the second step and instead of the password), remove it', async ({ browser, db, expectAccessible }) => {
  const writer = await createStaff(db, 'writer');
  const context = await newClient(browser);
  const page = await context.newPage();
  const cdp = await withAuthenticator(context, page);
  await signIn(page, writer.email);

  // Two passkeys, each on its own device.
  await page.goto('/newsroom/account/security');
  const office = await addAuthenticator(cdp);
  await register(page, 'حاسوب المكتب');
  await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: office });
  await addAuthenticator(cdp);
  await register(page, 'هاتفي');
  const list = page.getByRole('list', { name: 'مفاتيح المرور' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list).toContainText('حاسوب المكتب');
  await expectAccessible(page);

  // With a passkey the password leads to a second step, which the passkey passes.
  await signOut(page);
  await passwordStep(page, writer.email);
  await page.getByRole('button', { name: 'استخدم مفتاح مرور' }).click();
  await expect(page).toHaveURL(/\/newsroom$/, SIGN_IN_WAIT);

  // Instead of the password.
  await signOut(page);
  await page.getByRole('button', { name: 'استخدم مفتاح مرور' }).click();
  await expect(page).toHaveURL(/\/newsroom$/, SIGN_IN_WAIT);
  const signIns = await db.select().from(auditLog).where(and(eq(auditLog.action, 'auth.sign_in_passkey'), eq(auditLog.targetId, writer.id)));
  expect(signIns).toHaveLength(2);

  // Removed, the phone's passkey no longer signs in.
  await page.goto('/newsroom/account/security');
  await page.getByRole('button', { name: 'حذف مفتاح المرور هاتفي' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1, SIGN_IN_WAIT);
  await signOut(page);
  await page.getByRole('button', { name: 'استخدم مفتاح مرور' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'تعذّر التحقق من مفتاح المرور' })).toBeVisible(SIGN_IN_WAIT);
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});
