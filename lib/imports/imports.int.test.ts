import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authors, importRuns, legacyRedirects, publishedStories, stories, storyAuthors, storyTags, tags } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { figureMediaIds } from '@/lib/content/figure';
import { legacyTag } from '@/lib/reader/cache-tags';
import { lookupLegacy } from '@/lib/reader/legacy-lookup';
import { readerTags } from '@/lib/stories/publication';
import { connectTestDb } from '@/test/db';
import { createStaff } from '@/test/staff';
import { ExportFileError, type ExportFile } from './files';
import { fetchImage } from './images';
import { legacyKey } from './paths';
import type { ImportReport } from './report';
import { executeImport, planImport } from './run';

// The importers against a real database: the WXR fixture is a real export of
// Debian's WordPress 6.1.9 (scripts/wordpress/make-export.php), the Ghost one
// of Ghost 6.65.0 (scripts/ghost/make-export.sh). WordPress's images come from
// a server this test starts on 127.0.0.1, allowed through the importer's option
// only; Ghost's from a copy of its content/images folder.

const { db, client } = connectTestDb();
const FIXTURES = path.join(process.cwd(), 'test', 'fixtures', 'imports');
const OLD_SITE = 'http://wp.sahifa.test';
let admin: CurrentUser;
let server: Server;
let base: string;
let dir: string;
const requested: string[] = [];

async function fixture(name: string, replace: [string, string]): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, (await readFile(path.join(FIXTURES, name), 'utf8')).replaceAll(replace[0], replace[1]));
  return file;
}

const expired: string[][] = [];
const run = (file: ExportFile, runId: string, allowPrivateImages = true) =>
  executeImport(db, file, { runId, actorId: admin.id, allowPrivateImages, expire: async (tags) => void expired.push(tags) });

async function newRun(source: 'wordpress' | 'ghost', filePath: string): Promise<string> {
  const [row] = await db.insert(importRuns).values({ source, fileName: path.basename(filePath), filePath, bytes: 1, report: { counts: { posts: 0, pages: 0, attachments: 0, authors: 0, sections: 0, tags: 0, other: 0 }, statuses: {}, sections: [], authors: [], posts: [], fileProblems: [] }, createdById: admin.id }).returning({ id: importRuns.id });
  return row!.id;
}

const byTitle = (report: ImportReport, title: string) => report.posts.filter((post) => post.title === title);

beforeAll(async () => {
  admin = await createStaff(db, 'admin');
  dir = await mkdtemp(path.join(os.tmpdir(), 'sahifa-import-test-'));
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#a33' } }).png().toBuffer();
  server = createServer((req, res) => {
    requested.push(req.url ?? '');
    if (/\/(oil-field|stadium)\.png$/.test(req.url ?? '')) res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await client.end();
});

describe('WordPress (WXR 1.2 from WordPress 6.1)', () => {
  let file: ExportFile;
  let first: ImportReport;

  beforeAll(async () => {
    file = { source: 'wordpress', path: await fixture('wordpress-6.1.xml', [OLD_SITE, base]) };
  });

  it('dry-runs without writing: counts, nested categories flattened, same-name authors kept apart, problems per post', async () => {
    const before = await db.$count(stories);
    const plan = await planImport(db, file);
    expect(await db.$count(stories)).toBe(before);
    expect(plan.counts).toMatchObject({ posts: 8, pages: 3, attachments: 3, authors: 3 });
    expect(plan.statuses).toEqual({ published: 4, draft: 1, in_review: 1, scheduled: 1, restricted: 1 });
    expect(plan.sections.find((row) => row.name === 'نفط')).toMatchObject({ source: 'اقتصاد › نفط', target: 'نفط' });
    const saras = plan.authors.filter((row) => row.name === 'سارة أحمد');
    expect(saras).toHaveLength(2);
    expect(new Set(saras.map((row) => row.target)).size).toBe(2);
    const oil = byTitle(plan, 'الحكومة تخفض إنتاج النفط')[0]!;
    expect(oil.problems.map((problem) => problem.kind)).toEqual(expect.arrayContaining(['dropped_script', 'dropped_iframe']));
  });

  it('refuses the loopback image server unless the option allows it', async () => {
    expect(await fetchImage(`${base}/wp-content/uploads/2024/05/oil-field.png`, { maxBytes: 1_000_000 })).toEqual({ ok: false, reason: 'private_address' });
    expect((await fetchImage(`${base}/wp-content/uploads/2024/05/oil-field.png`, { maxBytes: 1_000_000, allowPrivate: true })).ok).toBe(true);
  });

  it('imports every post with its state, date, bylines, section, images and old paths', async () => {
    first = await run(file, await newRun('wordpress', file.path));
    expect(first.outcome).toMatchObject({ created: 8, unchanged: 0, failed: 0 });
    const [oil, oilUpdate] = byTitle(first, 'الحكومة تخفض إنتاج النفط');
    const [story] = await db.select().from(stories).where(eq(stories.id, oil!.storyId!));
    expect(story!.slug).toBe('الحكومة-تخفض-إنتاج-النفط');
    expect(story!.standfirst).toBe('خطة جديدة للطاقة');
    expect(story!.leadImageId).not.toBeNull();
    expect(figureMediaIds(story!.body)).toEqual([story!.leadImageId]);
    expect(oil!.problems).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'image_failed', detail: expect.stringContaining('missing.png') })]));
    const [projection] = await db.select().from(publishedStories).where(eq(publishedStories.storyId, story!.id));
    // 13:00 in Riyadh (the site's zone) is 10:00 UTC: post_date_gmt.
    expect(projection!.publishedAt.toISOString()).toBe('2024-05-06T10:00:00.000Z');
    expect(JSON.stringify(projection!.body)).not.toMatch(/script|iframe|alert/);
    // WordPress numbered the second post of the same title; its slug is kept.
    const [update] = await db.select({ slug: stories.slug }).from(stories).where(eq(stories.id, oilUpdate!.storyId!));
    expect(update!.slug).toBe('الحكومة-تخفض-إنتاج-النفط-2');

    const [classic] = await db.select().from(stories).where(eq(stories.id, byTitle(first, 'الفريق الوطني يفوز بالكأس')[0]!.storyId!));
    const body = JSON.stringify(classic!.body);
    expect(body).toContain('hardBreak');
    expect(body).toContain('"caption":"الملعب الوطني"');
    expect(byTitle(first, 'الفريق الوطني يفوز بالكأس')[0]!.problems.map((p) => p.kind)).toContain('flattened_table');

    const states = await db
      .select({ headline: stories.headline, editorial: stories.editorialState, publication: stories.publicationState, restricted: stories.restricted, scheduledFor: stories.scheduledFor })
      .from(stories)
      .where(inArray(stories.headline, ['مسودة عن الأسواق', 'مقال بانتظار المراجعة', 'مقال مجدول', 'تحقيق خاص']));
    const state = Object.fromEntries(states.map((row) => [row.headline, row]));
    expect(state['مسودة عن الأسواق']).toMatchObject({ editorial: 'draft', publication: 'unpublished', restricted: false });
    expect(state['مقال بانتظار المراجعة']).toMatchObject({ editorial: 'in_review', publication: 'unpublished' });
    expect(state['مقال مجدول']).toMatchObject({ editorial: 'approved', publication: 'unpublished' });
    expect(state['مقال مجدول']!.scheduledFor?.toISOString()).toBe('2030-01-01T06:00:00.000Z');
    expect(state['تحقيق خاص']).toMatchObject({ restricted: true, publication: 'unpublished' });

    // Two authors named alike stay two byline profiles.
    const saraRows = await db.select({ id: authors.id, slug: authors.slug }).from(authors).where(eq(authors.name, 'سارة أحمد'));
    expect(saraRows.length).toBeGreaterThanOrEqual(2);
    const bylines = await db.select({ authorId: storyAuthors.authorId }).from(storyAuthors).where(inArray(storyAuthors.storyId, [oil!.storyId!, classic!.id]));
    expect(new Set(bylines.map((b) => b.authorId)).size).toBe(2);
  });

  it('redirects the old permalinks and ?p= to the new article, and expires their cached answers', async () => {
    const oilId = byTitle(first, 'الحكومة تخفض إنتاج النفط')[0]!;
    const permalink = legacyKey('/2024/05/%d8%a7%d9%84%d8%ad%d9%83%d9%88%d9%85%d8%a9-%d8%aa%d8%ae%d9%81%d8%b6-%d8%a5%d9%86%d8%aa%d8%a7%d8%ac-%d8%a7%d9%84%d9%86%d9%81%d8%b7/')!;
    expect(await lookupLegacy(db, permalink)).toEqual({ sectionSlug: 'نفط', slug: 'الحكومة-تخفض-إنتاج-النفط' });
    expect(await lookupLegacy(db, legacyKey('/', `?p=${oilId.sourceId}`)!)).toEqual({ sectionSlug: 'نفط', slug: 'الحكومة-تخفض-إنتاج-النفط' });
    expect(expired.flat()).toContain(legacyTag(permalink));
    // A later publish, slug or section change of the story expires its old paths' cached answers too.
    expect(await readerTags(db, oilId.storyId!)).toEqual(expect.arrayContaining([legacyTag(permalink), legacyTag(`/?p=${oilId.sourceId}`)]));
    // A draft has no page yet: its old path stays in the table but answers nothing until it is published.
    const draft = byTitle(first, 'مسودة عن الأسواق')[0]!;
    const [draftPath] = await db.select().from(legacyRedirects).where(and(eq(legacyRedirects.storyId, draft.storyId!), eq(legacyRedirects.path, `/?p=${draft.sourceId}`)));
    expect(draftPath).toBeDefined();
    expect(await lookupLegacy(db, draftPath!.path)).toBeNull();
  });

  it('changes nothing the second time, and says so', async () => {
    const counts = { stories: await db.$count(stories), authors: await db.$count(authors), redirects: await db.$count(legacyRedirects) };
    const again = await run(file, await newRun('wordpress', file.path));
    expect(again.outcome).toMatchObject({ created: 0, unchanged: 8, failed: 0, images: 0 });
    expect({ stories: await db.$count(stories), authors: await db.$count(authors), redirects: await db.$count(legacyRedirects) }).toEqual(counts);
    const plan = await planImport(db, file);
    expect(plan.posts.every((post) => post.outcome === 'unchanged')).toBe(true);
  });

  it('refuses a truncated file and a file that is not WXR with a reason, before anything is written', async () => {
    const text = await readFile(file.path, 'utf8');
    const truncated = path.join(dir, 'truncated.xml');
    await writeFile(truncated, text.slice(0, Math.floor(text.length / 2)));
    await expect(planImport(db, { source: 'wordpress', path: truncated })).rejects.toThrow(ExportFileError);
    const html = path.join(dir, 'page.xml');
    await writeFile(html, '<html><body><p>not an export</p></body></html>');
    await expect(planImport(db, { source: 'wordpress', path: html })).rejects.toThrow(/not a WordPress export/);
    const ghostAsWp = path.join(FIXTURES, 'ghost-6.json');
    await expect(planImport(db, { source: 'wordpress', path: ghostAsWp })).rejects.toThrow(ExportFileError);
  });
});

describe('Ghost 6 JSON (a real export of Ghost 6.65.0)', () => {
  // Images come from the old site's content/images folder, copied beside the fixture by scripts/ghost/make-export.sh.
  // No address resolves: Ghost's own «Coming soon» post points at an image on Ghost's servers, which must fail cleanly.
  const GHOST_SITE = 'https://ghost.sahifa.test';
  const file: ExportFile = { source: 'ghost', path: path.join(FIXTURES, 'ghost-6.json'), baseUrl: GHOST_SITE };
  const runGhost = async () =>
    executeImport(db, file, { runId: await newRun('ghost', file.path), actorId: admin.id, uploadsDir: path.join(FIXTURES, 'ghost-6-images'), resolve: async () => [], expire: async (tags) => void expired.push(tags) });
  let report: ImportReport;
  const storyOf = async (title: string) => {
    const [row] = await db.select().from(stories).where(eq(stories.id, report.posts.find((post) => post.title === title)!.storyId!));
    return row!;
  };

  it('dry-runs: posts, pages reported, the primary tags as sections under Arabic slugs, both same-name writers', async () => {
    const plan = await planImport(db, file);
    expect(plan.counts).toMatchObject({ posts: 8, pages: 2, authors: 3 });
    expect(plan.statuses).toEqual({ published: 6, draft: 1, scheduled: 1 });
    expect(plan.sections.find((row) => row.name === 'اقتصاد')).toMatchObject({ target: 'اقتصاد' });
    const saras = plan.authors.filter((row) => row.name === 'سارة أحمد');
    expect(saras).toHaveLength(2);
    expect(new Set(saras.map((row) => row.target)).size).toBe(2);
  });

  it('imports every post with its state, date, bylines, section, tags, images and excerpt', async () => {
    report = await runGhost();
    expect(report.outcome).toMatchObject({ created: 8, unchanged: 0, failed: 0, images: 3 });
    expect(await db.$count(stories, eq(stories.headline, 'من نحن'))).toBe(0);

    const bank = await storyOf('البنك المركزي يرفع أسعار الفائدة');
    expect(bank.slug).toBe('البنك-المركزي-يرفع-أسعار-الفائدة');
    expect(bank).toMatchObject({ standfirst: 'قرار جديد للبنك المركزي', leadImageAlt: 'مبنى البنك', leadImageCaption: 'مبنى البنك المركزي' });
    expect(bank.leadImageId).not.toBeNull();
    expect(figureMediaIds(bank.body)).toHaveLength(1);
    expect(JSON.stringify(bank.body)).toContain('"caption":"تطور سعر الفائدة"');
    const [projection] = await db.select().from(publishedStories).where(eq(publishedStories.storyId, bank.id));
    expect(projection!.publishedAt.toISOString()).toBe('2026-11-20T09:00:00.000Z');
    const bankTags = await db.select({ name: tags.name }).from(storyTags).innerJoin(tags, eq(tags.id, storyTags.tagId)).where(eq(storyTags.storyId, bank.id)).orderBy(storyTags.position);
    expect(bankTags.map((row) => row.name)).toEqual(['اقتصاد', 'بنوك']);
    expect(await db.$count(tags, eq(tags.name, '#عاجل'))).toBe(0);

    // The HTML card's script and iframe and the embed card's iframe are dropped, and reported.
    const oilReport = report.posts.find((post) => post.title === 'الحكومة تخفض إنتاج النفط')!;
    expect(oilReport.problems.map((problem) => problem.kind)).toEqual(expect.arrayContaining(['dropped_script', 'dropped_iframe']));
    const oil = await storyOf('الحكومة تخفض إنتاج النفط');
    expect(JSON.stringify(oil.body)).not.toMatch(/script|iframe|alert/);
    expect(oil.plainText).toContain('جدول الإنتاج');
    const bylines = await db.select({ name: authors.name, slug: authors.slug }).from(storyAuthors).innerJoin(authors, eq(authors.id, storyAuthors.authorId)).where(eq(storyAuthors.storyId, oil.id)).orderBy(storyAuthors.position);
    expect(bylines.map((row) => row.name)).toEqual(['سارة أحمد', 'هيئة التحرير']);
    const [sportByline] = await db.select({ id: storyAuthors.authorId }).from(storyAuthors).where(eq(storyAuthors.storyId, (await storyOf('الفريق الوطني يفوز بالكأس')).id));
    const [oilByline] = await db.select({ id: storyAuthors.authorId }).from(storyAuthors).where(and(eq(storyAuthors.storyId, oil.id), eq(storyAuthors.position, 0)));
    expect(sportByline!.id).not.toBe(oilByline!.id); // two writers named alike, two profiles

    expect(await storyOf('مسودة عن التضخم')).toMatchObject({ editorialState: 'draft', publicationState: 'unpublished' });
    const scheduled = await storyOf('مقال مجدول عن الانتخابات');
    expect(scheduled).toMatchObject({ editorialState: 'approved', publicationState: 'unpublished' });
    expect(scheduled.scheduledFor?.toISOString()).toBe('2030-01-01T06:00:00.000Z');
    expect(report.posts.find((post) => post.title === 'تحليل للمشتركين فقط')!.problems).toEqual([{ kind: 'note', detail: 'visibility members: imported for everyone' }]);
    const long = report.posts.find((post) => post.title.startsWith('تقرير موسع'))!;
    expect(long.outcome).toBe('created');
    expect((await storyOf(long.title)).headline.length).toBeLessThanOrEqual(250);
    const comingSoon = report.posts.find((post) => post.title === 'Coming soon')!;
    expect(comingSoon.problems).toEqual([expect.objectContaining({ kind: 'image_failed', detail: expect.stringContaining('static.ghost.org') })]);
  });

  it("redirects Ghost's old /slug/ paths to the new articles", async () => {
    const bank = await storyOf('البنك المركزي يرفع أسعار الفائدة');
    expect(await lookupLegacy(db, legacyKey('/lbnk-lmrkzy-yrf-lfyd/')!)).toEqual({ sectionSlug: 'اقتصاد', slug: bank.slug });
    expect(expired.flat()).toContain(legacyTag('/lbnk-lmrkzy-yrf-lfyd'));
    const sport = await storyOf('الفريق الوطني يفوز بالكأس');
    expect(await lookupLegacy(db, '/lfryq-lwtny-yfwz-blks')).toEqual({ sectionSlug: 'رياضة', slug: sport.slug });
    // The draft's old path waits for its publication.
    expect(await lookupLegacy(db, '/mswd-n-ltdkhm')).toBeNull();
  });

  it('changes nothing the second time, and says so', async () => {
    const counts = { stories: await db.$count(stories), authors: await db.$count(authors), tags: await db.$count(tags), redirects: await db.$count(legacyRedirects) };
    const again = await runGhost();
    expect(again.outcome).toMatchObject({ created: 0, unchanged: 8, failed: 0, images: 0 });
    expect({ stories: await db.$count(stories), authors: await db.$count(authors), tags: await db.$count(tags), redirects: await db.$count(legacyRedirects) }).toEqual(counts);
  });
});
