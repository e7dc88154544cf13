import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, text, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { storyPlacementColumns, storyTextColumns } from './content';
import { editorialState, publicationState, revisionKind, noteKind } from './enums';
import { tstz, createdAt, searchVectorOf } from './columns';
import { users, authors } from './accounts';
import { media } from './media';
import { desks } from './desks';

/** A byline as stored on a revision and projected for readers. */
export type BylineRef = { id: string; name: string; slug: string };
export type TagRef = { id: string; name: string; slug: string };

export const sections = pgTable(
  'sections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    // The order of the reader's navigation.
    position: integer('position').notNull().default(0),
    // Shown on the section page and in its meta description.
    description: text('description').notNull().default(''),
    // Left out of the reader's navigation; its page and stories stay reachable.
    hidden: boolean('hidden').notNull().default(false),
    // Archived: out of the navigation and the editor's picker; its page answers
    // 410, or 308 to redirectTo when the admin chose one. Its stories stay live.
    archivedAt: tstz('archived_at'),
    redirectToId: uuid('redirect_to_id').references((): AnyPgColumn => sections.id, { onDelete: 'set null' }),
    // The desk that owns it; none: its stories are the general desk's (db/schema/desks.ts).
    deskId: uuid('desk_id').references(() => desks.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('sections_slug_idx').on(t.slug), index('sections_desk_idx').on(t.deskId)],
);

export const tags = pgTable(
  'tags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    // Shown on the tag page and in its meta description.
    description: text('description').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('tags_slug_idx').on(t.slug)],
);

// Every slug a section or tag was known by before a rename or a merge, so its
// old URLs (and the articles under an old section slug) answer 308.
export const sectionSlugHistory = pgTable(
  'section_slug_history',
  {
    slug: text('slug').primaryKey(),
    sectionId: uuid('section_id')
      .notNull()
      .references(() => sections.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [index('section_slug_history_section_idx').on(t.sectionId)],
);

export const tagSlugHistory = pgTable(
  'tag_slug_history',
  {
    slug: text('slug').primaryKey(),
    tagId: uuid('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [index('tag_slug_history_tag_idx').on(t.tagId)],
);

export const stories = pgTable(
  'stories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Content of the working copy (db/schema/content.ts).
    ...storyTextColumns(),
    ...storyPlacementColumns(),
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
    // Restricted (an investigation, an embargo): only its authors, its desk's editors and admins may open it.
    restricted: boolean('restricted').notNull().default(false),
  },
  (t) => [
    // The working copy's section and lead image must exist; a revision's may have gone since.
    foreignKey({ columns: [t.sectionId], foreignColumns: [sections.id] }).onDelete('restrict'),
    foreignKey({ columns: [t.leadImageId], foreignColumns: [media.id] }).onDelete('restrict'),
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
    // Who changed the story since the previous revision (lib/stories/checkpoints.ts); a user who left keeps their id here.
    contributorIds: uuid('contributor_ids').array().notNull().default([]),
    ...storyTextColumns(),
    ...storyPlacementColumns(),
    bylines: jsonb('bylines').$type<BylineRef[]>().notNull(),
    tags: jsonb('tags').$type<TagRef[]>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('story_revisions_story_idx').on(t.storyId, t.createdAt)],
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
