import { getSchema, type JSONContent } from '@tiptap/core';
import { contentExtensions, LINK_PROTOCOLS } from './extensions';

// Schema-level operations on stored Tiptap JSON. Pure: no I/O.

const schema = getSchema(contentExtensions);
const BLOCK_SEPARATOR = '\n\n';

/** A link target readers may follow: http(s), mailto, tel, or a site-relative path. */
export function isSafeHref(href: unknown): href is string {
  if (typeof href !== 'string' || href.trim() === '') return false;
  const value = href.trim();
  if (value.startsWith('/') && !value.startsWith('//')) return true;
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
    .map(sanitizeDoc);
  return {
    ...node,
    ...(marks ? { marks } : {}),
    ...(content ? { content } : {}),
  };
}

export type DocumentProblem = { path: string; message: string };

/** Strict check for incoming JSON: unknown nodes or marks and unsafe links are refused, not dropped. */
export function validateDoc(doc: unknown): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const walk = (node: JSONContent, path: string) => {
    if (typeof node.type !== 'string' || !schema.nodes[node.type]) {
      problems.push({ path, message: `unknown node ${String(node.type)}` });
      return;
    }
    for (const mark of node.marks ?? []) {
      if (!schema.marks[mark.type]) problems.push({ path, message: `unknown mark ${mark.type}` });
      else if (mark.type === 'link' && !isSafeHref(mark.attrs?.href)) problems.push({ path, message: 'unsafe link' });
    }
    node.content?.forEach((child, index) => walk(child, `${path}.${index}`));
  };
  if (typeof doc !== 'object' || doc === null || (doc as JSONContent).type !== 'doc') {
    return [{ path: 'doc', message: 'not a document' }];
  }
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
