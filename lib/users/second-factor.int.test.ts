import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, settings, totpFactors } from '@/db/schema';
import { loadSessionUser, type CurrentUser } from '@/lib/auth/actor';
import { verifySecondStep } from '@/lib/auth/second-step';
import { verifyCredentials } from '@/lib/auth/sign-in';
import { DEFAULT_THROTTLE } from '@/lib/auth/throttle';
import { totpCode } from '@/lib/auth/totp';
import { Forbidden } from '@/lib/dal';
import { connectTestDb } from '@/test/db';
import { uniqueIp } from '@/test/unique-ip';
import { createStaff, sessionVersionOf, TEST_PASSWORD } from '@/test/staff';
import { saveSignInPolicy } from '@/lib/settings/sign-in-policy';
import { confirmTotp, disableTotp, getSecurityView, resetSecondFactor, startTotp } from './second-factor';

const { db, client } = connectTestDb();
const ctx = { ip: '203.0.113.30' };
let admin: CurrentUser;

beforeAll(async () => {
  admin = await createStaff(db, 'admin');
});
afterAll(() => client.end());

const secretOf = async (userId: string) => (await db.select().from(totpFactors).where(eq(totpFactors.userId, userId)))[0]!.secret;
const toArabicIndic = (code: string) => code.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
const step = (offset: number) => new Date(Date.now() + offset * 30_000);

/** A writer with an enrolled authenticator app; returns the secret and the recovery codes. */
async function enrolled() {
  const user = await createStaff(db, 'writer');
  expect((await startTotp(user)).ok).toBe(true);
  const secret = await secretOf(user.id);
  const outcome = await confirmTotp(user, { code: totpCode(secret, step(-1)) }, ctx);
  if (!outcome.ok) throw new Error('enrolment failed');
  return { user, secret, codes: outcome.data.recoveryCodes };
}

describe('authenticator app', () => {
  it('enrols with a first code, issues ten recovery codes, and audits it', async () => {
    const user = await createStaff(db, 'writer');
    await startTotp(user);
    expect((await getSecurityView(user)).totp.state).toBe('pending');
    expect(await confirmTotp(user, { code: '000000' }, ctx)).toEqual({ ok: false, fieldErrors: { code: 'secondStep.invalid' } });
    const secret = await secretOf(user.id);
    const outcome = await confirmTotp(user, { code: totpCode(secret, new Date()) }, ctx);
    expect(outcome.ok && outcome.data.recoveryCodes).toHaveLength(10);
    expect(await getSecurityView(user)).toMatchObject({ totp: { state: 'on', recoveryLeft: 10 } });
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'second_factor.enrol'), eq(auditLog.targetId, user.id)));
    expect(entry?.after).toEqual({ kind: 'totp' });
    // The password step now leads to a second step.
    const result = await verifyCredentials(db, { email: user.email, password: TEST_PASSWORD, ip: uniqueIp() }, DEFAULT_THROTTLE);
    expect(result.ok && result.user.hasSecondFactor).toBe(true);
  });

  it('accepts a code once, typed in Arabic-Indic digits too, and refuses its replay', async () => {
    const { user, secret } = await enrolled();
    const pending = { uid: user.id, sv: 1 };
    const code = totpCode(secret, new Date());
    expect(await verifySecondStep(db, { pending, code: toArabicIndic(code), ip: uniqueIp() }, DEFAULT_THROTTLE)).toEqual({ ok: true, method: 'totp' });
    expect(await verifySecondStep(db, { pending, code, ip: uniqueIp() }, DEFAULT_THROTTLE)).toEqual({ ok: false, reason: 'invalid' });
    // An older code in the window is refused too: the step moved on.
    expect(await verifySecondStep(db, { pending, code: totpCode(secret, step(-1)), ip: uniqueIp() }, DEFAULT_THROTTLE)).toEqual({ ok: false, reason: 'invalid' });
    const [failed] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'auth.second_step_failed'), eq(auditLog.targetId, user.id)));
    expect(failed).toBeDefined();
  });

  it('accepts each recovery code once', async () => {
    const { user, codes } = await enrolled();
    const pending = { uid: user.id, sv: 1 };
    expect(await verifySecondStep(db, { pending, code: codes[3]!.toLowerCase(), ip: uniqueIp() }, DEFAULT_THROTTLE)).toEqual({ ok: true, method: 'recovery' });
    expect(await verifySecondStep(db, { pending, code: codes[3]!, ip: uniqueIp() }, DEFAULT_THROTTLE)).toEqual({ ok: false, reason: 'invalid' });
    expect(await getSecurityView(user)).toMatchObject({ totp: { state: 'on', recoveryLeft: 9 } });
  });

  it('throttles the second step per account and IP, then per account across IPs', async () => {
    const { user, secret } = await enrolled();
    const pending = { uid: user.id, sv: 1 };
    const ip = uniqueIp();
    for (let i = 0; i < 4; i++) expect(await verifySecondStep(db, { pending, code: '000000', ip }, DEFAULT_THROTTLE)).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifySecondStep(db, { pending, code: '000000', ip }, DEFAULT_THROTTLE)).toEqual({ ok: false, reason: 'throttled' });
    expect(await verifySecondStep(db, { pending, code: totpCode(secret, new Date()), ip }, DEFAULT_THROTTLE)).toEqual({ ok: false, reason: 'throttled' });
    // Each from an address of its own: every one is a counted failure (an address locked elsewhere would not count).
    for (let i = 0; i < 4; i++) expect(await verifySecondStep(db, { pending, code: '000000', ip: uniqueIp() }, DEFAULT_THROTTLE)).toEqual({ ok: false, reason: 'invalid' });
    // Ten failures in all: the account is locked from a fresh address as well.
    expect(await verifySecondStep(db, { pending, code: '000000', ip: uniqueIp() }, DEFAULT_THROTTLE)).toEqual({ ok: false, reason: 'throttled' });
    expect(await verifySecondStep(db, { pending, code: totpCode(secret, new Date()), ip: uniqueIp() }, DEFAULT_THROTTLE)).toEqual({ ok: false, reason: 'throttled' });
  });

  it('refuses a pending step after the session version moved on', async () => {
    const { user, secret } = await enrolled();
    await resetSecondFactor(admin, { userId: user.id }, ctx);
    expect(await verifySecondStep(db, { pending: { uid: user.id, sv: 1 }, code: totpCode(secret, new Date()), ip: uniqueIp() }, DEFAULT_THROTTLE)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('turns off only with the password and a code', async () => {
    const { user, secret } = await enrolled();
    expect(await disableTotp(user, { password: 'not the password at all', code: totpCode(secret, new Date()) }, ctx)).toEqual({ ok: false, fieldErrors: { password: 'errors.currentPasswordWrong' } });
    expect(await disableTotp(user, { password: TEST_PASSWORD, code: '000000' }, ctx)).toEqual({ ok: false, fieldErrors: { code: 'secondStep.invalid' } });
    expect(await disableTotp(user, { password: TEST_PASSWORD, code: totpCode(secret, new Date()) }, ctx)).toEqual({ ok: true, data: undefined });
    expect((await getSecurityView(user)).totp.state).toBe('off');
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'second_factor.remove'), eq(auditLog.targetId, user.id)));
    expect(entry).toBeDefined();
  });

  it('lets only admins reset a second factor, which signs the user out everywhere', async () => {
    const { user } = await enrolled();
    await expect(resetSecondFactor(user, { userId: user.id }, ctx)).rejects.toThrow(Forbidden);
    expect((await resetSecondFactor(admin, { userId: user.id }, ctx)).ok).toBe(true);
    expect(await sessionVersionOf(db, user.id)).toBe(2);
    expect(await loadSessionUser(db, user.id, 1)).toBeNull();
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'user.second_factor_reset'), eq(auditLog.targetId, user.id)));
    expect(entry).toMatchObject({ actorId: admin.id, before: { totp: true, passkeys: 0 } });
  });
});

describe('second-factor policy', () => {
  afterAll(async () => {
    await db.update(settings).set({ secondFactorRequired: false });
  });

  it('holds an editor without a factor at enrolment, and frees them once enrolled', async () => {
    const editor = await createStaff(db, 'editor');
    const writer = await createStaff(db, 'writer');
    await db.insert(settings).values({ id: 1, siteName: 'صحيفة' }).onConflictDoNothing();
    // Only admins set the policy; the audit keeps what it was.
    await expect(saveSignInPolicy(editor, { required: true, roles: ['admin', 'editor'] }, ctx)).rejects.toThrow(Forbidden);
    expect((await saveSignInPolicy(admin, { required: true, roles: ['admin', 'editor'] }, ctx)).ok).toBe(true);
    const [audited] = await db.select().from(auditLog).where(eq(auditLog.action, 'settings.sign_in_policy'));
    expect(audited?.after).toEqual({ required: true, roles: ['admin', 'editor'] });
    const held = (await loadSessionUser(db, editor.id, 1))!;
    expect(held.mustEnrol).toBe(true);
    expect((await loadSessionUser(db, writer.id, 1))!.mustEnrol).toBe(false);
    // Every capability but enrolment is refused by the DAL.
    await expect(resetSecondFactor({ ...held, role: 'admin' }, { userId: writer.id }, ctx)).rejects.toThrow(Forbidden);
    expect((await startTotp(held)).ok).toBe(true);
    const outcome = await confirmTotp(held, { code: totpCode(await secretOf(editor.id), new Date()) }, ctx);
    expect(outcome.ok).toBe(true);
    expect((await loadSessionUser(db, editor.id, 1))!.mustEnrol).toBe(false);
  });
});
