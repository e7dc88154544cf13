import { z } from 'zod';
import { SEVERITIES } from '@/lib/checklist/rules';
import { DIGIT_STYLES } from '@/lib/enums';
import { refuseControlChars } from '@/lib/text/control-chars';

// The settings page's forms, one schema each. Messages are catalogue keys under "errors".

const severity = z.enum(SEVERITIES, { error: 'errors.invalidChoice' });

/** Every checklist item the admin may set; the section is always a blocker, so it is not a field. */
export const checklistSettingsSchema = z.object({
  headline: severity,
  standfirst: severity,
  tags: severity,
  comments: severity,
  seoDescription: severity,
  slugChange: severity,
  imageAlt: severity,
});

export type ChecklistSettingsInput = z.infer<typeof checklistSettingsSchema>;

/** A time zone this server's Intl knows by name, such as Asia/Riyadh. */
function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const libraryImage = z
  .union([z.literal(''), z.uuid({ error: 'errors.invalidChoice' })], { error: 'errors.invalidChoice' })
  .optional()
  .transform((value) => value || null);

/** The site's own settings: how it names itself and how it writes dates and numbers. */
export const siteSettingsSchema = z.object({
  siteName: refuseControlChars(z.string().trim().min(1, 'errors.required').max(80, 'errors.tooLong')),
  siteDescription: refuseControlChars(z.string().trim().max(300, 'errors.tooLong')),
  digits: z.enum(DIGIT_STYLES, { error: 'errors.invalidChoice' }),
  showHijri: z.enum(['on']).optional().transform((value) => value === 'on'),
  timeZone: z.string().trim().max(64).refine(isTimeZone, 'errors.settings.timeZone'),
  /** Library images (ids), or empty for none: the publisher logo and the default share image. */
  logoMediaId: libraryImage,
  shareImageMediaId: libraryImage,
});

export type SiteSettingsInput = z.infer<typeof siteSettingsSchema>;
