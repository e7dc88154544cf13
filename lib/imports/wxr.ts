import { SaxesParser } from 'saxes';
import type { ImportStatus, SourceAuthor, SourcePost, SourceSite, SourceTerm } from './source';
import { legacyKey, legacyKeyOfUrl } from './paths';

// WordPress's export (WXR 1.0–1.2, Tools → Export) read as a stream with
// saxes, a strict, non-validating XML parser: a well-formedness error or a
// truncated file stops the read with its line, and nothing of the file is
// ever held whole. Only the item being read and the channel's small lists
// (authors, terms, attachment URLs) stay in memory, so a 200 MB export costs
// about the size of its largest post. Items are handed over in the order of
// the file; the caller awaits each chunk's items before the next is read.

export class WxrError extends Error {}

/** One <item>: a post, a page, an attachment or anything else a plugin exported. */
export type WxrItem = {
  title: string;
  link: string;
  guid: string;
  creator: string;
  content: string;
  excerpt: string;
  postId: string;
  postDate: string;
  postDateGmt: string;
  pubDate: string;
  postName: string;
  status: string;
  postType: string;
  password: string;
  attachmentUrl: string;
  categories: { domain: string; nicename: string; name: string }[];
  meta: Record<string, string>;
};

export type WxrChannel = { baseUrl: string | null; version: string | null; authors: SourceAuthor[]; categories: SourceTerm[]; tags: SourceTerm[] };

/** A post's body may not be larger than this; a bigger field stops the read (no story is ever this long). */
const MAX_FIELD_CHARS = 8_000_000;

const ITEM_FIELDS: Record<string, keyof WxrItem> = {
  title: 'title',
  link: 'link',
  guid: 'guid',
  'dc:creator': 'creator',
  'content:encoded': 'content',
  'excerpt:encoded': 'excerpt',
  'wp:post_id': 'postId',
  'wp:post_date': 'postDate',
  'wp:post_date_gmt': 'postDateGmt',
  pubDate: 'pubDate',
  'wp:post_name': 'postName',
  'wp:status': 'status',
  'wp:post_type': 'postType',
  'wp:post_password': 'password',
  'wp:attachment_url': 'attachmentUrl',
};

const emptyItem = (): WxrItem => ({
  title: '', link: '', guid: '', creator: '', content: '', excerpt: '', postId: '', postDate: '', postDateGmt: '', pubDate: '',
  postName: '', status: '', postType: '', password: '', attachmentUrl: '', categories: [], meta: {},
});

const decodeSlug = (slug: string): string => {
  try {
    return decodeURIComponent(slug).normalize('NFC');
  } catch {
    return slug;
  }
};

/**
 * Reads a WXR stream, calling `onItem` for every item (awaited chunk by
 * chunk, so a slow writer holds the reader back). Returns the channel.
 * Throws WxrError for a file that is not WXR, is malformed, or ends early.
 */
export async function readWxr(chunks: AsyncIterable<string | Buffer>, onItem: (item: WxrItem, channel: WxrChannel) => Promise<void> | void): Promise<WxrChannel> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const channel: WxrChannel = { baseUrl: null, version: null, authors: [], categories: [], tags: [] };
  const stack: string[] = [];
  const ready: WxrItem[] = [];
  let item: WxrItem | null = null;
  let group: Record<string, string> | null = null; // a wp:author, wp:category, wp:tag or wp:postmeta being read
  let text = '';
  let categoryAttrs: { domain: string; nicename: string } | null = null;
  let sawRss = false;

  parser.on('error', (error) => {
    throw new WxrError(`malformed XML: ${error.message}`);
  });
  parser.on('opentag', (tag) => {
    const name = tag.name;
    if (stack.length === 0) {
      if (name !== 'rss') throw new WxrError(`not a WordPress export: the root element is <${name}>, not <rss>`);
      sawRss = true;
    }
    stack.push(name);
    text = '';
    if (name === 'item') item = emptyItem();
    else if (name === 'wp:author' || name === 'wp:category' || name === 'wp:tag' || name === 'wp:term' || name === 'wp:postmeta') group = {};
    else if (name === 'category' && item) categoryAttrs = { domain: String(tag.attributes.domain ?? ''), nicename: String(tag.attributes.nicename ?? '') };
  });
  const append = (chunk: string) => {
    if (text.length + chunk.length > MAX_FIELD_CHARS) throw new WxrError(`a field inside <${stack.at(-1)}> is larger than ${MAX_FIELD_CHARS} characters`);
    text += chunk;
  };
  parser.on('text', append);
  parser.on('cdata', append);
  parser.on('closetag', (tag) => {
    const name = tag.name;
    stack.pop();
    const parent = stack.at(-1);
    const value = text;
    text = '';
    if (name === 'item' && item) {
      ready.push(item);
      item = null;
      return;
    }
    if (group && parent && /^wp:(author|category|tag|term|postmeta)$/.test(parent)) {
      group[name] = value;
      return;
    }
    if (name === 'wp:postmeta' && item && group) {
      if (group['wp:meta_key']) item.meta[group['wp:meta_key']] = group['wp:meta_value'] ?? '';
      group = null;
      return;
    }
    if (name === 'wp:author' && group) {
      const login = group['wp:author_login'] ?? '';
      channel.authors.push({ key: login, name: (group['wp:author_display_name'] || login).trim(), slug: login, email: (group['wp:author_email'] ?? '').trim() });
      group = null;
      return;
    }
    if (name === 'wp:category' && group) {
      const slug = decodeSlug(group['wp:category_nicename'] ?? '');
      const parentSlug = decodeSlug(group['wp:category_parent'] ?? '');
      channel.categories.push({ key: slug, slug, name: (group['wp:cat_name'] ?? slug).trim(), parentKey: parentSlug || null });
      group = null;
      return;
    }
    if (name === 'wp:tag' && group) {
      const slug = decodeSlug(group['wp:tag_slug'] ?? '');
      channel.tags.push({ key: slug, slug, name: (group['wp:tag_name'] ?? slug).trim(), parentKey: null });
      group = null;
      return;
    }
    if ((name === 'wp:term' || name === 'wp:postmeta') && group) {
      group = null;
      return;
    }
    if (item && parent === 'item') {
      if (name === 'category' && categoryAttrs) {
        item.categories.push({ domain: categoryAttrs.domain, nicename: decodeSlug(categoryAttrs.nicename), name: value.trim() });
        categoryAttrs = null;
      } else {
        const field = ITEM_FIELDS[name];
        if (field && field !== 'categories' && field !== 'meta') item[field] = value;
      }
      return;
    }
    if (parent === 'channel') {
      if (name === 'wp:base_site_url') channel.baseUrl = value.trim() || null;
      else if (name === 'wp:wxr_version') channel.version = value.trim();
    }
  });

  const drain = async () => {
    while (ready.length > 0) {
      if (!channel.version) throw new WxrError('not a WordPress export: no <wp:wxr_version> before the first item');
      await onItem(ready.shift()!, channel);
    }
  };
  for await (const chunk of chunks) {
    parser.write(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
    await drain();
  }
  if (!sawRss) throw new WxrError('not a WordPress export: the file is empty or holds no XML');
  try {
    parser.close();
  } catch (error) {
    throw error instanceof WxrError ? new WxrError(`the file ends early (truncated?): ${error.message}`) : error;
  }
  await drain();
  if (!channel.version) throw new WxrError('not a WordPress export: no <wp:wxr_version>');
  return channel;
}

/** WordPress's status words, as our workflow has them. */
const STATUSES: Record<string, ImportStatus> = { publish: 'published', future: 'scheduled', pending: 'in_review', draft: 'draft', 'auto-draft': 'skipped', private: 'restricted', trash: 'skipped' };

/** '2024-05-06 10:00:00' in UTC; WordPress writes zeros for a draft never dated. */
function gmtDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match || match[1] === '0000') return null;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** An attachment's id and URL, kept from the first pass for featured images (_thumbnail_id). */
export const attachmentOf = (item: WxrItem): [string, string] | null => (item.postType === 'attachment' && item.attachmentUrl ? [item.postId, item.attachmentUrl.trim()] : null);

/** A post item in the shape every import reads. Pages and other types are the caller's to count. */
export function postFromWxr(item: WxrItem, channel: WxrChannel, attachments: ReadonlyMap<string, string>): SourcePost {
  const notes: string[] = [];
  let status = STATUSES[item.status] ?? 'draft';
  if (!STATUSES[item.status]) notes.push(`unknown status ${item.status}`);
  if (item.password && status !== 'skipped') {
    status = 'restricted';
    notes.push('password-protected');
  }
  const date = gmtDate(item.postDateGmt) ?? (item.pubDate ? new Date(item.pubDate) : null);
  const legacyPaths = new Set<string>();
  if (item.postId) legacyPaths.add(`/?p=${item.postId}`);
  const fromLink = item.link ? legacyKeyOfUrl(item.link.trim(), channel.baseUrl) : null;
  if (fromLink) legacyPaths.add(fromLink);
  const slug = decodeSlug(item.postName.trim());
  // A draft's link is ?p=; its pretty permalink, once published, is the one WordPress would have given it.
  if (slug && date && status !== 'published') {
    const pretty = legacyKey(`/${date.getUTCFullYear()}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/${slug}`);
    if (pretty) legacyPaths.add(pretty);
  }
  const thumbnail = item.meta._thumbnail_id ? attachments.get(item.meta._thumbnail_id.trim()) : undefined;
  if (item.meta._thumbnail_id && !thumbnail) notes.push(`featured image ${item.meta._thumbnail_id} is not in the export`);
  const categories = item.categories.filter((c) => c.domain === 'category');
  return {
    key: item.guid.trim() || `wp:${item.postId}`,
    sourceId: item.postId,
    title: item.title.trim(),
    slug,
    status,
    sourceStatus: item.status,
    date: date && !Number.isNaN(date.getTime()) ? date : null,
    authorKeys: item.creator.trim() ? [item.creator.trim()] : [],
    // The first category decides the section; WordPress lists them in term order.
    sectionKey: categories[0]?.nicename ?? null,
    tagKeys: item.categories.filter((c) => c.domain === 'post_tag').map((c) => c.nicename),
    html: item.content,
    excerpt: item.excerpt.trim(),
    featuredImageUrl: thumbnail ?? null,
    legacyPaths: [...legacyPaths],
    notes,
  };
}

export const siteFromWxr = (channel: WxrChannel): SourceSite => ({ source: 'wordpress', baseUrl: channel.baseUrl, authors: channel.authors, sections: channel.categories, tags: channel.tags });
