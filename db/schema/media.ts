import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { mediaState } from './enums';
import { tstz, createdAt } from './columns';
import { users } from './accounts';

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
