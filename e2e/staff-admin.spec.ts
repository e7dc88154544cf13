import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { expect, test } from './fixtures';
import { newClient, storageStateOf } from './session';
import { uniqueHeadline } from './data';

test('an admin invites a writer, who sets a password and signs in; deactivation and role changes apply on the next navigation', async ({ browser, db, expectAccessible }) => {
  // Long by design (two browsers, eight accessibility scans); on a loaded two-core machine it has taken over 120 s.
  test.setTimeout(180_000);
  const admin = await newClient(browser, { storageState: storageStateOf('admin') });
  const adminPage = await admin.newPage();
  const name = uniqueHeadline('مراسلة');
  const email = `invitee-${Date.now().toString(36)}@sahifa.test`;

  await adminPage.goto('/newsroom/users');
  await expectAccessible(adminPage);
  await adminPage.getByRole('link', { name: 'إضافة عضو' }).click();
  await expect(adminPage).toHaveURL(/\/newsroom\/users\/new$/);
  await expectAccessible(adminPage);

  // Bad input first: the form says what is wrong and keeps what was typed.
  await adminPage.getByLabel('الاسم كما يظهر').fill(name);
  await adminPage.getByLabel('البريد', { exact: true }).fill('not-an-email');
  await adminPage.getByRole('button', { name: 'إنشاء الحساب والدعوة' }).click();
  await expect(adminPage.getByText('اكتب بريدًا إلكترونيًا صحيحًا.')).toBeVisible();
  await expect(adminPage.getByLabel('الاسم كما يظهر')).toHaveValue(name);

  await adminPage.getByLabel('البريد', { exact: true }).fill(email);
  await adminPage.getByLabel('المسمى الوظيفي').fill('مراسلة ميدانية');
  await adminPage.getByRole('button', { name: 'إنشاء الحساب والدعوة' }).click();
  const link = adminPage.getByTestId('one-time-link');
  await expect(link).toHaveValue(/\/login\/password\//);
  const invitation = new URL(await link.inputValue()).pathname;
  await expectAccessible(adminPage);

  // The invitee, in their own browser, sets a password and signs in.
  const invitee = await newClient(browser);
  const inviteePage = await invitee.newPage();
  await inviteePage.goto(invitation);
  await expect(inviteePage.getByRole('heading', { level: 1 })).toHaveText('مرحبًا بك في صحيفة');
  await expectAccessible(inviteePage);
  await inviteePage.getByLabel('كلمة المرور الجديدة').fill('password1234');
  await inviteePage.getByLabel('أعد كتابة كلمة المرور').fill('password1234');
  await inviteePage.getByRole('button', { name: 'حفظ كلمة المرور' }).click();
  await expect(inviteePage.getByText('كلمة المرور هذه شائعة')).toBeVisible();
  const password = 'حبر وورق في غرفة الأخبار';
  await inviteePage.getByLabel('كلمة المرور الجديدة').fill(password);
  await inviteePage.getByLabel('أعد كتابة كلمة المرور').fill(password);
  await inviteePage.getByRole('button', { name: 'حفظ كلمة المرور' }).click();
  await expect(inviteePage).toHaveURL(/\/login\?passwordSet=1/);
  await expect(inviteePage.getByLabel('البريد الإلكتروني')).toHaveValue(email);
  await inviteePage.getByLabel('كلمة المرور', { exact: true }).fill(password);
  await inviteePage.getByRole('button', { name: 'دخول' }).click();
  await expect(inviteePage).toHaveURL(/\/newsroom$/);
  await expect(inviteePage.getByRole('heading', { level: 1 })).toContainText(name);
  await expect(inviteePage.getByRole('link', { name: 'فريق العمل' })).toHaveCount(0);
  await expectAccessible(inviteePage);

  // The link was for one use only.
  await inviteePage.goto(invitation);
  await expect(inviteePage.getByRole('heading', { level: 1 })).toHaveText('الرابط غير صالح');
  await inviteePage.goto('/newsroom');

  // A role change shows on the invitee's next navigation.
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  await adminPage.goto(`/newsroom/users/${row!.id}`);
  await expectAccessible(adminPage);
  await adminPage.getByLabel('تغيير الدور').selectOption('admin');
  await adminPage.getByRole('button', { name: 'حفظ الدور' }).click();
  await expect(adminPage.getByText('حُفظ الدور.', { exact: true })).toBeVisible();
  await inviteePage.reload();
  await expect(inviteePage.getByRole('link', { name: 'فريق العمل' })).toBeVisible();
  await adminPage.getByLabel('تغيير الدور').selectOption('writer');
  await adminPage.getByRole('button', { name: 'حفظ الدور' }).click();
  await expect(adminPage.getByText('حُفظ الدور.', { exact: true }).first()).toBeVisible();

  // Deactivation: the invitee's open session is refused on its next navigation.
  await adminPage.getByRole('button', { name: 'تعطيل الحساب' }).click();
  await expect(adminPage.getByRole('alertdialog')).toBeVisible();
  await expectAccessible(adminPage);
  await adminPage.getByRole('alertdialog').getByRole('button', { name: 'تأكيد' }).click();
  await expect(adminPage.getByText('معطَّل', { exact: true })).toBeVisible();
  await inviteePage.goto('/newsroom/account');
  await expect(inviteePage).toHaveURL(/\/login\?callbackUrl=/);

  // And every change is in the audit log.
  await adminPage.goto(`/newsroom/audit?target=${row!.id}`);
  await expectAccessible(adminPage);
  // In words, not codes (user.create, user.accept_invitation, user.role, user.deactivate).
  for (const action of ['إنشاء حساب', 'قبول دعوة', 'تغيير الدور', 'تعطيل حساب']) {
    await expect(adminPage.getByRole('cell', { name: action, exact: true }).first()).toBeVisible();
  }
  await invitee.close();
  await admin.close();
});
