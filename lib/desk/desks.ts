import 'server-only';
import { and, asc, eq, inArray, ne, notInArray, sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db';
import { deskMembers, desks, sections, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { CurrentUser } from '@/lib/auth/actor';
import { roleCan, roles, type Role } from '@/lib/auth/permissions';
import { authorize, failure, fieldFailure, success, type Outcome } from '@/lib/dal';
import { lockDesks } from './keeps-section';
import type { DeskInput, UpdateDeskInput } from './schemas';

// Desks, for admins: a name, the sections it owns, the editors on it. Each
// change is one transaction with its audit entry; a refusal saves nothing.
// Reader pages do not know desks, so no reader cache is touched.

export type Named = { id: string; name: string };
export type DeskView = Named & { sections: Named[]; editors: Named[] };
export type DesksPage = {
  desks: DeskView[];
  /** Every section not archived, with the desk that owns it now (null: the general desk). */
  sections: (Named & { deskId: string | null })[];
  /** Everyone a desk's membership means something to: active reviewers who do not already work every desk. */
  editors: Named[];
};

/** Roles whose work a desk scopes: they review, and do not work every desk anyway (admins). */
const memberRoles: Role[] = roles.filter((role) => roleCan(role, 'stories:review') && !roleCan(role, 'desks:every'));

export async function listDesks(actor: CurrentUser | null): Promise<DesksPage> {
  authorize(actor, 'desks:manage');
  const db = getDb();
  const [deskRows, sectionRows, memberRows, editorRows] = await Promise.all([
    db.select({ id: desks.id, name: desks.name }).from(desks).orderBy(asc(desks.name)),
    db.select({ id: sections.id, name: sections.name, deskId: sections.deskId }).from(sections).where(sql`${sections.archivedAt} is null`).orderBy(asc(sections.position), asc(sections.name)),
    db.select({ deskId: deskMembers.deskId, id: users.id, name: users.displayName }).from(deskMembers).innerJoin(users, eq(users.id, deskMembers.userId)).orderBy(asc(users.displayName)),
    db.select({ id: users.id, name: users.displayName }).from(users).where(and(eq(users.status, 'active'), inArray(users.role, memberRoles))).orderBy(asc(users.displayName)),
  ]);
  return {
    desks: deskRows.map((desk) => ({
      ...desk,
      sections: sectionRows.filter((section) => section.deskId === desk.id).map(({ id, name }) => ({ id, name })),
      editors: memberRows.filter((member) => member.deskId === desk.id).map(({ id, name }) => ({ id, name })),
    })),
    sections: sectionRows,
    editors: editorRows,
  };
}

/**
 * What a desk may be given: sections that exist and are not archived, active
 * editors, a name no other desk has; and no other desk left without a section
 * by taking its sections. Field errors, in the UI language, before anything is written.
 */
async function deskProblems(tx: Transaction, input: DeskInput, deskId: string | null): Promise<Record<string, string> | null> {
  const [open, editors, sameName] = await Promise.all([
    tx.select({ id: sections.id, deskId: sections.deskId }).from(sections).where(and(inArray(sections.id, input.sectionIds), sql`${sections.archivedAt} is null`)),
    input.editorIds.length > 0 ? tx.select({ id: users.id }).from(users).where(and(inArray(users.id, input.editorIds), eq(users.status, 'active'), inArray(users.role, memberRoles))) : Promise.resolve([]),
    tx.select({ id: desks.id }).from(desks).where(and(sql`lower(${desks.name}) = lower(${input.name})`, deskId ? ne(desks.id, deskId) : sql`true`)),
  ]);
  const problems: Record<string, string> = {};
  if (sameName.length > 0) problems.name = 'errors.desks.nameTaken';
  if (open.length !== new Set(input.sectionIds).size) problems.sectionIds = 'errors.invalidChoice';
  if (editors.length !== new Set(input.editorIds).size) problems.editorIds = 'errors.invalidChoice';
  // A desk whose every section moves here would be left with none.
  const losing = [...new Set(open.map((section) => section.deskId).filter((id): id is string => id !== null && id !== deskId))];
  if (!problems.sectionIds && losing.length > 0) {
    const keeping = await tx
      .selectDistinct({ deskId: sections.deskId })
      .from(sections)
      .where(and(inArray(sections.deskId, losing), notInArray(sections.id, input.sectionIds), sql`${sections.archivedAt} is null`));
    if (keeping.length < losing.length) problems.sectionIds = 'errors.desks.leavesEmpty';
  }
  return Object.keys(problems).length > 0 ? problems : null;
}

/** Gives the desk exactly these sections and editors; sections it no longer owns go to the general desk. */
async function writeDesk(tx: Transaction, deskId: string, input: DeskInput) {
  await tx.update(sections).set({ deskId: null }).where(and(eq(sections.deskId, deskId), notInArray(sections.id, input.sectionIds)));
  await tx.update(sections).set({ deskId }).where(inArray(sections.id, input.sectionIds));
  await tx.delete(deskMembers).where(eq(deskMembers.deskId, deskId));
  if (input.editorIds.length > 0) await tx.insert(deskMembers).values([...new Set(input.editorIds)].map((userId) => ({ deskId, userId })));
}

export async function createDesk(actor: CurrentUser | null, input: DeskInput, ctx: { ip: string }): Promise<Outcome<{ id: string }>> {
  authorize(actor, 'desks:manage');
  return getDb().transaction(async (tx) => {
    await lockDesks(tx);
    const problems = await deskProblems(tx, input, null);
    if (problems) return fieldFailure(problems);
    const [desk] = await tx.insert(desks).values({ name: input.name }).returning({ id: desks.id });
    await writeDesk(tx, desk!.id, input);
    await recordAudit(tx, { actorId: actor.id, action: 'desk.create', targetType: 'desk', targetId: desk!.id, after: input, ip: ctx.ip });
    return success({ id: desk!.id });
  });
}

export async function updateDesk(actor: CurrentUser | null, input: UpdateDeskInput, ctx: { ip: string }): Promise<Outcome> {
  authorize(actor, 'desks:manage');
  return getDb().transaction(async (tx) => {
    await lockDesks(tx);
    const [desk] = await tx.select().from(desks).where(eq(desks.id, input.id));
    if (!desk) return failure('errors.notFound');
    const problems = await deskProblems(tx, input, desk.id);
    if (problems) return fieldFailure(problems);
    const [before, members] = await Promise.all([
      tx.select({ id: sections.id }).from(sections).where(eq(sections.deskId, desk.id)),
      tx.select({ id: deskMembers.userId }).from(deskMembers).where(eq(deskMembers.deskId, desk.id)),
    ]);
    await tx.update(desks).set({ name: input.name }).where(eq(desks.id, desk.id));
    await writeDesk(tx, desk.id, input);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'desk.update',
      targetType: 'desk',
      targetId: desk.id,
      before: { name: desk.name, sectionIds: before.map((row) => row.id), editorIds: members.map((row) => row.id) },
      after: { name: input.name, sectionIds: input.sectionIds, editorIds: input.editorIds },
      ip: ctx.ip,
    });
    return success(undefined);
  });
}

/** Removes a desk: its sections go to the general desk, its editors keep their other desks. */
export async function deleteDesk(actor: CurrentUser | null, input: { id: string }, ctx: { ip: string }): Promise<Outcome> {
  authorize(actor, 'desks:manage');
  return getDb().transaction(async (tx) => {
    await lockDesks(tx);
    const [desk] = await tx.delete(desks).where(eq(desks.id, input.id)).returning();
    if (!desk) return failure('errors.notFound');
    await recordAudit(tx, { actorId: actor.id, action: 'desk.delete', targetType: 'desk', targetId: desk.id, before: { name: desk.name }, ip: ctx.ip });
    return success(undefined);
  });
}
