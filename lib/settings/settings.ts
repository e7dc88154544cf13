import 'server-only';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { media, settings } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { CurrentUser } from '@/lib/auth/actor';
import { readChecklistPolicy } from '@/lib/checklist/facts';
import { CHECKLIST_ITEMS, resolvePolicy, type ChecklistPolicy } from '@/lib/checklist/rules';
import { now } from '@/lib/clock';
import { authorize, success, type Outcome } from '@/lib/dal';
import { firstRendition, mediaUrl } from '@/lib/media/plan';
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

const siteSettingsOf = (row: typeof settings.$inferSelect): SiteSettingsView => ({
  siteName: row.siteName,
  siteDescription: row.siteDescription,
  digits: row.digits,
  showHijri: row.showHijri,
  timeZone: row.timeZone,
  logoMediaId: row.logoMediaId,
  shareImageMediaId: row.shareImageMediaId,
});

export async function getSiteSettingsForAdmin(actor: CurrentUser | null): Promise<SiteSettingsView> {
  authorize(actor, 'settings:manage');
  const [row] = await getDb().select().from(settings).where(eq(settings.id, 1));
  if (!row) throw new Error('settings row missing: the seed has not run');
  return siteSettingsOf(row);
}

/** How many library images the logo and share-image choosers offer: the newest ones, and any already chosen. */
export const IMAGE_CHOICES = 24;
export type ImageChoice = { id: string; previewUrl: string; alt: string; fileName: string };

/** The ready library images an admin may choose the logo and the default share image from. */
export async function siteImageChoices(actor: CurrentUser | null, chosen: (string | null)[]): Promise<ImageChoice[]> {
  authorize(actor, 'settings:manage');
  const columns = { id: media.id, width: media.width, alt: media.alt, fileName: media.fileName };
  const db = getDb();
  const ids = chosen.filter((id): id is string => id !== null);
  const [recent, kept] = await Promise.all([
    db.select(columns).from(media).where(eq(media.state, 'ready')).orderBy(desc(media.createdAt)).limit(IMAGE_CHOICES),
    ids.length > 0 ? db.select(columns).from(media).where(inArray(media.id, ids)) : Promise.resolve([]),
  ]);
  const rows = [...kept, ...recent.filter((row) => !ids.includes(row.id))];
  return rows.map((row) => ({ id: row.id, alt: row.alt, fileName: row.fileName, previewUrl: mediaUrl(row.id, firstRendition(row.width).name) }));
}

/** Saves the site's name, description, digits, Hijri line, time zone, logo and share image, with its audit entry. */
export async function saveSiteSettings(actor: CurrentUser | null, input: SiteSettingsInput, ctx: { ip: string }): Promise<Outcome> {
  authorize(actor, 'settings:manage');
  return getDb().transaction(async (tx) => {
    const [row] = await tx.select().from(settings).where(eq(settings.id, 1)).for('update');
    if (!row) throw new Error('settings row missing: the seed has not run');
    const before = siteSettingsOf(row);
    if (JSON.stringify(before) === JSON.stringify(input)) return success(undefined);
    // A chosen image must be in the library and ready to serve; the id comes from the client.
    const fieldErrors: Record<string, string> = {};
    for (const field of ['logoMediaId', 'shareImageMediaId'] as const) {
      const id = input[field];
      if (id === null || id === before[field]) continue;
      const [image] = await tx.select({ id: media.id }).from(media).where(and(eq(media.id, id), eq(media.state, 'ready')));
      if (!image) fieldErrors[field] = 'errors.mediaMissing';
    }
    if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
    await tx.update(settings).set({ ...input, updatedAt: now() }).where(eq(settings.id, 1));
    await recordAudit(tx, { actorId: actor.id, action: 'settings.site', targetType: 'settings', targetId: '1', before, after: input, ip: ctx.ip });
    return success(undefined);
  });
}
