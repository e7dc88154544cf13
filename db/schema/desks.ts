import { index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { users } from './accounts';

// Desks: a desk owns sections (sections.desk_id) and has editors as members.
// A story's desk is its section's; a story with no section, or in a section no
// desk owns, is the general desk's, which every editor works.

/**
 * The desk the migration that introduced desks created on an existing
 * install, owning every section and with every editor on it, so that newsroom
 * works as before. A fresh install gets none (every story is then the general
 * desk's, which every editor works: the same thing). Nothing else treats it
 * specially: an admin may rename it, or take its sections away.
 */
export const DEFAULT_DESK_ID = '00000000-0000-4000-8000-000000000d35';

export const desks = pgTable('desks', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export const deskMembers = pgTable(
  'desk_members',
  {
    deskId: uuid('desk_id')
      .notNull()
      .references(() => desks.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.deskId, t.userId] }), index('desk_members_user_idx').on(t.userId)],
);
