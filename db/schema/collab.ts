import { bigserial, customType, index, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { stories } from './stories';

// Co-editing storage (docs/co-editing.md). A story's Yjs document is a
// compacted snapshot plus an append-only log of the updates acknowledged
// since. Each update is written here before the server acknowledges it, so
// an acknowledged keystroke survives a crash; compaction folds the log into
// the snapshot in one transaction.

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const storyDocuments = pgTable('story_documents', {
  storyId: uuid('story_id')
    .primaryKey()
    .references(() => stories.id, { onDelete: 'cascade' }),
  // Y.encodeStateAsUpdate of the document as of the last compaction.
  state: bytea('state').notNull(),
  // Who changed the text since the last checkpoint (revision), folded in from the log.
  contributorIds: uuid('contributor_ids').array().notNull().default([]),
  compactedAt: tstz('compacted_at').notNull().defaultNow(),
});

export const storyDocumentUpdates = pgTable(
  'story_document_updates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    storyId: uuid('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    update: bytea('update').notNull(),
    // Null for changes the server made itself (a restore, a repair).
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('story_document_updates_story_idx').on(t.storyId, t.id)],
);
