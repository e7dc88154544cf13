import type { ImportSource } from '@/lib/enums';

// The one shape both exports are read into (lib/imports/wxr.ts,
// lib/imports/ghost.ts); the planner and the writer know nothing else. Pure.

/** Our states a post can arrive in. */
export const IMPORT_STATUSES = ['published', 'scheduled', 'in_review', 'draft', 'restricted', 'skipped'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** email: for a staff account on request (lib/imports/staff.ts); an export may not give one. */
export type SourceAuthor = { key: string; name: string; slug: string; email?: string };
/** A WordPress category (with its parent, flattened to its own name) or a Ghost tag. */
export type SourceTerm = { key: string; name: string; slug: string; parentKey: string | null };

export type SourcePost = {
  /** Stable across exports of the same site: the WordPress guid, the Ghost id. */
  key: string;
  sourceId: string;
  title: string;
  /** Decoded (WordPress percent-encodes Arabic slugs); may be empty. */
  slug: string;
  status: ImportStatus;
  /** The source's own status word, for the report. */
  sourceStatus: string;
  date: Date | null;
  authorKeys: string[];
  sectionKey: string | null;
  tagKeys: string[];
  html: string;
  excerpt: string;
  featuredImageUrl: string | null;
  /** The source's own alt text and caption of the featured image (Ghost's posts_meta), kept on the story. */
  featuredImageAlt?: string | null;
  featuredImageCaption?: string | null;
  /** Old paths to redirect, already normalized (lib/imports/paths.ts). */
  legacyPaths: string[];
  /** Notes the reader found on the way (a password, members-only, a missed schedule). */
  notes: string[];
};

export type SourceSite = {
  source: ImportSource;
  /** The old site's address, for resolving relative and placeholder image URLs. */
  baseUrl: string | null;
  authors: SourceAuthor[];
  sections: SourceTerm[];
  tags: SourceTerm[];
};
