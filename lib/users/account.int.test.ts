import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authors, userTokens, users } from '@/db/schema';
import { loadSessionUser, type CurrentUser } from '@/lib/auth/actor';
import { verifyCredentials } from '@/lib/auth/sign-in';
import { DEFAULT_THROTTLE } from '@/lib/auth/throttle';
import { Forbidden } from '@/lib/dal';
import { connectTestDb } from '@/test/db';
import { asDeactivated, createStaff, sessionVersionOf, TEST_PASSWORD } from '@/test/staff';
import { uniqueIp } from '@/test/unique-ip';
import { changePassword, inspectLink, redeemLink, updateProfile } from './account';
import { createUser, issueAccessLink } from './admin';

const { db, client } = connectTestDb();
const ctx = { ip: '203.0.113.20' };
let admin: CurrentUser;
let writer: CurrentUser;

beforeAll(async () => {
  admin = await createStaff(db, 'admin');
  writer = await createStaff(db, 'writer');
});
afterAll(() => client.end());

const tokenOf = (url: string) => url.split('/').at(-1) as string;

describe('invitation links', () => {
  it('let the invitee set a password once, then sign in', async () => {
    const created = await createUser(admin, { email: 'invitee@test.sahifa', displayName: 'مدعوة', role: 'writer', jobTitle: null, authorSlug: undefined }, ctx);
    if (!created.ok) throw new Error('create failed');
    const token = tokenOf(created.data.url);
    expect(await inspectLink(token)).toEqual({ kind: 'invitation', email: 'invitee@test.sahifa', displayName: 'مدعوة' });

    expect(await redeemLink({ token, password: 'password1234' }, ctx)).toEqual({ ok: false, fieldErrors: { password: 'errors.password.common' } });
    expect(await redeemLink({ token, password: 'short' }, ctx)).toEqual({ ok: false, fieldErrors: { password: 'errors.password.tooShort' } });
    expect(await redeemLink({ token, password: 'a brand new newsroom phrase' }, ctx)).toEqual({ ok: true, data: { email: 'invitee@test.sahifa' } });
    // One time only.
    expect(await inspectLink(token)).toBeNull();
    expect(await redeemLink({ token, password: 'another brand new phrase' }, ctx)).toEqual({ ok: false, error: 'errors.linkInvalid' });
    expect((await verifyCredentials(db, { email: 'invitee@test.sahifa', password: 'a brand new newsroom phrase', ip: uniqueIp() }, DEFAULT_THROTTLE)).ok).toBe(true);
  });

  it('refuse an expired link (one issued 73 hours ago) and a tampered one alike', async () => {
    const created = await createUser(admin, { email: 'late@test.sahifa', displayName: 'متأخر', role: 'writer', jobTitle: null, authorSlug: undefined }, ctx);
    if (!created.ok) throw new Error('create failed');
    const token = tokenOf(created.data.url);
    const issued = new Date(Date.now() - 73 * 3_600_000);
    await db.update(userTokens).set({ createdAt: issued, expiresAt: new Date(issued.getTime() + 72 * 3_600_000) }).where(eq(userTokens.userId, created.data.userId));
    expect(await inspectLink(token)).toBeNull();
    expect(await redeemLink({ token, password: 'a brand new newsroom phrase' }, ctx)).toEqual({ ok: false, error: 'errors.linkInvalid' });
    expect(await inspectLink(`${token.slice(0, -1)}A`)).toBeNull();
  });

  it('retire older links when a new one is issued, and a reset ends every session', async () => {
    const first = await issueAccessLink(admin, { userId: writer.id }, ctx);
    const second = await issueAccessLink(admin, { userId: writer.id }, ctx);
    if (!first.ok || !second.ok) throw new Error('issue failed');
    expect(second.data.kind).toBe('password_reset');
    expect(await inspectLink(tokenOf(first.data.url))).toBeNull();
    const version = await sessionVersionOf(db, writer.id);
    expect((await redeemLink({ token: tokenOf(second.data.url), password: 'reset to a new phrase' }, ctx)).ok).toBe(true);
    expect(await loadSessionUser(db, writer.id, version)).toBeNull();
  });
});

describe('my account', () => {
  it('updates the own profile only, and refuses without a session', async () => {
    const me = await createStaff(db, 'editor');
    await expect(updateProfile(null, { displayName: 'x', locale: 'en', jobTitle: null, bio: null }, ctx)).rejects.toBeInstanceOf(Forbidden);
    await expect(updateProfile(asDeactivated(me), { displayName: 'x', locale: 'en', jobTitle: null, bio: null }, ctx)).rejects.toBeInstanceOf(Forbidden);
    await updateProfile(me, { displayName: 'اسم جديد', locale: 'en', jobTitle: 'محرر أول', bio: 'نبذة' }, ctx);
    const [user] = await db.select().from(users).where(eq(users.id, me.id));
    const [author] = await db.select().from(authors).where(eq(authors.userId, me.id));
    expect(user).toMatchObject({ displayName: 'اسم جديد', locale: 'en' });
    expect(author).toMatchObject({ name: 'اسم جديد', jobTitle: 'محرر أول', bio: 'نبذة' });
  });

  it('changes the password only with the current one, and ends other sessions', async () => {
    const me = await createStaff(db, 'writer');
    expect(await changePassword(me, { currentPassword: 'not my password', newPassword: 'a fresh long phrase' }, ctx)).toEqual({
      ok: false,
      fieldErrors: { currentPassword: 'errors.currentPasswordWrong' },
    });
    expect(await changePassword(me, { currentPassword: TEST_PASSWORD, newPassword: 'qwerty123456' }, ctx)).toEqual({
      ok: false,
      fieldErrors: { newPassword: 'errors.password.common' },
    });
    const version = await sessionVersionOf(db, me.id);
    expect(await changePassword(me, { currentPassword: TEST_PASSWORD, newPassword: 'a fresh long phrase' }, ctx)).toEqual({ ok: true, data: undefined });
    expect(await loadSessionUser(db, me.id, version)).toBeNull();
  });
});
