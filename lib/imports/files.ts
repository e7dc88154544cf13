import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { ImportSource } from '@/lib/enums';
import { GhostError, parseGhost, readGhost } from './ghost';
import type { SourcePost, SourceSite, SourceTerm } from './source';
import { attachmentOf, postFromWxr, readWxr, siteFromWxr, WxrError } from './wxr';

// An export file, read in two passes: the scan (the site's authors and terms,
// the attachments' URLs, counts), then the posts one by one. A WXR file is
// streamed both times (lib/imports/wxr.ts); a Ghost export is one JSON document.

export type ExportFile = { source: ImportSource; path: string; baseUrl?: string | null };
/** withoutSection: posts with no category (WordPress) or no primary tag (Ghost), which go to the fallback section. */
export type Scan = { site: SourceSite; attachments: Map<string, string>; pages: number; other: number; posts: number; withoutSection: number };

/** A file the importer cannot read: not an export of that kind, malformed or cut short. */
export class ExportFileError extends Error {}

const HIGH_WATER = 256 * 1024;

async function wrap<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof WxrError || error instanceof GhostError) throw new ExportFileError(error.message);
    throw error;
  }
}

export async function scanExport(file: ExportFile): Promise<Scan> {
  return wrap(async () => {
    if (file.source === 'ghost') {
      const { site, posts, pages } = readGhost(parseGhost(await readFile(file.path, 'utf8')), file.baseUrl ?? null);
      return { site, attachments: new Map(), pages, other: 0, posts: posts.length, withoutSection: posts.filter((post) => !post.sectionKey).length };
    }
    const attachments = new Map<string, string>();
    const extraSections = new Map<string, SourceTerm>();
    const extraTags = new Map<string, SourceTerm>();
    let pages = 0;
    let other = 0;
    let posts = 0;
    let withoutSection = 0;
    const channel = await readWxr(createReadStream(file.path, { highWaterMark: HIGH_WATER }), (item) => {
      const attachment = attachmentOf(item);
      if (attachment) attachments.set(...attachment);
      else if (item.postType === 'post') {
        posts += 1;
        if (!item.categories.some((term) => term.domain === 'category')) withoutSection += 1;
        // Terms a post uses that the channel did not list (an export filtered by author or date lists only some).
        for (const term of item.categories) {
          const into = term.domain === 'category' ? extraSections : term.domain === 'post_tag' ? extraTags : null;
          into?.set(term.nicename, { key: term.nicename, slug: term.nicename, name: term.name, parentKey: null });
        }
      } else if (item.postType === 'page') pages += 1;
      else if (item.postType !== 'attachment') other += 1;
    });
    const site = siteFromWxr(channel);
    const known = (list: SourceTerm[]) => new Set(list.map((term) => term.key));
    const sectionKeys = known(site.sections);
    const tagKeys = known(site.tags);
    site.sections.push(...[...extraSections.values()].filter((term) => !sectionKeys.has(term.key)));
    site.tags.push(...[...extraTags.values()].filter((term) => !tagKeys.has(term.key)));
    return { site, attachments, pages, other, posts, withoutSection };
  });
}

/** Calls `each` for every post of the file, in file order, awaiting each one. */
export async function forEachPost(file: ExportFile, scan: Scan, each: (post: SourcePost) => Promise<void>): Promise<void> {
  await wrap(async () => {
    if (file.source === 'ghost') {
      const { posts } = readGhost(parseGhost(await readFile(file.path, 'utf8')), file.baseUrl ?? null);
      for (const post of posts) await each(post);
      return;
    }
    await readWxr(createReadStream(file.path, { highWaterMark: HIGH_WATER }), async (item, channel) => {
      if (item.postType === 'post') await each(postFromWxr(item, channel, scan.attachments));
    });
  });
}
