// What an import plans and what it did, by post. Pure types and helpers:
// the dry run writes a plan, the run fills in each post's outcome; both are
// stored on the run (import_runs.report) and shown in the newsroom.

/** What may go wrong with one post; each one is reported and the import goes on. */
export const POST_PROBLEMS = [
  'dropped_script',
  'dropped_iframe',
  'dropped_embed',
  'dropped_style',
  'dropped_form',
  'flattened_table',
  'image_failed',
  'image_skipped',
  'slug_changed',
  'slug_taken',
  'no_title',
  'no_author',
  'unknown_status',
  'invalid_body',
  'not_imported',
  /** Something the reader of the export noticed: a password, members-only, a missed schedule. */
  'note',
] as const;
export type PostProblemKind = (typeof POST_PROBLEMS)[number];
export type PostProblem = { kind: PostProblemKind; detail?: string };

export type PostOutcome = 'created' | 'unchanged' | 'failed' | 'skipped';

export type PostReport = {
  /** The source's own id (a WordPress post ID, a Ghost id). */
  sourceId: string;
  title: string;
  slug: string;
  status: string;
  problems: PostProblem[];
  outcome?: PostOutcome;
  storyId?: string;
};

/** A post's report before it is written: what the export itself says about it. */
export const reportOf = (post: { sourceId: string; title: string; slug: string; status: string; notes: string[] }): PostReport => ({
  sourceId: post.sourceId,
  title: post.title,
  slug: post.slug,
  status: post.status,
  problems: post.notes.map((detail) => ({ kind: detail.startsWith('unknown status') ? 'unknown_status' : 'note', detail })),
});

export type MappingRow = { source: string; name: string; target: string; exists: boolean };

export type ImportReport = {
  /** Counts of what the file holds. */
  counts: { posts: number; pages: number; attachments: number; authors: number; sections: number; tags: number; other: number };
  /** How many posts get each of our states. */
  statuses: Record<string, number>;
  /** Categories (WordPress) or primary tags (Ghost) → sections; nested categories flattened to their own name. */
  sections: MappingRow[];
  /** Source authors → byline profiles; two of the same name stay two profiles. */
  authors: MappingRow[];
  posts: PostReport[];
  /** Problems with the file itself (not WXR, truncated…): nothing is imported. */
  fileProblems: string[];
  /** What the admin chose with the upload: the old site's address (Ghost's __GHOST_URL__), a local uploads folder (CLI only). */
  options?: { baseUrl: string | null; uploadsDir: string | null; allowPrivate: boolean; staffAccounts?: boolean };
  /** After a run; accounts: staff accounts created for authors (on request). */
  outcome?: { created: number; unchanged: number; failed: number; skipped: number; images: number; redirects: number; accounts?: number };
};

export const emptyReport = (): ImportReport => ({
  counts: { posts: 0, pages: 0, attachments: 0, authors: 0, sections: 0, tags: 0, other: 0 },
  statuses: {},
  sections: [],
  authors: [],
  posts: [],
  fileProblems: [],
});
