import { dominantDirection, type ContentLanguage } from './direction';
import { firstRendition, mediaUrl, srcsetOf } from '@/lib/media/plan';

// A body figure as HTML: exactly the markup React gives <Figure> in
// components/article/responsive-picture.tsx (figure-html.test.tsx compares
// them), for the body rendered to a string (./body-html.ts). A figure in the
// body is never the lead image: it loads lazily and has no placeholder.

/** The article column is at most 48rem (768 px) wide; below that, the viewport less its padding. */
export const ARTICLE_SIZES = '(min-width: 48rem) 48rem, calc(100vw - 2rem)';

/** React's escaping of text and attribute values: the five characters HTML gives meaning to. */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

export type BodyFigure = { id: string; width: number; height: number; alt: string; caption: string; credit: string };

export function figureHtml({ id, width, height, alt, caption, credit }: BodyFigure, language: ContentLanguage): string {
  const source = (format: 'avif' | 'webp') => `<source type="image/${format}" srcSet="${escapeHtml(srcsetOf(id, width, format))}" sizes="${ARTICLE_SIZES}"/>`;
  const img = `<img src="${escapeHtml(mediaUrl(id, firstRendition(width).name))}" alt="${escapeHtml(alt)}" width="${escapeHtml(String(width))}" height="${escapeHtml(String(height))}" decoding="async" loading="lazy"/>`;
  const span = (text: string, extra = '') => `<span${extra} dir="${dominantDirection(text, language)}">${escapeHtml(text)}</span>`;
  const figcaption = caption || credit ? `<figcaption>${caption ? span(caption) : ''}${credit ? span(credit, ' class="figure-credit"') : ''}</figcaption>` : '';
  return `<figure><picture>${source('avif')}${source('webp')}${img}</picture>${figcaption}</figure>`;
}
