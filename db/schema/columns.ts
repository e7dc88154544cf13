import { sql } from 'drizzle-orm';
import { customType, timestamp } from 'drizzle-orm/pg-core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

// Timestamps are always timestamptz: the newsroom time zone is a display
// setting, never a storage one.
export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const createdAt = () => tstz('created_at').notNull().defaultNow();

// Postgres full-text vectors: only ever read by SQL (@@, ts_rank), never fetched.
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

// The search vector of a story's text, by the functions of migration 0009
// (Arabic normalization, proclitics, stemming; see README, Search).
export const searchVectorOf = (headline: AnyPgColumn, standfirst: AnyPgColumn, plainText: AnyPgColumn) =>
  sql`public.sahifa_search_vector(${headline}, ${standfirst}, ${plainText})`;
