import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { webhooks } from '@/db/schema';
import { expect, test } from './fixtures';
import { newClient, storageStateOf } from './session';
import { uniqueHeadline } from './data';

// The admin's integration pages in Chromium: a content API key issued, used
// and revoked; a webhook added, tested, and its delivery read in the log.

test('an admin issues an API key, a client reads with it, and after revocation gets 401', async ({ browser, request, expectAccessible }) => {
  const admin = await newClient(browser, { storageState: storageStateOf('admin') });
  const page = await admin.newPage();
  const name = uniqueHeadline('تطبيق الجوال');
  await page.goto('/newsroom/api-keys');
  await expectAccessible(page);
  await page.getByLabel('الجهة المستخدمة').fill(name);
  await page.getByRole('button', { name: 'أصدر المفتاح' }).click();
  const shown = page.getByTestId('api-key');
  await expect(shown).toHaveValue(/^sahifa_[\w-]{43}$/);
  const key = await shown.inputValue();
  await expectAccessible(page);

  const authorization = `Bearer ${key}`;
  const stories = await request.get('/api/v1/stories?limit=5', { headers: { authorization } });
  expect(stories.status()).toBe(200);
  const page1 = (await stories.json()) as { data: { id: string; headline: string }[] };
  expect(page1.data.length).toBeGreaterThan(0);
  expect((await request.get('/api/v1/stories')).status()).toBe(401);

  // The list shows the key by its prefix only; revoking it closes the API to it at once.
  const row = page.getByTestId('api-key-row').filter({ hasText: name });
  await expect(row).toContainText(key.slice(0, 15));
  await expect(row).not.toContainText(key);
  await row.getByRole('button', { name: 'إلغاء' }).click();
  await expect(row).toContainText('أُلغي');
  const refused = await request.get('/api/v1/stories', { headers: { authorization } });
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  await admin.close();
});

test('an admin adds a webhook to a private receiver, sends a test, and reads the delivery in the log', async ({ browser, db, expectAccessible }) => {
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sahifa`;
  const name = uniqueHeadline('شريك');
  const admin = await newClient(browser, { storageState: storageStateOf('admin') });
  const page = await admin.newPage();
  try {
    await page.goto('/newsroom/webhooks');
    await expectAccessible(page);
    await page.getByLabel('الاسم', { exact: true }).fill(name);
    await page.getByLabel('العنوان', { exact: true }).fill(url);
    // Only retractions, so the stories other specs publish meanwhile send it little (workflow.spec.ts retracts one).
    for (const event of ['نُشرت قصة (أو أُعيد نشرها)', 'حُدّثت قصة منشورة', 'سُحبت قصة']) await page.getByRole('checkbox', { name: event }).uncheck();

    // A loopback receiver is refused until private addresses are allowed for this hook.
    await page.getByRole('button', { name: 'أضف الخطاف' }).click();
    await expect(page.getByText('هذا العنوان على شبكة خاصة أو محلية أو داخلية.', { exact: false })).toBeVisible();
    await page.getByRole('checkbox', { name: /السماح بالعناوين الخاصة والمحلية/ }).check();
    await page.getByRole('button', { name: 'أضف الخطاف' }).click();
    const secret = page.getByTestId('webhook-secret');
    await expect(secret).toHaveValue(/^whsec_/);
    const signingSecret = await secret.inputValue();
    await expectAccessible(page);

    await page.getByRole('link', { name: 'افتح الخطاف وأرسل تجربة' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await page.getByRole('button', { name: 'أرسل تجربة' }).click();
    // The job runner delivers it; the page refreshes itself while it waits.
    const delivery = page.getByTestId('delivery-row').filter({ hasText: 'تجربة' });
    await expect(delivery).toContainText('سُلِّم');
    await expect(delivery).toContainText(/المحاولة ١: 200 خلال [٠-٩]+ م\.ث/);
    await expectAccessible(page);

    const pings = received.filter((r) => (JSON.parse(r.body) as { event: string }).event === 'ping');
    expect(pings).toHaveLength(1);
    const [, t, v1] = String(pings[0]!.headers['sahifa-signature']).match(/^t=(\d+),v1=([0-9a-f]{64})$/)!;
    expect(v1).toBe(createHmac('sha256', signingSecret).update(`${t}.${pings[0]!.body}`).digest('hex'));
    expect(JSON.parse(pings[0]!.body)).toMatchObject({ event: 'ping', data: { webhook: { name } } });

    await page.getByRole('button', { name: 'احذف الخطاف' }).click();
    await expect(page).toHaveURL(/\/newsroom\/webhooks$/);
    await expect(page.getByTestId('webhook-row').filter({ hasText: name })).toHaveCount(0);
  } finally {
    await db.delete(webhooks).where(eq(webhooks.name, name));
    await admin.close();
    await new Promise((resolve) => server.close(resolve));
  }
});
