import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { publicationState } from './enums';
import { storyTextColumns } from './content';
import { tstz, tsvector } from './columns';
import { users } from './accounts';
import { sections, stories, storyRevisions } from './stories';
import type { BylineRef, TagRef, PublicNote } from './stories';

/** The lead image as projected for readers: what the page needs with no further lookup. */
export type LeadImageRef = { id: string; width: number; height: number; alt: string; caption: string; credit: string; placeholder: string };

// The reader-facing projection: one row per story readers can reach,
// written from the published revision in the publishing transaction.
// The reader site, feeds, sitemaps and search read only this table.
export const publishedStories = pgTable(
  'published_stories',
  {
    storyId: uuid('story_id')
      .primaryKey()
      .references(() => stories.id, { onDelete: 'cascade' }),
    revisionId: uuid('revision_id')
      .notNull()
      .references(() => storyRevisions.id, { onDelete: 'restrict' }),
    // published | taken_down | retracted: the last two answer 410 and leave every listing.
    state: publicationState('state').notNull(),
    // The public notice of a retraction, shown with the 410. A take-down's reason is internal and never lands here.
    notice: text('notice'),
    // Correction and update notes, dated, as published with updates: readers read them from here.
    notes: jsonb('notes').$type<PublicNote[]>().notNull().default([]),
    slug: text('slug').notNull(),
    sectionId: uuid('section_id')
      .notNull()
      .references(() => sections.id, { onDelete: 'restrict' }),
    ...storyTextColumns(),
    // Resolved at publish time (library text, or the story's overrides), so the page needs no join.
    leadImage: jsonb('lead_image').$type<LeadImageRef>(),
    bylines: jsonb('bylines').$type<BylineRef[]>().notNull(),
    tags: jsonb('tags').$type<TagRef[]>().notNull(),
    publishedAt: tstz('published_at').notNull(),
    updatedAt: tstz('updated_at').notNull(),
    // The body as readers get it, rendered from `body` at publish (lib/content/body-html.ts), and the
    // version of that renderer it was made by: the page inserts it only if the version is today's, and
    // rows made by another version (or none) are rendered again at start (lib/reader/stored-bodies.ts).
    bodyHtml: text('body_html'),
    bodyHtmlVersion: text('body_html_version'),
    // Reader search covers exactly what readers may see. Never select it: it is large.
    searchVector: tsvector('search_vector').generatedAlwaysAs(sql`public.sahifa_search_vector(headline, standfirst, plain_text)`),
  },
  (t) => [
    uniqueIndex('published_stories_slug_idx').on(t.slug),
    index('published_stories_search_idx').using('gin', t.searchVector),
    index('published_stories_latest_idx').on(t.publishedAt.desc()).where(sql`${t.state} = 'published'`),
    // The content API's sync order (lib/api/stories.ts): changed since, oldest change first.
    index('published_stories_updated_idx').on(t.updatedAt, t.storyId).where(sql`${t.state} = 'published'`),
    index('published_stories_section_idx').on(t.sectionId, t.publishedAt.desc()).where(sql`${t.state} = 'published'`),
    index('published_stories_tags_idx').using('gin', sql`${t.tags} jsonb_path_ops`),
    index('published_stories_bylines_idx').using('gin', sql`${t.bylines} jsonb_path_ops`),
  ],
);

// The curated top of the home page: position 0 is the lead, 1.. the top
// stories in order. Stories that are no longer live are skipped on read.
export const frontPageSlots = pgTable(
  'front_page_slots',
  {
    position: smallint('position').primaryKey(),
    storyId: uuid('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    updatedById: uuid('updated_by_id').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('front_page_slots_story_idx').on(t.storyId), check('front_page_slots_position', sql`${t.position} >= 0 and ${t.position} < 20`)],
);

// The reader search's vocabulary, for «هل تقصد: …»: each normalized word of the
// live stories (and its form without proclitics) with the number of live
// stories that use it. Kept by statement-level triggers on published_stories
// (drizzle/0012_search_vocabulary.sql), so no write path can forget it; a
// trigram index finds the nearest word to a misspelt one.
export const searchWords = pgTable(
  'search_words',
  {
    word: text('word').primaryKey(),
    stories: integer('stories').notNull(),
  },
  (t) => [index('search_words_trgm_idx').using('gist', t.word.op('gist_trgm_ops'))],
);
