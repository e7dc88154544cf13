import { describe, expect, it } from 'vitest';
import { autoParagraphs, htmlToDoc } from './html';

const MEDIA = { mediaId: '11111111-1111-4111-8111-111111111111', width: 40, height: 30 };

describe('imported HTML', () => {
  it('gives classic posts their paragraphs back, and leaves Gutenberg markup alone', () => {
    expect(autoParagraphs('سطر\nثان\n\nفقرة')).toBe('<p>سطر<br>ثان</p>\n<p>فقرة</p>');
    const gutenberg = '<!-- wp:paragraph -->\n<p>نص</p>\n<!-- /wp:paragraph -->';
    expect(autoParagraphs(gutenberg)).toBe(gutenberg);
  });

  it('drops scripts, iframes and shortcodes with the paste cleaning, and says so', () => {
    const { doc, problems } = htmlToDoc('<p>نص <b>عريض</b></p><script>alert(1)</script><iframe src="https://x"></iframe>[gallery ids="1"]', new Map());
    expect(JSON.stringify(doc)).not.toMatch(/alert|iframe|gallery/);
    expect(problems.map((p) => p.kind)).toEqual(['dropped_embed', 'dropped_script', 'dropped_iframe']);
  });

  it('turns a stored image into a library figure with its caption, and reports one that failed', () => {
    const { doc, problems } = htmlToDoc('<figure><img src="http://a/x.png" alt="بديل"><figcaption>شرح</figcaption></figure><p><img src="http://a/gone.png"></p>', new Map([['http://a/x.png', MEDIA], ['http://a/gone.png', null]]));
    expect(doc.content).toEqual([{ type: 'figure', attrs: { mediaId: MEDIA.mediaId, alt: 'بديل', caption: 'شرح', credit: '', width: 40, height: 30 } }]);
    expect(problems).toEqual([{ kind: 'image_failed', detail: 'http://a/gone.png' }]);
  });
});
