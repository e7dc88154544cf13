import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { settings } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { CurrentUser } from '@/lib/auth/actor';
import { now } from '@/lib/clock';
import { authorize, success, type Outcome } from '@/lib/dal';

// Who may approve: with strict four-eyes on (the default), nobody who changed
// what readers get since the last approval approves it either, besides its
// authors (lib/stories/edited-since-approval.ts). Read fresh by every approval.

export type ApprovalPolicy = { strictFourEyes: boolean };

export const approvalPolicySchema = z
  .object({ strictFourEyes: z.enum(['on']).optional() })
  .transform((input): ApprovalPolicy => ({ strictFourEyes: input.strictFourEyes === 'on' }));

export async function getApprovalPolicy(actor: CurrentUser | null): Promise<ApprovalPolicy> {
  authorize(actor, 'settings:manage');
  const [row] = await getDb().select({ strictFourEyes: settings.strictFourEyes }).from(settings).where(eq(settings.id, 1));
  if (!row) throw new Error('settings row missing: the seed has not run');
  return row;
}

/** Saves the setting with its audit entry; the very next approval follows it. */
export async function saveApprovalPolicy(actor: CurrentUser | null, input: ApprovalPolicy, ctx: { ip: string }): Promise<Outcome> {
  authorize(actor, 'settings:manage');
  return getDb().transaction(async (tx) => {
    const [row] = await tx.select({ strictFourEyes: settings.strictFourEyes }).from(settings).where(eq(settings.id, 1)).for('update');
    if (!row) throw new Error('settings row missing: the seed has not run');
    await tx.update(settings).set({ strictFourEyes: input.strictFourEyes, updatedAt: now() }).where(eq(settings.id, 1));
    await recordAudit(tx, { actorId: actor.id, action: 'settings.approval_policy', targetType: 'settings', targetId: '1', before: row, after: input, ip: ctx.ip });
    return success(undefined);
  });
}
