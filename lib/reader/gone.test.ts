import { describe, expect, it } from 'vitest';
import { renderGonePage } from './gone';

const site = { name: 'صحيفة <b>', sections: [{ slug: 'technology', name: 'تكنولوجيا' }, { slug: 'اقتصاد', name: 'اقتصاد' }] };

describe('renderGonePage', () => {
  it("carries the site's navigation, escaped and with encoded section links", () => {
    const html = renderGonePage({ state: 'taken_down', notice: null }, site);
    expect(html).toContain('صحيفة &#60;b&#62;');
    expect(html).toContain('<a href="/technology">تكنولوجيا</a>');
    expect(html).toContain(`<a href="/${encodeURIComponent('اقتصاد')}">اقتصاد</a>`);
  });

  it('shows a neutral notice for a take-down, never its internal reason', () => {
    const html = renderGonePage({ state: 'taken_down', notice: null }, site);
    expect(html).toContain('لم يعد هذا الخبر متاحًا');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('lang="ar" dir="rtl"');
  });

  it('shows the public notice of a retraction, escaped', () => {
    const html = renderGonePage({ state: 'retracted', notice: 'الرقم غير صحيح <script>alert(1)</script>' }, site);
    expect(html).toContain('تراجعت عنه الصحيفة');
    expect(html).toContain('الرقم غير صحيح &#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).not.toContain('<script>');
  });
});

describe('renderGonePage for an archived section', () => {
  it('says the section is gone, not a story', () => {
    const html = renderGonePage({ state: 'section_archived', notice: null }, site);
    expect(html).toContain('لم يعد هذا القسم متاحًا');
    expect(html).not.toContain('لم يعد هذا الخبر متاحًا');
  });
});
