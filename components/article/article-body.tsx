import type { JSONContent } from '@tiptap/core';
import { bodyHtmlVersion, renderBodyHtml } from '@/lib/content/body-html';
import type { ContentLanguage } from '@/lib/content/direction';

/** The body as stored with the published projection: HTML rendered at publish, and the renderer's version that made it. */
export type StoredBody = { html: string | null; version: string | null };

/**
 * A story's body. A published story's was rendered to HTML at publish and is
 * used as stored, when today's renderer made it; otherwise (a preview of the
 * working copy, a row from before) it is rendered now, by the same function.
 *
 * Inserting it raw is safe because we made every byte of it: renderBodyHtml
 * (lib/content/body-html.ts) builds the HTML from stored JSON through the
 * content schema, which drops unknown nodes, marks and unsafe links, and
 * escapes every text and attribute value. The stored HTML comes only from
 * that function (the publish, lib/reader/stored-bodies.ts), never from a
 * writer, an import or an API client, and a stored copy made by another
 * version of it is not used.
 */
export function ArticleBody({ doc, language, stored }: { doc: JSONContent; language: ContentLanguage; stored?: StoredBody }) {
  const html = stored?.html != null && stored.version === bodyHtmlVersion() ? stored.html : renderBodyHtml(doc, language);
  return <div className="article-body" dangerouslySetInnerHTML={{ __html: html }} />;
}
