import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parseSeedStory } from '@/db/seed-story';
import { slugify } from '@/lib/slug';
import { expect, test } from './fixtures';
import { demoEmail, DEMO_PASSWORD, newClient, signIn } from './session';
import { editorSettled } from './data';

// Every response carries the security headers; the staff area's scripts run
// under a nonce, the reader's under a fixed policy; and no page the suite
// walks through reports a CSP violation or a script error.
const seedSlug = slugify(parseSeedStory(readFileSync('db/seed-story.ar.txt', 'utf8')).headline);
const seedPath = `/technology/${encodeURIComponent(seedSlug)}`;

/** Collects console errors, uncaught errors and CSP violation events of a page. */
async function watch(page: Page): Promise<() => Promise<string[]>> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const list = ((window as unknown as { __csp?: string[] }).__csp ??= []);
      list.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return async () => [...problems, ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).map((v) => `violation: ${v}`)];
}

const policyOf = (header: string | undefined) => new Map((header ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

test('reader pages, feeds and staff pages carry the security headers', async ({ request }) => {
  for (const path of ['/', seedPath, '/technology', '/feed.xml', '/robots.txt', '/login', '/api/health']) {
    const headers = (await request.get(path, { maxRedirects: 0 })).headers();
    const csp = policyOf(headers['content-security-policy']);
    expect(csp.get('object-src'), path).toEqual(["'none'"]);
    expect(csp.get('base-uri'), path).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors'), path).toEqual(["'none'"]);
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    // The e2e server is plain HTTP: no HSTS.
    expect(headers['strict-transport-security'], path).toBeUndefined();
  }
  // Reader pages: the same policy for every response, so their HTML can be cached; they run no script at all.
  const home = policyOf((await request.get('/')).headers()['content-security-policy']);
  expect(home.get('script-src')).toEqual(["'none'"]);
  expect(home.get('script-src-attr')).toEqual(["'none'"]);
  // Staff pages: a fresh nonce each time, and no 'unsafe-inline' for scripts.
  const [first, second] = await Promise.all([request.get('/login'), request.get('/login')]);
  const scripts = policyOf(first.headers()['content-security-policy']).get('script-src') ?? [];
  expect(scripts).toContain("'strict-dynamic'");
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts.find((s) => s.startsWith("'nonce-"))).toBeTruthy();
  expect(first.headers()['content-security-policy']).not.toBe(second.headers()['content-security-policy']);
  // Every script Next writes into a staff page carries that nonce.
  const nonce = scripts.find((s) => s.startsWith("'nonce-"))!.slice(7, -1);
  const html = await first.text();
  const tags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
});

test('HSTS only when the trusted proxy says the visitor came over https', async ({ request }) => {
  // The e2e server trusts one proxy hop (TRUST_PROXY_HOPS=1), as behind a TLS-terminating proxy.
  const secure = (await request.get('/', { headers: { 'x-forwarded-proto': 'https' } })).headers();
  expect(secure['strict-transport-security']).toBe('max-age=31536000');
  expect(secure['content-security-policy']).toContain('upgrade-insecure-requests');
  const plain = (await request.get('/', { headers: { 'x-forwarded-proto': 'http' } })).headers();
  expect(plain['strict-transport-security']).toBeUndefined();
});

test('a client-sent CSP header cannot make a reader page use its nonce, and the private copies keep no-referrer', async ({ request }) => {
  const response = await request.get('/', { headers: { 'content-security-policy': "script-src 'nonce-forged'" } });
  expect(await response.text()).not.toContain('nonce="forged"');
  expect((await request.get('/share/not-a-token', { maxRedirects: 0 })).headers()['referrer-policy']).toBe('no-referrer');
});

test('no CSP violation or script error on a reader page, the sign-in page, the dashboard and the story editor', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await newClient(browser);
  const page = await context.newPage();
  const problems = await watch(page);

  await page.goto(seedPath);
  await expect(page.locator('h1')).toBeVisible();
  expect(await problems(), 'reader page').toEqual([]);

  // Sign-in is a client form (useActionState) under the nonce policy; it must still work.
  await signIn(page, demoEmail('editor'), DEMO_PASSWORD);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await problems(), 'sign-in and dashboard').toEqual([]);

  // The editor, on a story of its own: Tiptap, autosave, a Radix dialog and next-intl, all under the nonce policy.
  await page.goto('/newsroom/stories');
  await page.getByRole('button', { name: 'قصة جديدة' }).click();
  await expect(page).toHaveURL(/\/newsroom\/stories\/[0-9a-f-]{36}$/);
  const body = page.getByRole('textbox', { name: 'نص القصة' });
  await expect(body).toHaveAttribute('contenteditable', 'true');
  await body.click();
  await page.keyboard.type('تجربة تحت سياسة أمان المحتوى');
  await editorSettled(page);
  await page.keyboard.press('Control+/');
  await expect(page.getByRole('dialog', { name: 'اختصارات لوحة المفاتيح' })).toBeVisible();
  expect(await problems(), 'story editor').toEqual([]);
  await context.close();
});
