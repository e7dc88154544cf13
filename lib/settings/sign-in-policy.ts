import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { settings } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { CurrentUser } from '@/lib/auth/actor';
import { roles } from '@/lib/auth/permissions';
import type { SecondFactorPolicy } from '@/lib/auth/policy';
import { now } from '@/lib/clock';
import { authorize, success, type Outcome } from '@/lib/dal';

// Which roles must have a second factor (lib/auth/policy.ts decides who is held at enrolment).

const checkbox = z.enum(['on']).optional().transform((value) => value === 'on');

/** One checkbox for the policy, one per role (form data keeps one value per name). */
export const signInPolicySchema = z
  .object({ required: checkbox, ...Object.fromEntries(roles.map((role) => [`role-${role}`, checkbox])) })
  .transform((input): SecondFactorPolicy => ({ required: input.required, roles: roles.filter((role) => (input as Record<string, boolean>)[`role-${role}`]) }));

export async function getSignInPolicy(actor: CurrentUser | null): Promise<SecondFactorPolicy> {
  authorize(actor, 'settings:manage');
  const [row] = await getDb().select({ required: settings.secondFactorRequired, roles: settings.secondFactorRoles }).from(settings).where(eq(settings.id, 1));
  if (!row) throw new Error('settings row missing: the seed has not run');
  return row;
}

/** Saves the policy with its audit entry; it holds every affected user at enrolment from their next request. */
export async function saveSignInPolicy(actor: CurrentUser | null, input: SecondFactorPolicy, ctx: { ip: string }): Promise<Outcome> {
  authorize(actor, 'settings:manage');
  return getDb().transaction(async (tx) => {
    const [row] = await tx.select({ required: settings.secondFactorRequired, roles: settings.secondFactorRoles }).from(settings).where(eq(settings.id, 1)).for('update');
    if (!row) throw new Error('settings row missing: the seed has not run');
    await tx.update(settings).set({ secondFactorRequired: input.required, secondFactorRoles: [...input.roles], updatedAt: now() }).where(eq(settings.id, 1));
    await recordAudit(tx, { actorId: actor.id, action: 'settings.sign_in_policy', targetType: 'settings', targetId: '1', before: row, after: input, ip: ctx.ip });
    return success(undefined);
  });
}
