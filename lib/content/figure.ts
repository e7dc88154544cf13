import { mergeAttributes, Node } from '@tiptap/core';
import type { DOMOutputSpec } from '@tiptap/pm/model';

// An inline figure: an image from the media library with its alt text,
// caption and credit. The document stores only the media id and the text;
// never a URL. Width and height are the image's own, written by the server
// from the library on save (lib/stories/editor.ts), so pages reserve the
// right space. Part of the shared extension list: the editor renders it with
// renderHTML below, the reader page with its own <picture> (components/article).

export type FigureAttrs = { mediaId: string; alt: string; caption: string; credit: string; width: number | null; height: number | null };

export const FIGURE_TEXT_LIMITS = { alt: 300, caption: 600, credit: 200 } as const;

/** The editor's preview image: the WebP made at upload, always there. */
const previewSrc = (mediaId: string, width: number | null) => {
  const widths = [320, 640, 960].filter((w) => width === null || w <= width);
  return `/media/${mediaId}/${widths.at(-1) ?? width ?? 960}.webp`;
};

const textAttribute = (name: string) => ({
  default: '',
  parseHTML: (element: HTMLElement) => element.getAttribute(`data-${name}`) ?? '',
  renderHTML: () => ({}),
});

export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    return {
      mediaId: { default: null, parseHTML: (element: HTMLElement) => element.getAttribute('data-media-id'), renderHTML: () => ({}) },
      alt: textAttribute('alt'),
      caption: textAttribute('caption'),
      credit: textAttribute('credit'),
      width: { default: null, parseHTML: (element: HTMLElement) => Number(element.getAttribute('data-width')) || null, renderHTML: () => ({}) },
      height: { default: null, parseHTML: (element: HTMLElement) => Number(element.getAttribute('data-height')) || null, renderHTML: () => ({}) },
    };
  },

  parseHTML() {
    return [{ tag: 'figure[data-media-id]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const attrs = node.attrs as FigureAttrs;
    const caption: DOMOutputSpec[] = [];
    if (attrs.caption) caption.push(['span', { class: 'figure-caption' }, attrs.caption]);
    if (attrs.credit) caption.push(['span', { class: 'figure-credit' }, attrs.credit]);
    return [
      'figure',
      mergeAttributes(HTMLAttributes, {
        'data-media-id': attrs.mediaId,
        'data-alt': attrs.alt,
        'data-caption': attrs.caption,
        'data-credit': attrs.credit,
        'data-width': attrs.width ?? '',
        'data-height': attrs.height ?? '',
        class: 'story-figure',
      }),
      ['img', { src: previewSrc(attrs.mediaId, attrs.width), alt: attrs.alt, width: attrs.width ?? undefined, height: attrs.height ?? undefined, loading: 'lazy' }],
      ...(caption.length > 0 ? [['figcaption', {}, ...caption] as DOMOutputSpec] : []),
    ] as DOMOutputSpec;
  },
});

/** Every media id a document's figures point at. */
export function figureMediaIds(doc: { content?: unknown[] } | null | undefined): string[] {
  const ids = new Set<string>();
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const { type, attrs, content } = node as { type?: string; attrs?: { mediaId?: unknown }; content?: unknown[] };
    if (type === 'figure' && typeof attrs?.mediaId === 'string') ids.add(attrs.mediaId);
    content?.forEach(walk);
  };
  walk(doc);
  return [...ids];
}

/** Every figure's alt text, for the checklist's "every image has alt text". */
export function figureAlts(doc: unknown): string[] {
  const alts: string[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const { type, attrs, content } = node as { type?: string; attrs?: { alt?: unknown }; content?: unknown[] };
    if (type === 'figure') alts.push(typeof attrs?.alt === 'string' ? attrs.alt : '');
    content?.forEach(walk);
  };
  walk(doc);
  return alts;
}
