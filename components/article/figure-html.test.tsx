import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Figure } from './responsive-picture';
import { figureHtml, type BodyFigure } from '@/lib/content/figure-html';

const id = '6f1c1f3e-2b7a-4c1e-9a51-0d3c2b1a0f99';

describe('figureHtml', () => {
  // The body's figures are rendered to a string; the lead image by React. A reader must not tell them apart.
  it.each<[string, BodyFigure, 'ar' | 'en']>([
    ['caption and credit', { id, width: 1600, height: 900, alt: 'شجرة', caption: 'شجرة في الحديقة OpenAI', credit: 'Reuters/رويترز' }, 'ar'],
    ['no caption', { id, width: 300, height: 200, alt: '', caption: '', credit: 'تصوير: سارة' }, 'en'],
    ['no credit', { id, width: 1000, height: 750, alt: 'x', caption: 'only a caption', credit: '' }, 'ar'],
    ['characters HTML gives meaning to', { id, width: 640, height: 480, alt: `a "q" 'x' <b>&amp;`, caption: '<script>alert(1)</script>', credit: `"'&` }, 'ar'],
  ])('gives the markup React gives <Figure> (%s)', (_, figure, language) => {
    expect(figureHtml(figure, language)).toBe(renderToStaticMarkup(<Figure {...figure} language={language} />));
  });
});
