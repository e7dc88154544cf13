import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { settings } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { CurrentUser } from '@/lib/auth/actor';
import { readChecklistPolicy } from '@/lib/checklist/facts';
import { CHECKLIST_ITEMS, resolvePolicy, type ChecklistPolicy } from '@/lib/checklist/rules';
import { now } from '@/lib/clock';
import { authorize, success, type Outcome } from '@/lib/dal';
import type { ChecklistSettingsInput, SiteSettingsInput } from './schemas';

// Site settings, for admins. Each change is written with its audit entry in
// one transaction; the action then expires the settings cache tag.

/** The checklist rules as they apply now, defaults filled in. */
export async function getChecklistSettings(actor: CurrentUser | null): Promise<ChecklistPolicy> {
  authorize(actor, 'settings:manage');
  return readChecklistPolicy(getDb());
}

/** Saves the checklist rules; the section stays a blocker whatever is sent. An unchanged save writes nothing. */
export async function saveChecklistRules(actor: CurrentUser | null, input: ChecklistSettingsInput, ctx: { ip: string }): Promise<Outcome> {
  authorize(actor, 'settings:manage');
  return getDb().transaction(async (tx) => {
    const [row] = await tx.select({ checklist: settings.checklist }).from(settings).where(eq(settings.id, 1)).for('update');
    if (!row) throw new Error('settings row missing: the seed has not run');
    const before = resolvePolicy(row.checklist);
    const after = resolvePolicy(input);
    if (CHECKLIST_ITEMS.every((item) => before[item] === after[item])) return success(undefined);
    await tx.update(settings).set({ checklist: after, updatedAt: now() }).where(eq(settings.id, 1));
    await recordAudit(tx, { actorId: actor.id, action: 'settings.checklist', targetType: 'settings', targetId: '1', before, after, ip: ctx.ip });
    return success(undefined);
  });
}

export type SiteSettingsView = SiteSettingsInput;

export async function getSiteSettingsForAdmin(actor: CurrentUser | null): Promise<SiteSettingsView> {
  authorize(actor, 'settings:manage');
  const [row] = await getDb().select().from(settings).where(eq(settings.id, 1));
  if (!row) throw new Error('settings row missing: the seed has not run');
  return { siteName: row.siteName, siteDescription: row.siteDescription, digits: row.digits, showHijri: row.showHijri, timeZone: row.timeZone };
}

/** Saves the site's name, description, digits, Hijri line and time zone, with its audit entry. */
export async function saveSiteSettings(actor: CurrentUser | null, input: SiteSettingsInput, ctx: { ip: string }): Promise<Outcome> {
  authorize(actor, 'settings:manage');
  return getDb().transaction(async (tx) => {
    const [row] = await tx.select().from(settings).where(eq(settings.id, 1)).for('update');
    if (!row) throw new Error('settings row missing: the seed has not run');
    const before = { siteName: row.siteName, siteDescription: row.siteDescription, digits: row.digits, showHijri: row.showHijri, timeZone: row.timeZone };
    if (JSON.stringify(before) === JSON.stringify(input)) return success(undefined);
    await tx.update(settings).set({ ...input, updatedAt: now() }).where(eq(settings.id, 1));
    await recordAudit(tx, { actorId: actor.id, action: 'settings.site', targetType: 'settings', targetId: '1', before, after: input, ip: ctx.ip });
    return success(undefined);
  });
}
