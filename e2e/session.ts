import path from 'node:path';
import { expect, type Browser, type BrowserContext, type Page, type WebSocketRoute } from '@playwright/test';
import { uniqueIp } from '@/test/unique-ip';

export type DemoRole = 'writer' | 'editor' | 'admin';
export const DEMO_PASSWORD = 'sahifa-demo-2026';
export const demoEmail = (role: DemoRole) => `${role}@sahifa.test`;
export const storageStateOf = (role: DemoRole) => path.join('e2e', '.auth', `${role}.json`);

// A client IP of its own, sent through the one trusted proxy hop.
export { uniqueIp };

/** A fresh browser context that the server sees as coming from its own client IP. */
export async function newClient(browser: Browser, options: { storageState?: string } = {}): Promise<BrowserContext> {
  return browser.newContext({ ...options, extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
}

/** A browser of `role` whose co-editing sockets the test can cut, as a lost connection would, and let through again. */
export async function cuttableClient(browser: Browser, role: DemoRole) {
  const context = await newClient(browser, { storageState: storageStateOf(role) });
  let cut = false;
  const open = new Set<WebSocketRoute>();
  await context.routeWebSocket(/\/collab$/, (socket) => {
    if (cut) return void socket.close({ code: 4000, reason: 'offline' });
    socket.connectToServer();
    open.add(socket);
  });
  return {
    context,
    async goOffline() {
      cut = true;
      for (const socket of open) await socket.close({ code: 4000, reason: 'offline' });
    },
    goOnline: () => void (cut = false),
  };
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/البريد الإلكتروني|E-mail/).fill(email);
  await page.getByLabel(/^(كلمة المرور|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(دخول|Sign in)$/ }).click();
  // argon2 plus the session row: on two shared, busy cores this passes the default five seconds.
  await expect(page).toHaveURL(/\/newsroom/, { timeout: 30_000 });
}
