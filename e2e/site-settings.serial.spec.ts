import { expect, test } from './fixtures';
import { newClient, storageStateOf } from './session';

// Serial: the site's settings are one for every page.

test('the admin renames the site and switches to Western digits; every reader page shows it at once', async ({ browser, expectAccessible }) => {
  const admin = await (await newClient(browser, { storageState: storageStateOf('admin') })).newPage();
  const reader = await (await newClient(browser)).newPage();
  await admin.goto('/newsroom/settings');
  await expectAccessible(admin);
  const form = admin.locator('form').filter({ has: admin.getByLabel('اسم الموقع') });

  try {
    await admin.getByLabel('اسم الموقع').fill('صحيفة المساء');
    await admin.getByLabel('الأرقام في التواريخ والأعداد').selectOption('latn');
    await form.getByRole('button', { name: 'احفظ إعدادات الموقع' }).click();
    await expect(admin.getByText('حُفظت: يعرض موقع القرّاء التغيير الآن.')).toBeVisible();

    await reader.goto('/technology');
    await expect(reader.locator('header').getByRole('link', { name: 'صحيفة المساء' })).toBeVisible();
    await expect(reader).toHaveTitle(/صحيفة المساء/);
    // Dates now in Western digits.
    await expect(reader.locator('main time').first()).toHaveText(/\d{4}/);
    // And so do the newsroom's counts and dates (lib/format.ts): the stories list's count and its dates.
    await admin.goto('/newsroom/stories');
    await expect(admin.getByTestId('stories-count')).toHaveText(/^\d+ /);
    await expect(admin.locator('tbody tr').first().getByRole('cell').last()).not.toHaveText(/[٠-٩]/);
    await admin.goto('/newsroom/settings');

    // A time zone the server does not know is refused, and nothing typed is lost.
    await admin.getByLabel('المنطقة الزمنية لغرفة الأخبار').fill('Mars/Olympus');
    await form.getByRole('button', { name: 'احفظ إعدادات الموقع' }).click();
    await expect(admin.getByText('منطقة زمنية لا يعرفها الخادم. استخدم اسمًا مثل Asia/Riyadh.')).toBeVisible();
    await expect(admin.getByLabel('اسم الموقع')).toHaveValue('صحيفة المساء');
  } finally {
    await admin.reload();
    await admin.getByLabel('اسم الموقع').fill('صحيفة');
    await admin.getByLabel('الأرقام في التواريخ والأعداد').selectOption('arab');
    await admin.getByLabel('المنطقة الزمنية لغرفة الأخبار').fill('Asia/Riyadh');
    await form.getByRole('button', { name: 'احفظ إعدادات الموقع' }).click();
    await expect(admin.getByText('حُفظت: يعرض موقع القرّاء التغيير الآن.')).toBeVisible();
  }
  await reader.reload();
  await expect(reader.locator('header').getByRole('link', { name: 'صحيفة', exact: true })).toBeVisible();
  await admin.goto('/newsroom/stories');
  await expect(admin.getByTestId('stories-count')).toHaveText(/^[٠-٩]+ /);
});
