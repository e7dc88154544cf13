import { jsonb, text, uuid } from 'drizzle-orm/pg-core';
import type { JSONContent } from '@tiptap/core';
import { contentLanguage } from './enums';

// A story's content, defined once. The working copy (stories), every
// revision (story_revisions) and the reader projection (published_stories)
// spread these groups, so a new field is one line here and reaches all three.
// The approval rule covers every column here unless lib/stories/approval.ts
// names it as not reader-facing, with a reason; lib/stories/content.ts is the
// matching zod schema. Functions, so each table gets its own column builders.

/** The text readers get, identical in all three tables. */
export const storyTextColumns = () => ({
  kicker: text('kicker').notNull().default(''),
  headline: text('headline').notNull().default(''),
  // An optional second headline line, shown under the headline.
  subheadline: text('subheadline').notNull().default(''),
  standfirst: text('standfirst').notNull().default(''),
  body: jsonb('body').$type<JSONContent>().notNull(),
  // Derived from body on every save: what search, excerpts and counts read.
  plainText: text('plain_text').notNull().default(''),
  language: contentLanguage('language').notNull().default('ar'),
  seoTitle: text('seo_title'),
  seoDescription: text('seo_description'),
});

/**
 * Where the story sits and which lead image it has, as the working copy and
 * its revisions keep them. The projection holds them resolved instead (a
 * required slug and section, the lead image with its text).
 */
export const storyPlacementColumns = () => ({
  // Null while a draft has no slug yet; unique across the site once set.
  slug: text('slug'),
  sectionId: uuid('section_id'),
  leadImageId: uuid('lead_image_id'),
  // Per-story overrides of the library's text for the lead image; null takes the library's.
  leadImageAlt: text('lead_image_alt'),
  leadImageCaption: text('lead_image_caption'),
  leadImageCredit: text('lead_image_credit'),
});
