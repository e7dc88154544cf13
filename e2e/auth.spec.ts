import { createStaff, TEST_PASSWORD } from '@/test/staff';
import { expect, test } from './fixtures';
import { demoEmail, DEMO_PASSWORD, newClient, signIn } from './session';

test('a staff member signs in, lands where they were going, and signs out', async ({ browser, db, expectAccessible }) => {
  const writer = await createStaff(db, 'writer');
  const context = await newClient(browser);
  const page = await context.newPage();

  await page.goto('/newsroom/account');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fnewsroom%2Faccount/);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expectAccessible(page);

  await page.getByLabel('البريد الإلكتروني').fill(writer.email);
  await page.getByLabel('كلمة المرور', { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'دخول' }).click();
  await expect(page).toHaveURL(/\/newsroom\/account$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('حسابي');
  await expectAccessible(page);

  const cookie = (await context.cookies()).find((c) => c.name.includes('authjs.session-token'));
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

  await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);
  await expect(page.getByRole('status')).toContainText('سجّلت الخروج');
  await page.goto('/newsroom');
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});

test('a wrong password is refused without saying which part was wrong, then the pair is throttled', async ({ browser, expectAccessible }) => {
  const context = await newClient(browser);
  const page = await context.newPage();
  await page.goto('/login');
  const email = demoEmail('editor');
  const attempt = async (password: string) => {
    await page.getByLabel('البريد الإلكتروني').fill(email);
    await page.getByLabel('كلمة المرور', { exact: true }).fill(password);
    // Wait for the action's answer, and then for React to apply it: it resets the form (the password
    // empties) in that same commit. Otherwise the next attempt may be typed into a form about to be
    // reset and sent without its password, while the status still shows the previous, identical error.
    await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/login'),
      page.getByRole('button', { name: 'دخول' }).click(),
    ]);
    await expect(page.getByLabel('كلمة المرور', { exact: true })).toHaveValue('');
  };

  await attempt('not the right password');
  await expect(page.getByRole('status')).toHaveText('البريد الإلكتروني أو كلمة المرور غير صحيحة.');
  await expect(page.getByLabel('البريد الإلكتروني')).toHaveValue(email);
  await expectAccessible(page);
  for (let i = 0; i < 3; i++) {
    await attempt(`still wrong ${i} password`);
    await expect(page.getByRole('status')).toHaveText('البريد الإلكتروني أو كلمة المرور غير صحيحة.');
  }
  await attempt('fifth wrong password');
  await expect(page.getByRole('status')).toContainText('محاولات فاشلة كثيرة');
  // The right password is refused too, from this client…
  await attempt(DEMO_PASSWORD);
  await expect(page.getByRole('status')).toContainText('محاولات فاشلة كثيرة');
  await expect(page).toHaveURL(/\/login/);

  // …while the same editor signs in from another client at once.
  const elsewhere = await newClient(browser);
  await signIn(await elsewhere.newPage(), email, DEMO_PASSWORD);
  await elsewhere.close();
  await context.close();
});

test('the login page speaks English when the locale is switched', async ({ browser, expectAccessible }) => {
  const context = await newClient(browser);
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByRole('button', { name: /English/ }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  await page.getByLabel('E-mail').fill('nobody@sahifa.test');
  await page.getByLabel('Password', { exact: true }).fill('whatever password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('status')).toHaveText('The e-mail or password is not correct.');
  await expectAccessible(page);
  await context.close();
});
