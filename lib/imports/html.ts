import type { JSONContent } from '@tiptap/core';
import { DOMParser as SchemaParser } from '@tiptap/pm/model';
import { Window } from 'happy-dom';
import { withDirections } from '@/lib/content/block-direction';
import { contentSchema, normalizeDoc, paragraphsToDoc, validateDoc } from '@/lib/content/document';
import { FIGURE_TEXT_LIMITS } from '@/lib/content/figure';
import { cleanPastedDocument } from '@/lib/content/paste';
import type { PostProblem, PostProblemKind } from './report';

// An imported post's HTML (Gutenberg, classic, Ghost's) to our document:
// WordPress's own shapes first (block comments go with the paste cleaning,
// classic posts get their paragraphs back, [caption] shortcodes become
// figures, other shortcodes go), images to library figures, then exactly the
// cleaning a paste gets (lib/content/paste.ts) and the editor's schema. On the
// server the DOM is happy-dom's, with scripts off: nothing in the HTML runs or loads.

export type ImportedImage = { mediaId: string; width: number; height: number };

// happy-dom keeps every document a window's DOMParser made for as long as the
// window lives (about 190 KB per post, measured): a window is therefore used
// for a bounded number of documents, then closed and replaced.
const DOCUMENTS_PER_WINDOW = 100;
let window: Window | null = null;
let parsed = 0;
function dom(): Window {
  if (window && parsed >= DOCUMENTS_PER_WINDOW) {
    void window.happyDOM.close();
    window = null;
  }
  if (!window) {
    window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true } });
    parsed = 0;
  }
  parsed += 1;
  return window;
}

const parse = (html: string) => new (dom().DOMParser)().parseFromString(html, 'text/html') as unknown as Document;

const BLOCK_START = /^<(p|div|h[1-6]|ul|ol|li|blockquote|figure|table|pre|hr|section|article|aside|header|footer|address|dl|iframe|script|style|form|video|audio|object|embed|!--)[\s>/]/i;

/** WordPress stores classic posts without <p>: paragraphs are blank lines, as wpautop reads them at render. */
export function autoParagraphs(html: string): string {
  if (html.includes('<!-- wp:')) return html; // Gutenberg: every block is already marked up
  return html
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk !== '')
    .map((chunk) => (BLOCK_START.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, '<br>')}</p>`))
    .join('\n');
}

const CAPTION = /\[caption[^\]]*\]([\s\S]*?)\[\/caption\]/gi;
const SHORTCODE = /\[(\/?)([a-z_][\w-]*)(?:\s[^\]]*)?\]/gi;

/** [caption]<img> text[/caption] becomes a figure; every other shortcode is dropped, and named. */
function shortcodes(html: string, problems: PostProblem[]): string {
  const withFigures = html.replace(CAPTION, (_all, inner: string) => {
    const image = /<a[^>]*>\s*<img[^>]*>\s*<\/a>|<img[^>]*>/i.exec(inner)?.[0] ?? '';
    const caption = inner.replace(image, '').trim();
    return `<figure>${image}<figcaption>${caption}</figcaption></figure>`;
  });
  return withFigures.replace(SHORTCODE, (all, closing: string, name: string) => {
    if (!closing) problems.push({ kind: 'dropped_embed', detail: `[${name}]` });
    return '';
  });
}

/** Elements the cleaning drops, counted first so the report can say so. */
const COUNTED: [string, PostProblemKind][] = [
  ['script, noscript', 'dropped_script'],
  ['iframe', 'dropped_iframe'],
  ['object, embed, video, audio', 'dropped_embed'],
  ['style', 'dropped_style'],
  ['form, input, button, select, textarea', 'dropped_form'],
  ['table', 'flattened_table'],
];

/** Every image URL in a post's HTML, in order, for the downloader. */
export function imageUrlsOf(html: string): string[] {
  const doc = parse(shortcodes(html, []));
  return [...new Set(Array.from(doc.querySelectorAll('img')).flatMap((img) => img.getAttribute('src')?.trim() || []))];
}

const clip = (text: string, max: number) => Array.from(text.trim()).slice(0, max).join('');

function imagesToFigures(doc: Document, images: ReadonlyMap<string, ImportedImage | null>, problems: PostProblem[]) {
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    const src = img.getAttribute('src')?.trim() ?? '';
    const image = images.get(src);
    const holder = img.closest('figure');
    const linked = img.parentElement?.tagName === 'A' && img.parentElement.children.length === 1 ? img.parentElement : null;
    const target = holder && holder.querySelectorAll('img').length === 1 ? holder : (linked ?? img);
    if (!image) {
      problems.push({ kind: images.has(src) ? 'image_failed' : 'image_skipped', detail: src });
      target.remove();
      continue;
    }
    const figure = doc.createElement('figure');
    figure.setAttribute('data-media-id', image.mediaId);
    figure.setAttribute('data-alt', clip(img.getAttribute('alt') ?? '', FIGURE_TEXT_LIMITS.alt));
    figure.setAttribute('data-caption', clip(holder?.querySelector('figcaption')?.textContent ?? '', FIGURE_TEXT_LIMITS.caption));
    figure.setAttribute('data-width', String(image.width));
    figure.setAttribute('data-height', String(image.height));
    target.replaceWith(figure);
  }
}

/** Headings as our schema has them: h2–h4 (the headline is the page's h1). */
function headingLevels(doc: Document) {
  for (const heading of Array.from(doc.querySelectorAll('h1, h5, h6'))) {
    const replacement = doc.createElement(heading.tagName === 'H1' ? 'h2' : 'h4');
    replacement.append(...Array.from(heading.childNodes));
    heading.replaceWith(replacement);
  }
}

export type Converted = { doc: JSONContent; problems: PostProblem[] };

/** A post's HTML as a valid document of our schema, and what did not survive the trip. */
export function htmlToDoc(html: string, images: ReadonlyMap<string, ImportedImage | null>): Converted {
  const problems: PostProblem[] = [];
  const doc = parse(autoParagraphs(shortcodes(html, problems)));
  for (const [selector, kind] of COUNTED) {
    const count = doc.body.querySelectorAll(selector).length;
    if (count > 0) problems.push({ kind, detail: String(count) });
  }
  // A table's cells become paragraphs, as the schema would read them anyway, but in order and not glued together.
  doc.body.querySelectorAll('td, th').forEach((cell) => {
    const paragraph = doc.createElement('p');
    paragraph.append(...Array.from(cell.childNodes));
    cell.replaceWith(paragraph);
  });
  imagesToFigures(doc, images, problems);
  headingLevels(doc);
  cleanPastedDocument(doc);
  const parsed = SchemaParser.fromSchema(contentSchema).parse(doc.body as unknown as Node);
  const normalized = normalizeDoc(parsed.toJSON() as JSONContent);
  // Paragraphs left empty by what was taken out (an image that failed, an iframe) go too.
  const blocks = (normalized.content ?? []).filter((block) => block.type !== 'paragraph' || (block.content?.length ?? 0) > 0);
  let json = withDirections({ ...normalized, content: blocks.length > 0 ? blocks : [{ type: 'paragraph' }] }, 'ar');
  const invalid = validateDoc(json);
  if (invalid.length > 0) {
    problems.push({ kind: 'invalid_body', detail: invalid[0]!.message });
    json = withDirections(paragraphsToDoc((doc.body.textContent ?? '').split(/\n{2,}/).filter((text) => text.trim() !== '')), 'ar');
  }
  return { doc: json, problems };
}

/** Plain text of an excerpt's HTML, for the standfirst. */
export function htmlToText(html: string): string {
  return (parse(html).body.textContent ?? '').replace(/\s+/g, ' ').trim();
}
