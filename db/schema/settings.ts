import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, check, integer, jsonb, pgTable, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { digitStyle, userRole } from './enums';
import { tstz } from './columns';
import { media } from './media';

/** Checklist rules are filled in by the pre-publish checklist issue. */
export type ChecklistRules = Record<string, 'blocker' | 'warning' | 'off'>;

// A single row (id = 1): the site has exactly one set of settings.
export const settings = pgTable(
  'settings',
  {
    id: smallint('id').primaryKey().default(1),
    siteName: text('site_name').notNull(),
    siteDescription: text('site_description').notNull().default(''),
    digits: digitStyle('digits').notNull().default('arab'),
    showHijri: boolean('show_hijri').notNull().default(false),
    timeZone: text('time_zone').notNull().default('Asia/Riyadh'),
    checklist: jsonb('checklist').$type<ChecklistRules>().notNull().default({}),
    // From the media library: the publisher logo of structured data, and the share image of pages that have none of their own.
    logoMediaId: uuid('logo_media_id').references((): AnyPgColumn => media.id, { onDelete: 'set null' }),
    shareImageMediaId: uuid('share_image_media_id').references((): AnyPgColumn => media.id, { onDelete: 'set null' }),
    // The sign-in policy: when on, these roles must have a second factor (lib/auth/policy.ts).
    secondFactorRequired: boolean('second_factor_required').notNull().default(false),
    secondFactorRoles: userRole('second_factor_roles').array().notNull().default(sql`'{admin,editor}'::user_role[]`),
    // Four-eyes, strict: nobody who changed what readers get since the last approval approves it either.
    strictFourEyes: boolean('strict_four_eyes').notNull().default(true),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [check('settings_single_row', sql`${t.id} = 1`)],
);

// Requests per key in the current window (lib/http/quota.ts): public searches per client IP, content API calls per key.
// In Postgres, like the sign-in throttle, so the limit holds across instances.
export const searchRateLimits = pgTable('search_rate_limits', {
  key: text('key').primaryKey(),
  hits: integer('hits').notNull(),
  windowStartedAt: tstz('window_started_at').notNull(),
});
