import { z } from 'zod';
import type { ImportStatus, SourcePost, SourceSite, SourceTerm } from './source';
import { legacyKey } from './paths';

// Ghost's JSON export (Settings → Labs → Export, Ghost 5 and 6), checked
// with zod: only the fields we read, everything else passes. Ghost keeps the
// HTML it renders from Lexical (or mobiledoc) in posts.html at every save,
// and the export carries it, so that is what we import: rendering Lexical
// ourselves would mean Ghost's own renderer and its cards. A post with no
// html falls back to the text of its Lexical paragraphs, and says so.

const nullableText = z.string().nullish().transform((value) => value ?? '');

const post = z.object({
  id: z.string().min(1),
  title: nullableText,
  slug: nullableText,
  html: z.string().nullish(),
  lexical: z.string().nullish(),
  mobiledoc: z.string().nullish(),
  plaintext: z.string().nullish(),
  feature_image: z.string().nullish(),
  type: z.string().default('post'),
  status: z.string(),
  visibility: z.string().default('public'),
  published_at: z.string().nullish(),
  created_at: z.string().nullish(),
  custom_excerpt: z.string().nullish(),
});

const ghostExport = z.object({
  db: z
    .array(
      z.object({
        meta: z.object({ version: z.string().optional() }).partial().optional(),
        data: z.object({
          posts: z.array(post),
          tags: z.array(z.object({ id: z.string(), name: z.string(), slug: z.string(), visibility: z.string().default('public') })).default([]),
          users: z.array(z.object({ id: z.string(), name: z.string(), slug: z.string(), email: z.string().nullish() })).default([]),
          posts_tags: z.array(z.object({ post_id: z.string(), tag_id: z.string(), sort_order: z.number().nullish() })).default([]),
          posts_authors: z.array(z.object({ post_id: z.string(), author_id: z.string(), sort_order: z.number().nullish() })).default([]),
          // Ghost 5+ keeps the feature image's alt text and caption here, one row per post that has any.
          posts_meta: z.array(z.object({ post_id: z.string(), feature_image_alt: z.string().nullish(), feature_image_caption: z.string().nullish() })).default([]),
        }),
      }),
    )
    .min(1),
});

export type GhostExport = z.infer<typeof ghostExport>;
export type GhostPost = z.infer<typeof post>;

export class GhostError extends Error {}

/** Parses and checks an export; a GhostError names what is wrong. */
export function parseGhost(text: string): GhostExport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new GhostError(`not JSON (truncated?): ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = ghostExport.safeParse(json);
  if (!parsed.success) throw new GhostError(`not a Ghost export: ${parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return parsed.data;
}

const STATUSES: Record<string, ImportStatus> = { published: 'published', scheduled: 'scheduled', draft: 'draft', sent: 'draft' };

type LexicalNode = { type?: string; text?: string; children?: LexicalNode[] };

/** The text of a Lexical document's blocks, one paragraph each: the fallback when a post carries no html. */
export function lexicalParagraphs(lexical: string): string[] {
  try {
    const root = (JSON.parse(lexical) as { root?: LexicalNode }).root;
    const textOf = (node: LexicalNode): string => (node.type === 'linebreak' ? '\n' : (node.text ?? '') + (node.children ?? []).map(textOf).join(''));
    return (root?.children ?? []).map(textOf).filter((text) => text.trim() !== '');
  } catch {
    return [];
  }
}

/**
 * Ghost stores UTC. On MySQL the export carries ISO strings (`2026-11-20T09:00:00.000Z`); on SQLite, Ghost's
 * own default, the column's text as stored (`2026-11-20 09:00:00`), which JavaScript would read as local time.
 */
export function ghostDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const zoneless = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value);
  const date = new Date(zoneless ? `${value.replace(' ', 'T')}Z` : value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Ghost turns every slug into ASCII (its slugify transliterates: «اقتصاد» → `qtsd`, «البنك المركزي يرفع أسعار
 * الفائدة» → `lbnk-lmrkzy-yrf-lfyd`, even when the editor typed an Arabic slug). Such a slug means nothing to
 * a reader and would not meet a section or tag the newsroom already has under its Arabic slug, so for a name
 * written in another script we drop it and the importer makes ours from the name, as for any new story or
 * term. The old path (`/lbnk-lmrkzy-yrf-lfyd/`) still redirects, and Ghost's slug stays the term's key.
 */
export function keptSlug(slug: string, name: string): string {
  const transliterated = /^[\x20-\x7e]*$/.test(slug) && /(?![\p{Script=Latin}])\p{L}/u.test(name);
  return transliterated ? '' : slug.normalize('NFC');
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Ghost writes its own address as __GHOST_URL__ in exports. */
export const resolveGhostUrl = (url: string | null | undefined, baseUrl: string | null): string | null => (url ? url.replace(/^__GHOST_URL__/, baseUrl ?? '') : null);

export function readGhost(data: GhostExport, baseUrl: string | null): { site: SourceSite; posts: SourcePost[]; pages: number } {
  const db = data.db[0]!.data;
  const publicTags = new Map(db.tags.filter((tag) => tag.visibility === 'public' && !tag.name.startsWith('#')).map((tag) => [tag.id, tag]));
  const term = (tag: { name: string; slug: string }): SourceTerm => ({ key: tag.slug, name: tag.name.trim(), slug: keptSlug(tag.slug, tag.name), parentKey: null });
  const users = new Map(db.users.map((user) => [user.id, user]));
  const metaOf = new Map(db.posts_meta.map((row) => [row.post_id, row]));
  const byOrder = (a: { sort_order?: number | null }, b: { sort_order?: number | null }) => (a.sort_order ?? 0) - (b.sort_order ?? 0);
  const tagsOf = (postId: string) => db.posts_tags.filter((row) => row.post_id === postId).sort(byOrder).flatMap((row) => publicTags.get(row.tag_id) ?? []);
  const authorsOf = (postId: string) => db.posts_authors.filter((row) => row.post_id === postId).sort(byOrder).flatMap((row) => users.get(row.author_id) ?? []);
  const posts: SourcePost[] = [];
  let pages = 0;
  const primaryTags = new Map<string, SourceTerm>();
  for (const entry of db.posts) {
    if (entry.type !== 'post') {
      pages += 1;
      continue;
    }
    const notes: string[] = [];
    const tags = tagsOf(entry.id);
    const primary = tags[0];
    if (primary) primaryTags.set(primary.slug, term(primary));
    let html = (entry.html ?? '').replaceAll('__GHOST_URL__', baseUrl ?? '');
    if (!html) {
      const paragraphs = entry.lexical ? lexicalParagraphs(entry.lexical) : (entry.plaintext ?? '').split(/\n{2,}/);
      html = paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('');
      notes.push('no html in the export: text only, from Lexical or plaintext');
    }
    if (entry.visibility !== 'public') notes.push(`visibility ${entry.visibility}: imported for everyone`);
    if (entry.status === 'sent') notes.push('an e-mail-only post: imported as a draft');
    const date = ghostDate(entry.published_at) ?? ghostDate(entry.created_at);
    const meta = metaOf.get(entry.id);
    const slugPath = entry.slug ? legacyKey(`/${encodeURIComponent(entry.slug)}/`) : null;
    posts.push({
      key: entry.id,
      sourceId: entry.id,
      title: entry.title.trim(),
      slug: keptSlug(entry.slug, entry.title),
      status: STATUSES[entry.status] ?? 'draft',
      sourceStatus: entry.status,
      date,
      authorKeys: authorsOf(entry.id).map((user) => user.slug),
      sectionKey: primary?.slug ?? null,
      tagKeys: tags.map((tag) => tag.slug),
      html,
      excerpt: (entry.custom_excerpt ?? '').trim(),
      featuredImageUrl: resolveGhostUrl(entry.feature_image, baseUrl),
      featuredImageAlt: meta?.feature_image_alt ?? null,
      featuredImageCaption: meta?.feature_image_caption ?? null,
      legacyPaths: slugPath ? [slugPath] : [],
      notes,
    });
  }
  const site: SourceSite = {
    source: 'ghost',
    baseUrl,
    authors: db.users.map((user) => ({ key: user.slug, name: user.name.trim(), slug: keptSlug(user.slug, user.name), email: user.email?.trim() ?? undefined })),
    sections: [...primaryTags.values()],
    tags: [...publicTags.values()].map(term),
  };
  return { site, posts, pages };
}
