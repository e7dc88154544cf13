import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { JSONContent } from '@tiptap/core';

// Timestamps are always timestamptz: the newsroom time zone is a display
// setting, never a storage one.
const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => tstz('created_at').notNull().defaultNow();

export const userRole = pgEnum('user_role', ['writer', 'editor', 'admin']);
export const userStatus = pgEnum('user_status', ['active', 'deactivated']);
export const uiLocale = pgEnum('ui_locale', ['ar', 'en']);
export const contentLanguage = pgEnum('content_language', ['ar', 'en']);
export const editorialState = pgEnum('editorial_state', ['draft', 'in_review', 'changes_requested', 'approved']);
export const publicationState = pgEnum('publication_state', ['unpublished', 'published', 'taken_down', 'retracted']);
export const revisionKind = pgEnum('revision_kind', ['save', 'autosave', 'approval', 'restore', 'overwrite']);
export const digitStyle = pgEnum('digit_style', ['arab', 'latn']);

// Postgres full-text vectors: only ever read by SQL (@@, ts_rank), never fetched.
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

// The search vector of a story's text, by the functions of migration 0009
// (Arabic normalization, proclitics, stemming; see README, Search).
export const searchVectorOf = (headline: AnyPgColumn, standfirst: AnyPgColumn, plainText: AnyPgColumn) =>
  sql`public.sahifa_search_vector(${headline}, ${standfirst}, ${plainText})`;

/** A byline as stored on a revision and projected for readers. */
export type BylineRef = { id: string; name: string; slug: string };
export type TagRef = { id: string; name: string; slug: string };

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    // Null until the invitee sets a password through their invitation link.
    passwordHash: text('password_hash'),
    role: userRole('role').notNull(),
    status: userStatus('status').notNull().default('active'),
    // Bumped to end every session of the user (sign out everywhere, password change, reset).
    sessionVersion: integer('session_version').notNull().default(1),
    locale: uiLocale('locale').notNull().default('ar'),
    lastSignInAt: tstz('last_sign_in_at'),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_lower_idx').on(sql`lower(${t.email})`)],
);

export const authors = pgTable(
  'authors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    jobTitle: text('job_title'),
    bio: text('bio'),
    // A house byline such as «فريق التحرير» has no login.
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('authors_slug_idx').on(t.slug), uniqueIndex('authors_user_idx').on(t.userId)],
);

export const sections = pgTable(
  'sections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('sections_slug_idx').on(t.slug)],
);

export const tags = pgTable(
  'tags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('tags_slug_idx').on(t.slug)],
);

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
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [check('settings_single_row', sql`${t.id} = 1`)],
);

export const mediaState = pgEnum('media_state', ['processing', 'ready', 'failed']);

/** One stored rendition of an image: its file name under the media id, e.g. "640.webp". */
export type RenditionRef = { name: string; format: 'webp' | 'avif' | 'jpeg'; width: number; height: number; bytes: number };

// Uploaded images. Files live behind lib/media/storage.ts under the row's id,
// never under the uploaded name; the row only records what was made.
export const media = pgTable(
  'media',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    uploadedById: uuid('uploaded_by_id').references(() => users.id, { onDelete: 'set null' }),
    // The uploaded file name, cleaned, for staff to recognise it; never used as a path.
    fileName: text('file_name').notNull(),
    format: text('format').notNull(),
    bytes: integer('bytes').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    // A tiny blurred WebP as a data URL, shown while the real image loads.
    placeholder: text('placeholder').notNull(),
    state: mediaState('state').notNull().default('processing'),
    renditions: jsonb('renditions').$type<RenditionRef[]>().notNull().default([]),
    alt: text('alt').notNull().default(''),
    caption: text('caption').notNull().default(''),
    credit: text('credit').notNull().default(''),
    source: text('source').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('media_created_idx').on(t.createdAt.desc()), index('media_uploader_idx').on(t.uploadedById, t.createdAt.desc())],
);

/** The lead image as projected for readers: what the page needs with no further lookup. */
export type LeadImageRef = { id: string; width: number; height: number; alt: string; caption: string; credit: string; placeholder: string };

export const stories = pgTable(
  'stories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Content of the working copy.
    kicker: text('kicker').notNull().default(''),
    headline: text('headline').notNull().default(''),
    standfirst: text('standfirst').notNull().default(''),
    body: jsonb('body').$type<JSONContent>().notNull(),
    plainText: text('plain_text').notNull().default(''),
    language: contentLanguage('language').notNull().default('ar'),
    // Null while a draft has no slug yet; unique across the site once set.
    slug: text('slug'),
    sectionId: uuid('section_id').references(() => sections.id, { onDelete: 'restrict' }),
    seoTitle: text('seo_title'),
    seoDescription: text('seo_description'),
    leadImageId: uuid('lead_image_id').references(() => media.id, { onDelete: 'restrict' }),
    // Per-story overrides of the library's text for the lead image; null takes the library's.
    leadImageAlt: text('lead_image_alt'),
    leadImageCaption: text('lead_image_caption'),
    leadImageCredit: text('lead_image_credit'),
    // Editorial state of the working copy.
    editorialState: editorialState('editorial_state').notNull().default('draft'),
    archivedAt: tstz('archived_at'),
    // Optimistic-concurrency counter of content saves; transitions never bump it.
    version: integer('version').notNull().default(1),
    approvedRevisionId: uuid('approved_revision_id'),
    assignedEditorId: uuid('assigned_editor_id').references(() => users.id, { onDelete: 'set null' }),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    // Publication state: what readers get, independent of the working copy.
    publicationState: publicationState('publication_state').notNull().default('unpublished'),
    publishedRevisionId: uuid('published_revision_id'),
    firstPublishedAt: tstz('first_published_at'),
    lastPublishedAt: tstz('last_published_at'),
    scheduledRevisionId: uuid('scheduled_revision_id'),
    scheduledFor: tstz('scheduled_for'),
    // When the publication state last changed (publish, take-down, retraction): the desk's recent queues.
    publicationChangedAt: tstz('publication_changed_at'),
  },
  (t) => [
    uniqueIndex('stories_slug_idx').on(t.slug),
    index('stories_editorial_idx').on(t.editorialState, t.updatedAt),
    index('stories_updated_idx').on(t.updatedAt.desc()).where(sql`${t.archivedAt} is null`),
    index('stories_publication_idx').on(t.publicationState, t.lastPublishedAt),
    index('stories_section_idx').on(t.sectionId),
    index('stories_created_by_idx').on(t.createdById),
    index('stories_assigned_idx').on(t.assignedEditorId),
    index('stories_scheduled_idx').on(t.scheduledFor).where(sql`${t.scheduledFor} is not null`),
    index('stories_publication_changed_idx').on(t.publicationState, t.publicationChangedAt),
    // The newsroom's story-list search over working copies: same vector as readers' search, as an expression index.
    index('stories_search_idx').using('gin', searchVectorOf(t.headline, t.standfirst, t.plainText)),
  ],
);

export const storyAuthors = pgTable(
  'story_authors',
  {
    storyId: uuid('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => authors.id, { onDelete: 'restrict' }),
    position: smallint('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.storyId, t.authorId] }), index('story_authors_author_idx').on(t.authorId)],
);

export const storyTags = pgTable(
  'story_tags',
  {
    storyId: uuid('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    tagId: uuid('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'restrict' }),
    position: smallint('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.storyId, t.tagId] }), index('story_tags_tag_idx').on(t.tagId)],
);

// Every slug a story was ever published under, so old URLs answer with a
// permanent redirect. Slugs are unique across the site, so the slug alone
// finds the story whatever section the old URL named.
export const slugHistory = pgTable(
  'slug_history',
  {
    slug: text('slug').primaryKey(),
    storyId: uuid('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [index('slug_history_story_idx').on(t.storyId)],
);

/** A full snapshot of the working copy, as saved, approved or restored. */
export const storyRevisions = pgTable(
  'story_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storyId: uuid('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    kind: revisionKind('kind').notNull(),
    // The story version this snapshot was taken at.
    storyVersion: integer('story_version').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    kicker: text('kicker').notNull(),
    headline: text('headline').notNull(),
    standfirst: text('standfirst').notNull(),
    body: jsonb('body').$type<JSONContent>().notNull(),
    plainText: text('plain_text').notNull(),
    language: contentLanguage('language').notNull(),
    slug: text('slug'),
    sectionId: uuid('section_id'),
    seoTitle: text('seo_title'),
    seoDescription: text('seo_description'),
    leadImageId: uuid('lead_image_id'),
    leadImageAlt: text('lead_image_alt'),
    leadImageCaption: text('lead_image_caption'),
    leadImageCredit: text('lead_image_credit'),
    bylines: jsonb('bylines').$type<BylineRef[]>().notNull(),
    tags: jsonb('tags').$type<TagRef[]>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('story_revisions_story_idx').on(t.storyId, t.createdAt)],
);

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
    kicker: text('kicker').notNull(),
    headline: text('headline').notNull(),
    standfirst: text('standfirst').notNull(),
    body: jsonb('body').$type<JSONContent>().notNull(),
    plainText: text('plain_text').notNull(),
    language: contentLanguage('language').notNull(),
    seoTitle: text('seo_title'),
    seoDescription: text('seo_description'),
    // Resolved at publish time (library text, or the story's overrides), so the page needs no join.
    leadImage: jsonb('lead_image').$type<LeadImageRef>(),
    bylines: jsonb('bylines').$type<BylineRef[]>().notNull(),
    tags: jsonb('tags').$type<TagRef[]>().notNull(),
    publishedAt: tstz('published_at').notNull(),
    updatedAt: tstz('updated_at').notNull(),
    // Reader search covers exactly what readers may see. Never select it: it is large.
    searchVector: tsvector('search_vector').generatedAlwaysAs(sql`public.sahifa_search_vector(headline, standfirst, plain_text)`),
  },
  (t) => [
    uniqueIndex('published_stories_slug_idx').on(t.slug),
    index('published_stories_search_idx').using('gin', t.searchVector),
    index('published_stories_latest_idx').on(t.publishedAt.desc()).where(sql`${t.state} = 'published'`),
    index('published_stories_section_idx').on(t.sectionId, t.publishedAt.desc()).where(sql`${t.state} = 'published'`),
    index('published_stories_tags_idx').using('gin', sql`${t.tags} jsonb_path_ops`),
    index('published_stories_bylines_idx').using('gin', sql`${t.bylines} jsonb_path_ops`),
  ],
);

export const workflowEvents = pgTable(
  'workflow_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storyId: uuid('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromEditorial: editorialState('from_editorial'),
    toEditorial: editorialState('to_editorial'),
    fromPublication: publicationState('from_publication'),
    toPublication: publicationState('to_publication'),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason'),
    revisionId: uuid('revision_id').references(() => storyRevisions.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('workflow_events_story_idx').on(t.storyId, t.createdAt)],
);

/** W3C Web Annotation text-quote selector plus a position hint. */
export type TextQuoteAnchor = { exact: string; prefix: string; suffix: string; position: number };

export const reviewComments = pgTable(
  'review_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storyId: uuid('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id'),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    // Null for thread comments; inline comments anchor outside the document.
    anchor: jsonb('anchor').$type<TextQuoteAnchor>(),
    // System entries carry transition reasons (send back, override, take-down).
    system: boolean('system').notNull().default(false),
    // On a system entry, the workflow action whose reason it carries.
    action: text('action'),
    resolvedAt: tstz('resolved_at'),
    resolvedById: uuid('resolved_by_id').references(() => users.id, { onDelete: 'set null' }),
    editedAt: tstz('edited_at'),
    deletedAt: tstz('deleted_at'),
    deletedById: uuid('deleted_by_id').references(() => users.id, { onDelete: 'set null' }),
    // Staff named with @ in the body, resolved by the server when the comment was written.
    mentions: jsonb('mentions').$type<MentionRef[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [
    index('review_comments_story_idx').on(t.storyId, t.createdAt),
    index('review_comments_parent_idx').on(t.parentId),
    // The checklist's "no unresolved inline comments" and the editor's open count.
    index('review_comments_open_inline_idx').on(t.storyId).where(sql`${t.anchor} is not null and ${t.parentId} is null and ${t.resolvedAt} is null and ${t.deletedAt} is null`),
  ],
);

export type MentionRef = { id: string; name: string };

export const notificationKind = pgEnum('notification_kind', ['submitted', 'sent_back', 'approved', 'published', 'scheduled', 'mentioned', 'assigned', 'taken_over']);

// In-app notifications, one row per recipient. The bell reads the unread ones.
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: notificationKind('kind').notNull(),
    storyId: uuid('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    commentId: uuid('comment_id').references(() => reviewComments.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    // A short text shown with it, such as a send-back reason; escaped on render.
    detail: text('detail'),
    createdAt: createdAt(),
    readAt: tstz('read_at'),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt.desc()),
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
  ],
);

export const noteKind = pgEnum('note_kind', ['correction', 'update']);

/** A note published with an update. */
export type PublicNote = { kind: 'correction' | 'update'; body: string; at: string };

export const corrections = pgTable(
  'corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storyId: uuid('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    kind: noteKind('kind').notNull().default('correction'),
    body: text('body').notNull(),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('corrections_story_idx').on(t.storyId, t.createdAt)],
);

// Append only: the app never updates or deletes these rows.
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_log_created_idx').on(t.createdAt.desc()),
    index('audit_log_actor_idx').on(t.actorId, t.createdAt.desc()),
    index('audit_log_target_idx').on(t.targetType, t.targetId),
  ],
);

export const userTokenKind = pgEnum('user_token_kind', ['invitation', 'password_reset']);

// One-time links an admin hands over (there is no mail server): only the
// SHA-256 of the token is stored, so a database leak yields no usable link.
export const userTokens = pgTable(
  'user_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: userTokenKind('kind').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: tstz('expires_at').notNull(),
    usedAt: tstz('used_at'),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('user_tokens_hash_idx').on(t.tokenHash), index('user_tokens_user_idx').on(t.userId, t.kind)],
);

// Failed sign-in counters, by "pair:<email>|<ip>" and "ip:<ip>". In Postgres so
// they survive restarts and hold across app instances.
export const signInThrottles = pgTable('sign_in_throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: tstz('window_started_at').notNull(),
  lockedUntil: tstz('locked_until'),
});

// Public searches per client IP in the current window (lib/search/rate-limit.ts).
// In Postgres, like the sign-in throttle, so the limit holds across instances.
export const searchRateLimits = pgTable('search_rate_limits', {
  key: text('key').primaryKey(),
  hits: integer('hits').notNull(),
  windowStartedAt: tstz('window_started_at').notNull(),
});

// The reader search's vocabulary, for «هل تقصد: …»: each normalized word of the
// live stories (and its form without proclitics) with the number of live
// stories that use it. Kept by statement-level triggers on published_stories
// (the search-vocabulary migration), so no write path can forget it; a
// trigram index finds the nearest word to a misspelt one.
export const searchWords = pgTable(
  'search_words',
  {
    word: text('word').primaryKey(),
    stories: integer('stories').notNull(),
  },
  (t) => [index('search_words_trgm_idx').using('gist', t.word.op('gist_trgm_ops'))],
);

// The soft lock: who has a story open for editing, from which editor tab.
// A holder whose heartbeat is older than the expiry no longer holds it.
export const storyPresence = pgTable('story_presence', {
  storyId: uuid('story_id')
    .primaryKey()
    .references(() => stories.id, { onDelete: 'cascade' }),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  sessionId: text('session_id').notNull(),
  startedAt: tstz('started_at').notNull(),
  lastSeenAt: tstz('last_seen_at').notNull(),
});

// Signed, read-only links to a story's working copy, for readers outside the
// newsroom (a lawyer, a source). The token is signed; this row is what makes
// it revocable and listable.
export const shareLinks = pgTable(
  'share_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storyId: uuid('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: tstz('expires_at').notNull(),
    revokedAt: tstz('revoked_at'),
    revokedById: uuid('revoked_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('share_links_story_idx').on(t.storyId, t.createdAt)],
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
