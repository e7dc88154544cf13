import { expect, type Page } from '@playwright/test';
import { TEST_PASSWORD } from '@/test/staff';

// Sign-in steps as a person takes them, for the specs of the second factor.

// Each sign-in hashes a password with argon2: on two busy cores that takes longer than the default wait.
export const SIGN_IN_WAIT = { timeout: 30_000 };

export const arabicIndic = (code: string) => code.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));

export async function submitPassword(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('البريد الإلكتروني').fill(email);
  await page.getByLabel(/^كلمة المرور$/).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: /^دخول$/ }).click();
}

export async function signIn(page: Page, email: string) {
  await submitPassword(page, email);
  await expect(page).toHaveURL(/\/newsroom$/, SIGN_IN_WAIT);
}

export async function passwordStep(page: Page, email: string) {
  await submitPassword(page, email);
  await expect(page).toHaveURL(/\/login\/second-step/, SIGN_IN_WAIT);
}

export async function codeStep(page: Page, code: string) {
  await page.getByLabel('رمز التحقق').fill(code);
  await page.getByRole('button', { name: 'تحقق' }).click();
}

export async function expectSignedIn(page: Page) {
  await expect(page).toHaveURL(/\/newsroom$/, SIGN_IN_WAIT);
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/, SIGN_IN_WAIT);
}

