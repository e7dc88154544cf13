import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { validateDoc } from '@/lib/content/document';
import { ArticleBody } from './article-body';

const id = '6f1c1f3e-2b7a-4c1e-9a51-0d3c2b1a0f99';
const figure = (attrs: Record<string, unknown>) => ({ type: 'doc', content: [{ type: 'figure', attrs }] });

describe('inline figures', () => {
  it('render a lazy <picture> over the AVIF and WebP renditions, sized, with caption and credit', () => {
    const html = renderToStaticMarkup(<ArticleBody doc={figure({ mediaId: id, alt: 'شجرة', caption: 'شجرة في الحديقة', credit: 'تصوير: سارة', width: 1000, height: 750 })} language="ar" />);
    expect(html).toContain(`<source type="image/avif" srcSet="/media/${id}/320.avif 320w, /media/${id}/640.avif 640w, /media/${id}/960.avif 960w"`);
    expect(html).toContain(`<source type="image/webp" srcSet="/media/${id}/320.webp 320w`);
    expect(html).toMatch(/<img src="\/media\/[^"]+\/960\.webp" alt="شجرة" width="1000" height="750" decoding="async" loading="lazy"/);
    expect(html).toContain('<figcaption><span dir="rtl">شجرة في الحديقة</span><span class="figure-credit" dir="rtl">تصوير: سارة</span></figcaption>');
  });

  it('give caption and credit the direction of their dominant script, not of their first letter', () => {
    const html = (caption: string, credit: string, language: 'ar' | 'en') =>
      renderToStaticMarkup(<ArticleBody doc={figure({ mediaId: id, alt: 'x', caption, credit, width: 10, height: 10 })} language={language} />);
    expect(html('OpenAI في مؤتمرها السنوي', 'Reuters/رويترز', 'ar')).toContain('<figcaption><span dir="rtl">OpenAI في مؤتمرها السنوي</span><span class="figure-credit" dir="ltr">Reuters/رويترز</span></figcaption>');
    expect(html('غزة: the scene after the strike', '2026', 'en')).toContain('<figcaption><span dir="ltr">غزة: the scene after the strike</span><span class="figure-credit" dir="ltr">2026</span></figcaption>');
  });

  it('accept only a library id, never a URL from the client', () => {
    expect(validateDoc(figure({ mediaId: id, alt: 'x', caption: '', credit: '', width: 10, height: 10 }))).toEqual([]);
    expect(validateDoc(figure({ mediaId: 'https://evil.example/x.png', alt: 'x' })).map((p) => p.message)).toContain('bad media id');
    expect(validateDoc(figure({ mediaId: id, src: 'javascript:alert(1)' })).map((p) => p.message)).toContain('unknown attribute figure.src');
    expect(validateDoc(figure({ alt: 'x' })).map((p) => p.message)).toContain('bad media id');
  });

  it('are dropped on render when their id is not one', () => {
    const html = renderToStaticMarkup(<ArticleBody doc={figure({ mediaId: '../../etc/passwd', alt: 'x', width: 10, height: 10 })} language="ar" />);
    expect(html).not.toContain('<img');
  });
});
