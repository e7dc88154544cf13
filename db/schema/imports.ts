import { index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import type { ImportReport } from '../../lib/imports/report';
import { importSource, importState } from './enums';
import { tstz, createdAt } from './columns';
import { users } from './accounts';
import { stories } from './stories';

// Imports from WordPress and Ghost (lib/imports, docs/import.md).

/** One uploaded export: its dry run, then the background run's progress and its report per post. */
export const importRuns = pgTable(
  'import_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    source: importSource('source').notNull(),
    fileName: text('file_name').notNull(),
    // Where the upload is kept until the run has finished (IMPORT_DIR).
    filePath: text('file_path').notNull(),
    bytes: integer('bytes').notNull(),
    state: importState('state').notNull().default('planned'),
    // The dry run's plan, then the run's outcome, by post.
    report: jsonb('report').$type<ImportReport>().notNull(),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    error: text('error'),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    startedAt: tstz('started_at'),
    finishedAt: tstz('finished_at'),
  },
  (t) => [index('import_runs_created_idx').on(t.createdAt.desc())],
);

/**
 * What each source object became, keyed by the source and its own id (a
 * WordPress guid or term slug, a Ghost id): a second run of the same file
 * finds every post, author, term and image here and changes nothing.
 */
export const importItems = pgTable(
  'import_items',
  {
    source: importSource('source').notNull(),
    // 'post:<guid>', 'author:<login>', 'section:<slug>', 'tag:<slug>', 'media:<url>'.
    key: text('key').notNull(),
    targetId: uuid('target_id').notNull(),
    runId: uuid('run_id').references(() => importRuns.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.source, t.key] })],
);

/** Old paths of imported posts (/2024/05/slug, /?p=123, a Ghost /slug/), answered with a permanent redirect to the story's URL. */
export const legacyRedirects = pgTable(
  'legacy_redirects',
  {
    // Decoded, NFC, without a trailing slash; a query is kept as '/?p=123'.
    path: text('path').primaryKey(),
    storyId: uuid('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [index('legacy_redirects_story_idx').on(t.storyId)],
);
