// Cleans HTML pasted into the story editor. Pure: it needs only DOMParser
// (the browser's, or happy-dom's in the tests). Word processors and web pages
// bring styles, fonts, scripts, comments and Office markup; this removes what
// must not even become text, keeps bold and italic that were only written as
// styles, and the editor's schema then drops unknown nodes and marks as it
// parses what is left.

const DROPPED_ELEMENTS = 'style, script, noscript, template, meta, link, title, iframe, object, embed, svg, math, head';
const DROPPED_ATTRIBUTES = ['style', 'class', 'id', 'face', 'color', 'size', 'lang', 'bgcolor', 'align'];

export type CleanedPaste = {
  html: string;
  /** Images in the pasted HTML, dropped: a figure must come from the library, so the writer uploads them instead. */
  droppedImages: number;
};

const styleOf = (element: Element, property: string) => (element.getAttribute('style') ?? '').match(new RegExp(`(?:^|;)\\s*${property}\\s*:\\s*([^;]+)`, 'i'))?.[1]?.trim().toLowerCase();
const isBoldWeight = (weight: string | undefined) => !!weight && (weight === 'bold' || weight === 'bolder' || Number(weight) >= 600);
const isNormalWeight = (weight: string | undefined) => !!weight && (weight === 'normal' || weight === 'lighter' || Number(weight) < 600);

function unwrap(element: Element) {
  element.replaceWith(...Array.from(element.childNodes));
}

function wrapChildren(element: Element, tag: 'strong' | 'em') {
  const wrapper = element.ownerDocument.createElement(tag);
  wrapper.append(...Array.from(element.childNodes));
  element.append(wrapper);
}

/**
 * Styles decide boldness before they are dropped. Google Docs wraps a whole
 * fragment in <b style="font-weight:normal" id="docs-internal-guid-…">, so a
 * <b> or <strong> whose style says normal is no bold at all; Docs and
 * LibreOffice write real bold and italic as styled spans, which become
 * <strong> and <em>.
 */
function styleToMarks(body: HTMLElement) {
  body.querySelectorAll('b, strong').forEach((element) => {
    if (isNormalWeight(styleOf(element, 'font-weight'))) unwrap(element);
  });
  body.querySelectorAll('span').forEach((element) => {
    if (isBoldWeight(styleOf(element, 'font-weight'))) wrapChildren(element, 'strong');
    if (styleOf(element, 'font-style') === 'italic') wrapChildren(element, 'em');
  });
}

// NodeFilter and Node constants, by value: the importer runs this on a server document (happy-dom) with no DOM globals.
const SHOW_TEXT = 0x4;
const SHOW_COMMENT = 0x80;
const COMMENT_NODE = 8;

export function cleanPastedHtml(html: string): CleanedPaste {
  return cleanPastedDocument(new DOMParser().parseFromString(html, 'text/html'));
}

/** The same cleaning on a parsed document, in place: the WordPress and Ghost importers run it on the server (lib/imports/html.ts). */
export function cleanPastedDocument(doc: Document): CleanedPaste {
  doc.querySelectorAll(DROPPED_ELEMENTS).forEach((element) => element.remove());
  const images = doc.body.querySelectorAll('img, picture');
  const droppedImages = doc.body.querySelectorAll('img').length;
  images.forEach((element) => element.remove());
  const walker = doc.createTreeWalker(doc.body, SHOW_COMMENT | SHOW_TEXT);
  const strays: Node[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // Comments, and the indentation between block elements that would become empty paragraphs.
    if (node.nodeType === COMMENT_NODE || (!node.textContent?.trim() && node.parentElement === doc.body)) strays.push(node);
  }
  strays.forEach((node) => node.parentNode?.removeChild(node));
  styleToMarks(doc.body);
  doc.body.querySelectorAll('*').forEach((element) => {
    if (element.tagName.includes(':')) unwrap(element); // o:p and other Office tags
    else {
      DROPPED_ATTRIBUTES.forEach((name) => element.removeAttribute(name));
      // Event handlers: the schema would drop them too; they have no business even in transit.
      Array.from(element.attributes).forEach((attribute) => attribute.name.toLowerCase().startsWith('on') && element.removeAttribute(attribute.name));
    }
  });
  return { html: doc.body.innerHTML, droppedImages };
}
