import type { BylineRef, TagRef } from '@/db/schema';
import { CONTENT_COLUMNS, type ContentKey, type ContentRow } from './content-row';

// DESIGN.md's "reader-facing edit": a save that changes what readers would
// get. After one, an approval no longer covers the working copy. Reader-facing
// by default: every content column counts unless it is named here, with why.

export const NOT_READER_FACING = {
  plainText: 'derived from the body on every save: comparing the body covers it',
} as const satisfies Partial<Record<ContentKey, string>>;

type OptedOut = keyof typeof NOT_READER_FACING;
export type ReaderFacingField = Exclude<ContentKey, OptedOut> | 'tags' | 'bylines';

export const READER_FACING_FIELDS: readonly ReaderFacingField[] = [...CONTENT_COLUMNS.filter((key): key is Exclude<ContentKey, OptedOut> => !(key in NOT_READER_FACING)), 'tags', 'bylines'];

export type ReaderFacing = Record<ReaderFacingField, unknown>;

/** A working copy or revision in the rule's terms: its columns, and its tags and bylines as ordered ids. */
export function readerFacingOf(content: ContentRow & { bylines: Pick<BylineRef, 'id'>[]; tags: Pick<TagRef, 'id'>[] }): ReaderFacing {
  const values = Object.fromEntries(READER_FACING_FIELDS.map((field) => [field, content[field as keyof ContentRow]])) as ReaderFacing;
  return { ...values, tags: content.tags.map((tag) => tag.id), bylines: content.bylines.map((byline) => byline.id) };
}

/** JSON with object keys sorted: Postgres jsonb does not keep key order, so plain JSON.stringify would see edits that are not there. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function isReaderFacingEdit(approved: ReaderFacing, next: ReaderFacing): boolean {
  // An optional text kept as '' or as null is the same text to a reader.
  const of = (value: unknown) => canonical(value === '' ? null : value);
  return READER_FACING_FIELDS.some((field) => of(approved[field]) !== of(next[field]));
}
