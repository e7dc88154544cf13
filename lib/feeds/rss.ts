import { Feed } from 'feed';
import type { FeedStory } from '@/lib/reader/feed-queries';
import { summaryOf } from './excerpt';
import { storyUrl } from './site-url';
import { escapeHtml, stripInvalidXmlChars } from './xml';

// RSS 2.0 for the site and for each section, built with the `feed` library.
// Pure: the caller passes the stories, the site's name and its origin.

export type FeedChannel = {
  siteUrl: string;
  /** The channel title: the site's name, or "section — site". */
  title: string;
  description: string;
  /** Absolute URL of the page the feed mirrors (home or section page). */
  link: string;
  /** Absolute URL of the feed itself (atom:link rel=self). */
  selfUrl: string;
};

const DUBLIN_CORE = 'http://purl.org/dc/elements/1.1/';

/**
 * The library puts titles in CDATA and splits only the first "]]>" it finds;
 * a second one would end the section early and break the document. So every
 * later one is split here, and the first is left for the library.
 */
export function cdataSafe(text: string): string {
  const clean = stripInvalidXmlChars(text);
  const first = clean.indexOf(']]>');
  if (first < 0) return clean;
  const head = clean.slice(0, first + 3);
  return head + clean.slice(first + 3).replaceAll(']]>', ']]]]><![CDATA[>');
}

export function buildRss(channel: FeedChannel, stories: FeedStory[]): string {
  // The newest change, not "now": the same stories always give the same bytes (and ETag).
  const updated = stories.reduce<Date | undefined>((latest, s) => (!latest || s.updatedAt > latest ? s.updatedAt : latest), undefined);
  const feed = new Feed({
    title: stripInvalidXmlChars(channel.title),
    description: stripInvalidXmlChars(channel.description),
    link: channel.link,
    feed: channel.selfUrl,
    language: 'ar',
    updated: updated ?? new Date(0),
    generator: false,
  });
  for (const story of stories) {
    feed.addItem({
      title: cdataSafe(story.headline),
      link: storyUrl(channel.siteUrl, story.sectionSlug, story.slug),
      // A slug can change; the story id cannot, so readers never see a renamed story twice.
      id: `urn:uuid:${story.storyId}`,
      date: story.publishedAt,
      // RSS descriptions are HTML: the plain-text summary is escaped so "<" and "&" read as themselves.
      description: escapeHtml(summaryOf(story.standfirst, story.textStart)),
      category: [{ name: stripInvalidXmlChars(story.sectionName) }, ...story.tags.map((name) => ({ name: stripInvalidXmlChars(name) }))],
      // RSS <author> wants an e-mail address; bylines are names, so they go in dc:creator,
      // declaring its namespace itself (the library declares dc only for full-content feeds).
      extensions: story.bylines.length
        ? [{ name: 'dc:creator', objects: { _attributes: { 'xmlns:dc': DUBLIN_CORE }, _text: stripInvalidXmlChars(story.bylines.join('، ')) } }]
        : undefined,
    });
  }
  return feed.rss2();
}
