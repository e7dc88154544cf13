import { rm } from 'node:fs/promises';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db';
import { importItems, importRuns, slugHistory, stories } from '@/db/schema';
import { now } from '@/lib/clock';
import { storeImage, mediaLimits } from '@/lib/media/store';
import type { Resolve } from '@/lib/webhooks/address';
import { ExportFileError, forEachPost, scanExport, type ExportFile } from './files';
import { htmlToDoc, imageUrlsOf, type ImportedImage } from './html';
import { fetchImage } from './images';
import { importPost, knownImage } from './post';
import { emptyReport, reportOf, type ImportReport } from './report';
import { ensureStaffAccounts } from './staff';
import { ensureTerms, FALLBACK_SECTION, itemKey, planTerms, wantedSlug } from './terms';

// The dry run and the run of one export. Both read the file in two streamed
// passes (lib/imports/files.ts). The dry run writes nothing; the run creates
// the terms in one transaction, then each post in its own (lib/imports/post.ts),
// and writes its progress on the run's row as it goes. A run stopped halfway
// (a crash, a restart) is resumed by running it again: every post already in
// import_items is left as it is, and the report says "unchanged".

export type ImageOptions = { uploadsDir?: string | null; allowPrivateImages?: boolean; resolve?: Resolve };

/** What an import would do: counts, mappings, and each post's problems; nothing is written. */
export async function planImport(db: Database, file: ExportFile, onProgress?: (read: number, total: number) => Promise<void> | void, signal?: AbortSignal): Promise<ImportReport> {
  const report = emptyReport();
  const scan = await scanExport(file);
  await onProgress?.(0, scan.posts);
  const { site } = scan;
  report.counts = { posts: scan.posts, pages: scan.pages, attachments: scan.attachments.size, authors: site.authors.length, sections: site.sections.length, tags: site.tags.length, other: scan.other };
  const mapping = await planTerms(db, site, scan.withoutSection > 0);
  report.sections = mapping.sections;
  report.authors = mapping.authors;
  const seenSlugs = new Set<string>();
  // Every image stands in as present: the dry run downloads nothing.
  const present: ImportedImage = { mediaId: '00000000-0000-4000-8000-000000000000', width: 1, height: 1 };
  await forEachPost(file, scan, async (post) => {
    if (signal?.aborted) throw new ImportInterrupted();
    const entry = reportOf(post);
    report.statuses[post.status] = (report.statuses[post.status] ?? 0) + 1;
    const [done] = await db.select({ storyId: importItems.targetId }).from(importItems).where(and(eq(importItems.source, site.source), eq(importItems.key, itemKey('post', post.key))));
    if (done) {
      report.posts.push({ ...entry, problems: [], outcome: 'unchanged', storyId: done.storyId });
      return;
    }
    entry.problems.push(...htmlToDoc(post.html, new Map(imageUrlsOf(post.html).map((url) => [url, present]))).problems);
    if (!post.title) entry.problems.push({ kind: 'no_title' });
    if (post.authorKeys.length === 0) entry.problems.push({ kind: 'no_author' });
    const slug = wantedSlug(post.slug, post.title, 'tag');
    if (post.slug && slug !== post.slug.toLowerCase()) entry.problems.push({ kind: 'slug_changed', detail: `${post.slug} → ${slug}` });
    const taken =
      seenSlugs.has(slug) ||
      (await db.select({ id: stories.id }).from(stories).where(eq(stories.slug, slug)).limit(1)).length > 0 ||
      (await db.select({ slug: slugHistory.slug }).from(slugHistory).where(eq(slugHistory.slug, slug)).limit(1)).length > 0;
    if (taken) entry.problems.push({ kind: 'slug_taken', detail: slug });
    seenSlugs.add(slug);
    report.posts.push(entry);
    if (report.posts.length % PROGRESS_EVERY === 0) await onProgress?.(report.posts.length, scan.posts);
  });
  return report;
}

export type RunOptions = ImageOptions & {
  runId: string;
  actorId: string | null;
  /** Expires reader caches (the job runner's own way, or a queued job for the CLI). */
  expire: (tags: string[]) => Promise<void>;
  onProgress?: (processed: number, total: number) => Promise<void> | void;
  /** Create a staff account (writer, no password: an admin invites them) for each author with an e-mail and no account. */
  staffAccounts?: boolean;
  /** Stops the run between two posts (the runner's shutdown); the run is then failed and can be resumed. */
  signal?: AbortSignal;
};

/** Why a run stopped between two posts: the runner shut down (or a test stopped it). */
export class ImportInterrupted extends Error {
  constructor() {
    super('interrupted');
  }
}

const PROGRESS_EVERY = 25;
const EXPIRE_EVERY = 200;

export async function executeImport(db: Database, file: ExportFile, options: RunOptions): Promise<ImportReport> {
  const report = emptyReport();
  const scan = await scanExport(file);
  const { site } = scan;
  report.counts = { posts: scan.posts, pages: scan.pages, attachments: scan.attachments.size, authors: site.authors.length, sections: site.sections.length, tags: site.tags.length, other: scan.other };
  const withFallback = scan.withoutSection > 0;
  const mapping = await planTerms(db, site, withFallback);
  report.sections = mapping.sections;
  report.authors = mapping.authors;
  const terms = await db.transaction((tx) => ensureTerms(tx, site, options.runId, withFallback));
  const accounts = options.staffAccounts ? await ensureStaffAccounts(db, site, terms.authors, options.actorId) : 0;
  const outcome = { created: 0, unchanged: 0, failed: 0, skipped: 0, images: 0, redirects: 0, accounts };
  const pendingTags = new Set<string>();
  const flush = async () => {
    if (pendingTags.size === 0) return;
    const tags = [...pendingTags];
    pendingTags.clear();
    await options.expire(tags);
  };
  const limits = mediaLimits();
  const image = async (url: string): Promise<{ image: ImportedImage | null; problem?: string }> => {
    const known = await knownImage(db, site.source, url);
    if (known) return { image: known };
    const fetched = await fetchImage(url, { uploadsDir: options.uploadsDir, allowPrivate: options.allowPrivateImages, resolve: options.resolve, maxBytes: limits.maxBytes });
    if (!fetched.ok) return { image: null, problem: fetched.reason };
    const stored = await storeImage({ uploadedById: options.actorId, fileName: fetched.fileName, data: fetched.data }, { limits });
    if (!stored.ok) return { image: null, problem: stored.problem };
    await db.insert(importItems).values({ source: site.source, key: itemKey('media', url), targetId: stored.row.id, runId: options.runId }).onConflictDoNothing();
    return { image: { mediaId: stored.row.id, width: stored.row.width, height: stored.row.height } };
  };
  const ctx = { db, source: site.source, runId: options.runId, actorId: options.actorId, terms, fallbackSection: withFallback ? (terms.sections.get(FALLBACK_SECTION.key) ?? null) : null, image };
  let processed = 0;
  await forEachPost(file, scan, async (post) => {
    if (options.signal?.aborted) throw new ImportInterrupted();
    try {
      const result = await importPost(ctx, post);
      report.posts.push(result.report);
      outcome[result.report.outcome ?? 'failed'] += 1;
      outcome.images += result.images;
      outcome.redirects += result.redirects;
      result.tags.forEach((tag) => pendingTags.add(tag));
    } catch (error) {
      // The post's transaction rolled back: nothing of it is in the database. The run goes on.
      report.posts.push({ ...reportOf(post), outcome: 'failed', problems: [{ kind: 'not_imported', detail: error instanceof Error ? error.message : String(error) }] });
      outcome.failed += 1;
    }
    processed += 1;
    if (processed % PROGRESS_EVERY === 0) await options.onProgress?.(processed, scan.posts);
    if (pendingTags.size >= EXPIRE_EVERY) await flush();
  });
  await flush();
  await options.onProgress?.(processed, scan.posts);
  report.outcome = outcome;
  return report;
}

/** The run's row, from start to end: the job calls this, and so does the CLI. A failed run resumes: posts already in import_items are left as they are. */
export async function runStoredImport(db: Database, runId: string, options: Omit<RunOptions, 'runId' | 'onProgress' | 'actorId'>): Promise<ImportReport | null> {
  const [run] = await db.select().from(importRuns).where(eq(importRuns.id, runId));
  if (!run || !['queued', 'running', 'failed'].includes(run.state)) return null;
  await db.update(importRuns).set({ state: 'running', startedAt: now(), processed: 0, error: null }).where(eq(importRuns.id, runId));
  const file: ExportFile = { source: run.source, path: run.filePath, baseUrl: run.report.options?.baseUrl ?? null };
  try {
    const report = await executeImport(db, file, {
      ...options,
      uploadsDir: options.uploadsDir ?? run.report.options?.uploadsDir ?? null,
      allowPrivateImages: options.allowPrivateImages ?? run.report.options?.allowPrivate ?? false,
      staffAccounts: options.staffAccounts ?? run.report.options?.staffAccounts ?? false,
      runId,
      actorId: run.createdById,
      onProgress: async (processed, total) => {
        await db.update(importRuns).set({ processed, total }).where(eq(importRuns.id, runId));
      },
    });
    await db.update(importRuns).set({ state: 'done', report: { ...report, options: run.report.options }, finishedAt: now() }).where(and(eq(importRuns.id, runId), inArray(importRuns.state, ['running'])));
    return report;
  } catch (error) {
    await db.update(importRuns).set({ state: 'failed', error: error instanceof Error ? error.message : String(error), finishedAt: now() }).where(eq(importRuns.id, runId));
    throw error;
  }
}

/**
 * The dry run of an uploaded file, as a job: the row is 'planning' while it
 * reads (processed = posts read so far), then 'planned' with the report. A
 * file that is no export of that kind ends 'failed' with the reader's reason
 * (and is deleted); any other error (the runner's shutdown included) is
 * thrown for the runner to retry: the row stays 'planning' and the retry reads the file again.
 */
export async function planStoredImport(db: Database, runId: string, signal?: AbortSignal): Promise<ImportReport | null> {
  const [run] = await db.select().from(importRuns).where(eq(importRuns.id, runId));
  if (!run || run.state !== 'planning') return null;
  const file: ExportFile = { source: run.source, path: run.filePath, baseUrl: run.report.options?.baseUrl ?? null };
  try {
    const report = await planImport(db, file, async (processed, total) => {
      await db.update(importRuns).set({ processed, total }).where(and(eq(importRuns.id, runId), eq(importRuns.state, 'planning')));
    }, signal);
    report.options = run.report.options;
    await db.update(importRuns).set({ state: 'planned', report, total: report.counts.posts, processed: report.posts.length }).where(and(eq(importRuns.id, runId), eq(importRuns.state, 'planning')));
    return report;
  } catch (error) {
    if (!(error instanceof ExportFileError)) throw error;
    await db.update(importRuns).set({ state: 'failed', error: error.message, report: { ...run.report, fileProblems: [error.message] }, finishedAt: now() }).where(eq(importRuns.id, runId));
    await rm(run.filePath, { force: true });
    return null;
  }
}
