import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, media, settings } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { DEFAULT_POLICY } from '@/lib/checklist/rules';
import { Forbidden } from '@/lib/dal';
import { connectTestDb } from '@/test/db';
import { asDeactivated, createStaff } from '@/test/staff';
import { getChecklistSettings, getSiteSettingsForAdmin, saveChecklistRules, saveSiteSettings } from './settings';

const { db, client } = connectTestDb();
let writer: CurrentUser;
let editor: CurrentUser;
let admin: CurrentUser;
const ip = '2001:db8::1';

beforeAll(async () => {
  writer = await createStaff(db, 'writer');
  editor = await createStaff(db, 'editor');
  admin = await createStaff(db, 'admin');
  // The integration database is migrated, not seeded: the one settings row the seed writes, with the default rules.
  await db.insert(settings).values({ id: 1, siteName: 'صحيفة' }).onConflictDoNothing();
  await db.update(settings).set({ checklist: {} }).where(eq(settings.id, 1));
});
// Rules are global: leave the defaults for the files that run after this one.
afterAll(async () => {
  await db.update(settings).set({ checklist: {} }).where(eq(settings.id, 1));
  await client.end();
});

describe('checklist settings', () => {
  const input = { headline: 'off', standfirst: 'blocker', tags: 'blocker', comments: 'warning', seoDescription: 'warning', slugChange: 'blocker', imageAlt: 'warning' } as const;

  it('lets an admin save the rules, audited, with the section kept a blocker', async () => {
    expect(await saveChecklistRules(admin, input, { ip })).toEqual({ ok: true, data: undefined });
    expect(await getChecklistSettings(admin)).toEqual({ ...input, section: 'blocker' });
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.actorId, admin.id), eq(auditLog.action, 'settings.checklist')));
    expect(entry).toMatchObject({ targetType: 'settings', targetId: '1', before: DEFAULT_POLICY, after: { ...input, section: 'blocker' }, ip });

    // Saving the same rules again changes nothing and records nothing.
    expect((await saveChecklistRules(admin, input, { ip })).ok).toBe(true);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.actorId, admin.id), eq(auditLog.action, 'settings.checklist')))).toHaveLength(1);
  });

  it('refuses everyone else, even when the UI is bypassed', async () => {
    const stored = async () => (await db.select({ checklist: settings.checklist }).from(settings).where(eq(settings.id, 1)))[0]?.checklist;
    const before = await stored();
    for (const actor of [null, writer, editor, asDeactivated(admin)]) {
      await expect(saveChecklistRules(actor, { ...input, tags: 'off', comments: 'off' }, { ip })).rejects.toBeInstanceOf(Forbidden);
      await expect(getChecklistSettings(actor)).rejects.toBeInstanceOf(Forbidden);
    }
    expect(await stored()).toEqual(before);
  });
});

describe('site settings', () => {
  const site = { siteName: 'صحيفة الاختبار', siteDescription: 'وصف', digits: 'latn', showHijri: true, timeZone: 'Africa/Cairo', logoMediaId: null, shareImageMediaId: null } as const;

  it('lets an admin save them, audited, and refuses everyone else', async () => {
    const [original] = await db.select().from(settings).where(eq(settings.id, 1));
    try {
      expect(await saveSiteSettings(admin, site, { ip })).toEqual({ ok: true, data: undefined });
      expect(await getSiteSettingsForAdmin(admin)).toEqual(site);
      const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.actorId, admin.id), eq(auditLog.action, 'settings.site')));
      expect(entry).toMatchObject({ targetType: 'settings', after: site, ip });
      for (const actor of [null, writer, editor, asDeactivated(admin)]) {
        await expect(saveSiteSettings(actor, { ...site, siteName: 'مخترق' }, { ip })).rejects.toBeInstanceOf(Forbidden);
      }
      expect((await getSiteSettingsForAdmin(admin)).siteName).toBe('صحيفة الاختبار');
    } finally {
      const { siteName, siteDescription, digits, showHijri, timeZone } = original!;
      await db.update(settings).set({ siteName, siteDescription, digits, showHijri, timeZone }).where(eq(settings.id, 1));
    }
  });

  it('takes a logo and a share image from the library, only ready images that exist', async () => {
    const image = async (state: 'ready' | 'processing') =>
      (await db.insert(media).values({ fileName: 'logo.png', format: 'png', bytes: 10, width: 600, height: 60, placeholder: '', state }).returning({ id: media.id }))[0]!.id;
    const [ready, processing] = [await image('ready'), await image('processing')];
    const [original] = await db.select().from(settings).where(eq(settings.id, 1));
    const current = await getSiteSettingsForAdmin(admin);
    try {
      expect(await saveSiteSettings(admin, { ...current, logoMediaId: ready, shareImageMediaId: ready }, { ip })).toEqual({ ok: true, data: undefined });
      expect(await getSiteSettingsForAdmin(admin)).toMatchObject({ logoMediaId: ready, shareImageMediaId: ready });
      const missing = '00000000-0000-4000-8000-000000000000';
      expect(await saveSiteSettings(admin, { ...current, logoMediaId: processing, shareImageMediaId: missing }, { ip })).toEqual({
        ok: false,
        fieldErrors: { logoMediaId: 'errors.mediaMissing', shareImageMediaId: 'errors.mediaMissing' },
      });
      // Deleting the image from the library leaves the site without one, never with a broken reference.
      await db.delete(media).where(eq(media.id, ready));
      expect(await getSiteSettingsForAdmin(admin)).toMatchObject({ logoMediaId: null, shareImageMediaId: null });
    } finally {
      await db.update(settings).set({ logoMediaId: original!.logoMediaId, shareImageMediaId: original!.shareImageMediaId }).where(eq(settings.id, 1));
      await db.delete(media).where(eq(media.id, processing));
    }
  });
});
