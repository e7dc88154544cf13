import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { notificationKind } from './enums';
import { tstz, createdAt } from './columns';
import { users } from './accounts';
import { stories } from './stories';

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
