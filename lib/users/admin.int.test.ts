import { and, count, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, authors, users, userTokens } from '@/db/schema';
import { loadSessionUser, type CurrentUser } from '@/lib/auth/actor';
import { Forbidden } from '@/lib/dal';
import { connectTestDb } from '@/test/db';
import { asDeactivated, createStaff, sessionVersionOf } from '@/test/staff';
import { changeRole, createUser, issueAccessLink, setStatus, signOutEverywhere } from './admin';
import { listStaff, getStaffMember } from './queries';
import { createUserSchema } from './schemas';

const { db, client } = connectTestDb();
const ctx = { ip: '203.0.113.10' };
let admin: CurrentUser;
let editor: CurrentUser;
let writer: CurrentUser;
let target: CurrentUser;

beforeAll(async () => {
  admin = await createStaff(db, 'admin');
  editor = await createStaff(db, 'editor');
  writer = await createStaff(db, 'writer');
  target = await createStaff(db, 'writer');
});
afterAll(() => client.end());

const newUser = (suffix: string) => ({ email: `new-${suffix}@test.sahifa`, displayName: `عضو ${suffix}`, role: 'writer' as const, jobTitle: null, authorSlug: undefined });

describe('every admin mutation refuses whoever may not manage staff', () => {
  const calls: [string, (actor: CurrentUser | null) => Promise<unknown>][] = [
    ['createUser', (actor) => createUser(actor, newUser(`refused-${Math.random()}`), ctx)],
    ['changeRole', (actor) => changeRole(actor, { userId: target.id, role: 'admin' }, ctx)],
    ['setStatus', (actor) => setStatus(actor, { userId: target.id, status: 'deactivated' }, ctx)],
    ['issueAccessLink', (actor) => issueAccessLink(actor, { userId: target.id }, ctx)],
    ['signOutEverywhere', (actor) => signOutEverywhere(actor, { userId: target.id }, ctx)],
    ['listStaff', (actor) => listStaff(actor, {})],
    ['getStaffMember', (actor) => getStaffMember(actor, target.id)],
  ];
  for (const [name, call] of calls) {
    it(`${name}: anonymous, writer, editor and a deactivated admin are refused, and nothing changes`, async () => {
      const before = await db.select().from(users).where(eq(users.id, target.id));
      const [auditBefore] = await db.select({ n: count() }).from(auditLog);
      for (const actor of [null, writer, editor, asDeactivated(admin)]) {
        await expect(call(actor), `${name} as ${actor?.role ?? 'anonymous'}`).rejects.toBeInstanceOf(Forbidden);
      }
      expect(await db.select().from(users).where(eq(users.id, target.id))).toEqual(before);
      const [auditAfter] = await db.select({ n: count() }).from(auditLog);
      expect(auditAfter?.n).toBe(auditBefore?.n);
    });
  }
});

describe('createUser', () => {
  it('creates the user, their byline profile, an invitation and an audit entry', async () => {
    const outcome = await createUser(admin, { ...newUser('a'), jobTitle: 'مراسلة', authorSlug: undefined }, ctx);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.data.url).toMatch(/\/login\/password\/[A-Za-z0-9_-]{43}$/);
    expect(outcome.data.expiresAt.getTime() - Date.now()).toBeGreaterThan(71.9 * 3_600_000);
    expect(outcome.data.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(72 * 3_600_000);
    const [user] = await db.select().from(users).where(eq(users.id, outcome.data.userId));
    expect(user).toMatchObject({ role: 'writer', status: 'active', passwordHash: null });
    const [author] = await db.select().from(authors).where(eq(authors.userId, outcome.data.userId));
    expect(author).toMatchObject({ name: 'عضو a', slug: 'عضو-a', jobTitle: 'مراسلة' });
    const tokens = await db.select().from(userTokens).where(eq(userTokens.userId, outcome.data.userId));
    expect(tokens).toHaveLength(1);
    expect(tokens[0]?.tokenHash).not.toContain(outcome.data.url.split('/').at(-1));
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'user.create'), eq(auditLog.targetId, outcome.data.userId)));
    expect(entry).toMatchObject({ actorId: admin.id, ip: ctx.ip });
  });

  it('refuses a duplicate e-mail, whatever its case, and creates nothing', async () => {
    const [before] = await db.select({ n: count() }).from(users);
    const outcome = await createUser(admin, { ...newUser('b'), email: 'NEW-A@test.sahifa' }, ctx);
    expect(outcome).toEqual({ ok: false, fieldErrors: { email: 'errors.emailTaken' } });
    const [after] = await db.select({ n: count() }).from(users);
    expect(after?.n).toBe(before?.n);
  });

  it('refuses a byline slug another author has', async () => {
    const outcome = await createUser(admin, { ...newUser('c'), authorSlug: 'عضو-a' }, ctx);
    expect(outcome).toEqual({ ok: false, fieldErrors: { authorSlug: 'errors.slugTaken' } });
    expect(await db.select().from(users).where(eq(users.email, 'new-c@test.sahifa'))).toEqual([]);
  });

  it('is validated by its schema: a tampered role or a malformed e-mail never reaches it', () => {
    const bad = createUserSchema.safeParse({ email: 'not-an-email', displayName: 'x', role: 'superuser' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path[0], i.message]).sort()).toEqual([
      ['email', 'errors.emailInvalid'],
      ['role', 'errors.invalidChoice'],
    ]);
  });
});

describe('role and status changes', () => {
  it('changes a role and records before and after', async () => {
    expect(await changeRole(admin, { userId: target.id, role: 'editor' }, ctx)).toEqual({ ok: true, data: undefined });
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'user.role'), eq(auditLog.targetId, target.id)));
    expect(entry).toMatchObject({ before: { role: 'writer' }, after: { role: 'editor' } });
  });

  it('answers an unknown user id with an error, not a crash', async () => {
    expect(await changeRole(admin, { userId: '00000000-0000-4000-8000-000000000000', role: 'editor' }, ctx)).toEqual({ ok: false, error: 'errors.userNotFound' });
  });

  it('deactivation ends the session at once; reactivation does not revive it', async () => {
    const version = await sessionVersionOf(db, target.id);
    expect(await loadSessionUser(db, target.id, version)).not.toBeNull();
    await setStatus(admin, { userId: target.id, status: 'deactivated' }, ctx);
    expect(await loadSessionUser(db, target.id, version)).toBeNull();
    await setStatus(admin, { userId: target.id, status: 'active' }, ctx);
    expect(await loadSessionUser(db, target.id, version)).toBeNull();
    expect(await loadSessionUser(db, target.id, await sessionVersionOf(db, target.id))).not.toBeNull();
  });

  it('sign out everywhere bumps the session version', async () => {
    const version = await sessionVersionOf(db, target.id);
    await signOutEverywhere(admin, { userId: target.id }, ctx);
    expect(await sessionVersionOf(db, target.id)).toBe(version + 1);
    expect(await loadSessionUser(db, target.id, version)).toBeNull();
  });
});

describe('the last active admin', () => {
  it('cannot be demoted or deactivated, even by two admins at once', async () => {
    // Leave exactly two active admins in this database.
    await db.update(users).set({ status: 'deactivated' }).where(and(eq(users.role, 'admin'), ne(users.id, admin.id)));
    const second = await createStaff(db, 'admin');

    // Each demotes the other at the same moment: exactly one may win.
    const results = await Promise.all([
      changeRole(admin, { userId: second.id, role: 'editor' }, ctx),
      changeRole(second, { userId: admin.id, role: 'editor' }, ctx),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: 'errors.lastAdmin' }]);

    const [survivor] = await db.select().from(users).where(and(eq(users.role, 'admin'), eq(users.status, 'active')));
    const survivorActor = (await loadSessionUser(db, survivor!.id, survivor!.sessionVersion))!;
    expect(await setStatus(survivorActor, { userId: survivor!.id, status: 'deactivated' }, ctx)).toEqual({ ok: false, error: 'errors.lastAdmin' });
    expect(await changeRole(survivorActor, { userId: survivor!.id, role: 'writer' }, ctx)).toEqual({ ok: false, error: 'errors.lastAdmin' });
  });
});
