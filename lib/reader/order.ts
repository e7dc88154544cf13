import { sql } from 'drizzle-orm';
import { publishedStories } from '@/db/schema';

// Newest first, in the exact order of the reader indexes
// (published_stories_latest_idx and _section_idx: published_at DESC NULLS LAST).
// A plain `desc` means NULLS FIRST, which Postgres cannot read off those
// indexes, so every listing would sort all live stories instead of stopping
// after one page.
export const newestFirst = sql`${publishedStories.publishedAt} desc nulls last`;
