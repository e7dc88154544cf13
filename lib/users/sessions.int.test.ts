import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users, userSessions } from '@/db/schema';
import { loadSessionUser, type CurrentUser } from '@/lib/auth/actor';
import { endOwnSession, startSession } from '@/lib/auth/sessions';
import { Forbidden } from '@/lib/dal';
import { connectTestDb } from '@/test/db';
import { createStaff } from '@/test/staff';
import { endOtherSessions, endOwnSessionById, endUserSession, listOwnSessions, listUserSessions } from './sessions';
import { signOutEverywhere } from './admin';

const { db, client } = connectTestDb();
const ctx = { ip: '203.0.113.20' };
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0';
let admin: CurrentUser;

beforeAll(async () => {
  admin = await createStaff(db, 'admin');
});
afterAll(() => client.end());

/** Signs the staff member in twice (two browsers) and returns the actor of each session as the DAL would see it. */
async function twoSessions(role: 'writer' | 'editor' = 'writer') {
  const staff = await createStaff(db, role);
  const open = async (ua: string) => {
    const id = await startSession(db, { userId: staff.id, sessionVersion: 1, method: 'password', userAgent: ua, ip: ctx.ip });
    return (await loadSessionUser(db, staff.id, 1, id))!;
  };
  return { staff, first: await open(FIREFOX), second: await open('') };
}

describe('sessions', () => {
  it('lists one’s own active sessions, marking the current one', async () => {
    const { first } = await twoSessions();
    const listed = await listOwnSessions(first);
    expect(listed).toHaveLength(2);
    expect(listed.find((s) => s.current)?.id).toBe(first.sessionId);
    expect(listed.find((s) => s.current)).toMatchObject({ browser: 'Firefox 140', device: 'Windows · desktop', ip: ctx.ip, method: 'password' });
  });

  it('ending a session signs that session out on its next request, and audits it', async () => {
    const { staff, first, second } = await twoSessions();
    expect((await endOwnSessionById(first, { sessionId: second.sessionId! }, ctx)).ok).toBe(true);
    expect(await loadSessionUser(db, staff.id, 1, second.sessionId)).toBeNull();
    expect(await loadSessionUser(db, staff.id, 1, first.sessionId)).not.toBeNull();
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'session.end'), eq(auditLog.targetId, staff.id)));
    expect(entry).toMatchObject({ actorId: staff.id, after: { sessionId: second.sessionId }, ip: ctx.ip });
    // Ending it again says it is gone.
    expect(await endOwnSessionById(first, { sessionId: second.sessionId! }, ctx)).toEqual({ ok: false, error: 'sessions.gone' });
  });

  it('never ends someone else’s session from the account page', async () => {
    const mine = await twoSessions();
    const theirs = await twoSessions();
    expect(await endOwnSessionById(mine.first, { sessionId: theirs.second.sessionId! }, ctx)).toEqual({ ok: false, error: 'sessions.gone' });
    expect(await loadSessionUser(db, theirs.staff.id, 1, theirs.second.sessionId)).not.toBeNull();
  });

  it('ends all other sessions but keeps this one', async () => {
    const { staff, first, second } = await twoSessions();
    expect(await endOtherSessions(first, ctx)).toEqual({ ok: true, data: { ended: 1 } });
    expect(await loadSessionUser(db, staff.id, 1, second.sessionId)).toBeNull();
    expect((await listOwnSessions(first)).map((s) => s.id)).toEqual([first.sessionId]);
  });

  it('lets admins see and end anyone’s session, and nobody else', async () => {
    const { staff, first, second } = await twoSessions('editor');
    expect((await listUserSessions(admin, staff.id)).map((s) => s.id).sort()).toEqual([first.sessionId, second.sessionId].sort());
    await expect(listUserSessions(first, staff.id)).rejects.toThrow(Forbidden);
    await expect(endUserSession(first, { userId: staff.id, sessionId: second.sessionId! }, ctx)).rejects.toThrow(Forbidden);
    expect((await endUserSession(admin, { userId: staff.id, sessionId: second.sessionId! }, ctx)).ok).toBe(true);
    expect(await loadSessionUser(db, staff.id, 1, second.sessionId)).toBeNull();
  });

  it('leaves sessions out of the list once a session-version bump ended them', async () => {
    const { staff, first } = await twoSessions();
    await signOutEverywhere(admin, { userId: staff.id }, ctx);
    expect(await listUserSessions(admin, staff.id)).toEqual([]);
    expect(await loadSessionUser(db, staff.id, 1, first.sessionId)).toBeNull();
  });

  it('writes last seen at most once a minute', async () => {
    const { staff, first } = await twoSessions();
    const old = new Date(Date.now() - 5 * 60_000);
    await db.update(userSessions).set({ lastSeenAt: old }).where(eq(userSessions.id, first.sessionId!));
    await loadSessionUser(db, staff.id, 1, first.sessionId);
    const [touched] = await db.select().from(userSessions).where(eq(userSessions.id, first.sessionId!));
    expect(touched!.lastSeenAt.getTime()).toBeGreaterThan(old.getTime() + 60_000);
    await loadSessionUser(db, staff.id, 1, first.sessionId);
    const [again] = await db.select().from(userSessions).where(eq(userSessions.id, first.sessionId!));
    expect(again!.lastSeenAt.getTime()).toBe(touched!.lastSeenAt.getTime());
  });

  it('signing out ends the session row, audited', async () => {
    const { staff, first } = await twoSessions();
    await endOwnSession(db, { userId: staff.id, sessionId: first.sessionId! });
    expect(await loadSessionUser(db, staff.id, 1, first.sessionId)).toBeNull();
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'auth.sign_out'), eq(auditLog.targetId, staff.id)));
    expect(entry?.after).toEqual({ sessionId: first.sessionId });
  });

  it('refuses a session row of another user', async () => {
    const a = await twoSessions();
    const b = await twoSessions();
    expect(await loadSessionUser(db, a.staff.id, 1, b.first.sessionId)).toBeNull();
    const [row] = await db.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, a.staff.id));
    expect(row?.sv).toBe(1);
  });
});
