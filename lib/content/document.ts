import { getSchema, type JSONContent } from '@tiptap/core';
import { Node as DocNode } from '@tiptap/pm/model';
import { hasControlChars } from '@/lib/text/control-chars';
import { contentExtensions, LINK_PROTOCOLS } from './extensions';

// Schema-level operations on stored Tiptap JSON. Pure: no I/O.

const schema = getSchema(contentExtensions);
/** The content schema, for parsers outside the editor (lib/imports/html.ts). */
export const contentSchema = schema;

/**
 * Stored JSON as a ProseMirror document of the content schema, built once here:
 * given JSON, Tiptap's static renderer builds a new schema on every render
 * (about half of an article body's render time).
 */
export const toDocNode = (doc: JSONContent): DocNode => DocNode.fromJSON(schema, doc);
const BLOCK_SEPARATOR = '\n\n';

/**
 * A link target as a browser reads it: the URL parser drops leading and
 * trailing C0 controls and spaces, and every tab and line break anywhere, so
 * "/\t/evil.example" is followed as "//evil.example", off the site.
 */
function asBrowserReadsIt(href: string): string {
  return href.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
}

/** A link target readers may follow: http(s), mailto, tel, or a site-relative path. */
export function isSafeHref(href: unknown): href is string {
  if (typeof href !== 'string') return false;
  const value = asBrowserReadsIt(href);
  if (value === '') return false;
  // Site-relative paths, but not protocol-relative ones: browsers read "/\\host" like "//host".
  if (value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\')) return true;
  if (value.startsWith('#')) return true;
  try {
    const protocol = new URL(value).protocol.replace(/:$/, '');
    return (LINK_PROTOCOLS as readonly string[]).includes(protocol);
  } catch {
    return false;
  }
}

/**
 * Drops what the schema does not know (nodes, marks) and links with unsafe
 * schemes. The reader renderer runs this first, so even a row written around
 * the validator cannot put foreign markup on a page.
 */
export function sanitizeDoc(node: JSONContent): JSONContent {
  const marks = node.marks?.filter((mark) => {
    if (!schema.marks[mark.type]) return false;
    if (mark.type === 'link') return isSafeHref(mark.attrs?.href);
    return true;
  });
  const content = node.content
    ?.filter((child) => typeof child.type === 'string' && schema.nodes[child.type] !== undefined)
    // A figure renders only from a library id; one without a valid id is dropped, never guessed at.
    .filter((child) => child.type !== 'figure' || (typeof child.attrs?.mediaId === 'string' && UUID.test(child.attrs.mediaId)))
    .map(sanitizeDoc);
  return {
    ...node,
    ...(marks ? { marks } : {}),
    ...(content ? { content } : {}),
  };
}

/**
 * The editor's JSON as we store it: the editor fills in every attribute with
 * its default (a link's rel and target from our configuration), so this
 * keeps only what the writer chose, and each block's computed direction
 * (autoDir, ./block-direction). A forced direction stays; "auto" means none.
 */
export function normalizeDoc(node: JSONContent): JSONContent {
  const out: JSONContent = { type: node.type };
  const attrs = Object.entries(node.attrs ?? {}).filter(([name, value]) => value !== null && value !== undefined && !(name === 'dir' && value === 'auto'));
  if (attrs.length > 0) out.attrs = Object.fromEntries(attrs);
  if (node.text !== undefined) out.text = node.text;
  if (node.marks?.length) {
    out.marks = node.marks.map((mark) => {
      if (mark.type !== 'link') return mark.attrs && Object.keys(mark.attrs).length ? mark : { type: mark.type };
      const { href, title } = mark.attrs ?? {};
      return { type: 'link', attrs: title ? { href, title } : { href } };
    });
  }
  if (node.content) out.content = node.content.map(normalizeDoc);
  return out;
}

export type DocumentProblem = { path: string; message: string };

/**
 * JSON nesting a document may have: a list in a list in a quote is about a
 * dozen levels, so this is far beyond any story. Deeper input is refused
 * before anything walks it recursively (JSON.stringify included), where ten
 * thousand levels would overflow the stack.
 */
export const MAX_DOC_DEPTH = 100;
export const TOO_DEEP = 'too deep';
export const CONTROL_CHARACTERS = 'control characters';

/** Whether JSON nests deeper than `limit` objects and arrays, with an explicit stack: no recursion, whatever the input. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

/** About 1 MB of JSON: far beyond any news story, small enough to refuse abuse early. */
export const MAX_DOC_BYTES = 1_000_000;

const DIRECTIONS = new Set(['ltr', 'rtl', 'auto']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FIGURE_TEXT_MAX: Record<string, number> = { alt: 300, caption: 600, credit: 200 };

/** A figure refers to the library by id only: never a URL, so a client cannot point readers anywhere. */
function figureAttributeProblem(name: string, value: unknown): string | null {
  if (name === 'mediaId') return typeof value === 'string' && UUID.test(value) ? null : 'bad media id';
  if (name === 'width' || name === 'height') return Number.isInteger(value) && (value as number) > 0 && (value as number) <= 100_000 ? null : `bad ${name}`;
  const max = FIGURE_TEXT_MAX[name];
  if (max !== undefined) return typeof value === 'string' && value.length <= max ? null : `bad ${name}`;
  return `attribute ${name} not allowed`;
}

/** Allowed values for the attributes the schema knows; anything else is refused. */
function attributeProblem(owner: string, name: string, value: unknown): string | null {
  if (owner === 'figure' && name === 'mediaId') return figureAttributeProblem(name, value);
  if (value === null || value === undefined) return null;
  if (owner === 'figure' && name !== 'dir') return figureAttributeProblem(name, value);
  if (name === 'dir') return typeof value === 'string' && DIRECTIONS.has(value) ? null : 'bad dir';
  if (name === 'autoDir') return value === 'ltr' || value === 'rtl' ? null : 'bad dir';
  if (owner === 'heading' && name === 'level') return value === 2 || value === 3 || value === 4 ? null : 'bad heading level';
  if (owner === 'orderedList' && name === 'start') return Number.isInteger(value) && (value as number) >= 0 ? null : 'bad list start';
  if (owner === 'orderedList' && name === 'type') return value === '1' ? null : 'bad list type';
  if (owner === 'link' && name === 'href') return isSafeHref(value) ? null : 'unsafe link';
  if (owner === 'link' && name === 'title') return typeof value === 'string' && value.length <= 300 ? null : 'bad link title';
  // target, rel and class come from our own configuration on render, never from the document.
  return `attribute ${name} not allowed`;
}

function checkAttrs(owner: string, attrs: Record<string, unknown> | undefined, known: Record<string, unknown>, path: string, problems: DocumentProblem[]) {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    // dir is the TextDirection extension's global attribute on every block.
    if (!(name in known) && !(name === 'dir' && owner !== 'text')) problems.push({ path, message: `unknown attribute ${owner}.${name}` });
    else {
      const problem = attributeProblem(owner, name, value);
      if (problem) problems.push({ path, message: problem });
    }
  }
}

/** Strict check for incoming JSON: unknown nodes, marks and attributes, and unsafe links are refused, not dropped. */
export function validateDoc(doc: unknown): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const walk = (node: JSONContent, path: string) => {
    const type = typeof node.type === 'string' ? schema.nodes[node.type] : undefined;
    if (!type) {
      problems.push({ path, message: `unknown node ${String(node.type)}` });
      return;
    }
    checkAttrs(type.name, node.attrs, type.spec.attrs ?? {}, path, problems);
    if (type.name === 'figure' && node.attrs?.mediaId === undefined) problems.push({ path, message: 'bad media id' });
    if (type.name === 'text' && (typeof node.text !== 'string' || node.text === '')) problems.push({ path, message: 'empty text node' });
    // Text and every string attribute (alt, caption, credit, a link's title): a NUL would fail in Postgres, a bidi override would mislead readers.
    const strings = [node.text, ...Object.values(node.attrs ?? {}), ...(node.marks ?? []).flatMap((mark) => Object.values(mark.attrs ?? {}))];
    if (strings.some((value) => typeof value === 'string' && hasControlChars(value))) problems.push({ path, message: CONTROL_CHARACTERS });
    for (const mark of node.marks ?? []) {
      const markType = schema.marks[mark.type];
      if (!markType) problems.push({ path, message: `unknown mark ${mark.type}` });
      else {
        checkAttrs(markType.name, mark.attrs, markType.spec.attrs ?? {}, path, problems);
        if (markType.name === 'link' && !isSafeHref(mark.attrs?.href)) problems.push({ path, message: 'unsafe link' });
      }
    }
    node.content?.forEach((child, index) => walk(child, `${path}.${index}`));
  };
  if (typeof doc !== 'object' || doc === null || (doc as JSONContent).type !== 'doc') {
    return [{ path: 'doc', message: 'not a document' }];
  }
  if (nestsDeeperThan(doc, MAX_DOC_DEPTH)) return [{ path: 'doc', message: TOO_DEEP }];
  if (JSON.stringify(doc).length > MAX_DOC_BYTES) return [{ path: 'doc', message: 'too large' }];
  walk(doc as JSONContent, 'doc');
  if (problems.length === 0) {
    try {
      schema.nodeFromJSON(doc).check();
    } catch (error) {
      problems.push({ path: 'doc', message: error instanceof Error ? error.message : 'invalid document' });
    }
  }
  return problems;
}

/** Plain text of a document: blocks separated by a blank line. Feeds search, word counts and excerpts. */
export function toPlainText(doc: JSONContent): string {
  const blocks: string[] = [];
  const inline = (node: JSONContent): string => {
    if (node.type === 'text') return node.text ?? '';
    if (node.type === 'hardBreak') return '\n';
    return (node.content ?? []).map(inline).join('');
  };
  const visit = (node: JSONContent) => {
    const children = node.content ?? [];
    if (children.length > 0 && children.every((child) => child.type === 'text' || child.type === 'hardBreak')) {
      blocks.push(inline(node));
      return;
    }
    children.forEach(visit);
  };
  visit(doc);
  return blocks.filter((block) => block.trim() !== '').join(BLOCK_SEPARATOR);
}

/** A document with one paragraph per given string, verbatim. */
export function paragraphsToDoc(paragraphs: readonly string[]): JSONContent {
  return {
    type: 'doc',
    content: paragraphs.map((text) => ({
      type: 'paragraph',
      content: text === '' ? [] : [{ type: 'text', text }],
    })),
  };
}

/** Words as Arabic readers count them: Intl's word segmentation, so attached clitics stay part of their word. */
const wordSegmenter = new Intl.Segmenter('ar', { granularity: 'word' });

export function countWords(text: string): number {
  let words = 0;
  for (const segment of wordSegmenter.segment(text)) if (segment.isWordLike) words += 1;
  return words;
}

/**
 * Silent reading of Arabic prose runs at about 140 words a minute for adults
 * (IReST, Trauzettel-Klosinski & Dietz 2012: 138 ± 20 wpm). That is well
 * below English (~230) because an Arabic word carries its clitics.
 */
export const ARABIC_WORDS_PER_MINUTE = 140;

export function readingMinutes(words: number, wordsPerMinute = ARABIC_WORDS_PER_MINUTE): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / wordsPerMinute));
}
