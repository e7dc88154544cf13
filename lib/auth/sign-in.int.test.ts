import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, signInThrottles, users, userSessions } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { connectTestDb } from '@/test/db';
import { uniqueIp } from '@/test/unique-ip';
import { createStaff, TEST_PASSWORD } from '@/test/staff';
import { startSession } from './sessions';
import { verifyCredentials } from './sign-in';
import { DEFAULT_THROTTLE, pairKey } from './throttle';

const { db, client } = connectTestDb();
let editor: CurrentUser;

beforeAll(async () => {
  editor = await createStaff(db, 'editor');
});
afterAll(() => client.end());

describe('verifyCredentials', () => {
  it('accepts the right password, in any e-mail case; the session it leads to records the sign-in', async () => {
    const ip = uniqueIp();
    const result = await verifyCredentials(db, { email: editor.email.toUpperCase(), password: TEST_PASSWORD, ip }, DEFAULT_THROTTLE);
    expect(result).toEqual({ ok: true, user: { id: editor.id, sessionVersion: 1, hasSecondFactor: false } });
    const sessionId = await startSession(db, { userId: editor.id, sessionVersion: 1, method: 'password', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36', ip });
    const [user] = await db.select().from(users).where(eq(users.id, editor.id));
    expect(user?.lastSignInAt).toBeInstanceOf(Date);
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'auth.sign_in'), eq(auditLog.targetId, editor.id)));
    expect(entry?.ip).toBe(ip);
    expect(entry?.after).toEqual({ method: 'password', sessionId });
    const [session] = await db.select().from(userSessions).where(eq(userSessions.id, sessionId));
    expect(session).toMatchObject({ userId: editor.id, browser: 'Chrome 140', device: 'Linux · desktop', ip, endedAt: null });
  });

  it('gives an unknown e-mail and a wrong password the same answer', async () => {
    const ip = uniqueIp();
    expect(await verifyCredentials(db, { email: 'nobody@test.sahifa', password: TEST_PASSWORD, ip }, DEFAULT_THROTTLE)).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifyCredentials(db, { email: editor.email, password: 'not the password at all', ip }, DEFAULT_THROTTLE)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a deactivated account and an invited one without a password', async () => {
    const gone = await createStaff(db, 'writer');
    await db.update(users).set({ status: 'deactivated' }).where(eq(users.id, gone.id));
    expect(await verifyCredentials(db, { email: gone.email, password: TEST_PASSWORD, ip: uniqueIp() }, DEFAULT_THROTTLE)).toEqual({ ok: false, reason: 'invalid' });
    const invited = await createStaff(db, 'writer', { password: false });
    expect(await verifyCredentials(db, { email: invited.email, password: TEST_PASSWORD, ip: uniqueIp() }, DEFAULT_THROTTLE)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('locks one account from one IP after five failures, and only that pair', async () => {
    const ip = uniqueIp();
    const attempt = (password: string, from = ip) => verifyCredentials(db, { email: editor.email, password, ip: from }, DEFAULT_THROTTLE);
    for (let i = 0; i < 4; i++) expect(await attempt('wrong password here')).toEqual({ ok: false, reason: 'invalid' });
    expect(await attempt('wrong password here')).toEqual({ ok: false, reason: 'throttled' });
    // Even the right password is refused from that IP now…
    expect(await attempt(TEST_PASSWORD)).toEqual({ ok: false, reason: 'throttled' });
    // …but the editor still gets in from anywhere else: no lockout per account alone.
    expect((await attempt(TEST_PASSWORD, uniqueIp())).ok).toBe(true);
    const [lockout] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'auth.lockout'), eq(auditLog.ip, ip)));
    expect(lockout?.targetId).toBe(editor.email.toLowerCase());
  });

  it('lifts the lock once the lockout has passed (a row written in the past)', async () => {
    const ip = uniqueIp();
    const past = new Date(Date.now() - 16 * 60_000);
    await db.insert(signInThrottles).values({ key: pairKey(editor.email, ip), failures: 5, windowStartedAt: past, lockedUntil: new Date(past.getTime() + 15 * 60_000) });
    expect((await verifyCredentials(db, { email: editor.email, password: TEST_PASSWORD, ip }, DEFAULT_THROTTLE)).ok).toBe(true);
  });

  it('locks an IP across accounts at its limit, counting concurrent failures', async () => {
    const ip = uniqueIp();
    const config = { ...DEFAULT_THROTTLE, ipLimit: 6 };
    await Promise.all(
      Array.from({ length: 6 }, (_, i) => verifyCredentials(db, { email: `spray-${i}@test.sahifa`, password: 'whatever password', ip }, config)),
    );
    expect(await verifyCredentials(db, { email: editor.email, password: TEST_PASSWORD, ip }, config)).toEqual({ ok: false, reason: 'throttled' });
    expect((await verifyCredentials(db, { email: editor.email, password: TEST_PASSWORD, ip: uniqueIp() }, config)).ok).toBe(true);
  });
});
