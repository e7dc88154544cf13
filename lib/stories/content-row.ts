import { getTableColumns } from 'drizzle-orm';
import { stories, storyPlacementColumns, storyTextColumns } from '@/db/schema';
import type { StoryFields } from './content';

// The content columns of a row (working copy or revision), by the column
// groups of db/schema/content.ts: one pick for every copy from one table to
// another, so a new column travels without being named here. Not server-only:
// the seed and the job runner publish too.

export type TextKey = keyof ReturnType<typeof storyTextColumns>;
export type ContentKey = TextKey | keyof ReturnType<typeof storyPlacementColumns>;
/** The content of a working copy or a revision, column for column. */
export type ContentRow = Pick<typeof stories.$inferSelect, ContentKey>;
export type TextRow = Pick<ContentRow, TextKey>;

export const TEXT_COLUMNS = Object.keys(storyTextColumns()) as TextKey[];
export const CONTENT_COLUMNS = [...TEXT_COLUMNS, ...Object.keys(storyPlacementColumns())] as ContentKey[];

const pick = <K extends ContentKey>(row: Pick<ContentRow, K>, keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, row[key]])) as Pick<ContentRow, K>;

export const pickContent = (row: ContentRow): ContentRow => pick(row, CONTENT_COLUMNS);
/** The text the reader projection copies from a revision. */
export const pickText = (row: TextRow): TextRow => pick(row, TEXT_COLUMNS);

const columns = getTableColumns(stories);

/** The editor's fields as the row keeps them: '' in a nullable column is stored as null. */
export function fieldsToRow(fields: StoryFields): Pick<ContentRow, keyof StoryFields> {
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, value === '' && !columns[key as keyof StoryFields].notNull ? null : value])) as Pick<ContentRow, keyof StoryFields>;
}
