// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { cleanPastedHtml } from './paste';

// Fragments as each source puts them on the clipboard (text/html), trimmed to what matters.

const GOOGLE_DOCS =
  '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-4f1a2b3c-7fff-1234-abcd-0123456789ab">' +
  '<p dir="rtl" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial;color:#000000;font-weight:400;font-style:normal;">أعلنت الشركة اليوم عن </span>' +
  '<span style="font-size:11pt;font-family:Arial;font-weight:700;">استثمار ضخم</span><span style="font-size:11pt;font-weight:400;font-style:italic;"> في الذكاء الاصطناعي</span></p>' +
  '<br><p dir="rtl" style="line-height:1.38;"><span style="font-size:11pt;font-weight:400;">فقرة ثانية.</span></p></b><br class="Apple-interchange-newline">';

const WORD =
  '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style><!-- p.MsoNormal {margin:0cm;} --></style></head><body lang=AR-SA>' +
  '<!--StartFragment--><p class=MsoNormal dir=RTL style="text-align:right;direction:rtl;unicode-bidi:embed"><b style="mso-bidi-font-weight:normal"><span lang=AR-SA style="font-family:Arial">عاجل:</span></b><span lang=AR-SA> قال الوزير إن<o:p></o:p></span></p>' +
  '<p class=MsoListParagraph style="mso-list:l0 level1 lfo1"><i><span lang=EN-US>OpenAI</span></i><span lang=AR-SA> شريك.</span></p><!--EndFragment--></body></html>';

const LIBREOFFICE =
  '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN"><html><head><meta name="generator" content="LibreOffice 7.4.7.2 (Linux)"/><style type="text/css">p { line-height: 115%; }</style></head>' +
  '<body lang="ar-SA" dir="rtl"><p align="right" style="margin-bottom: 0cm"><font face="Noto Naskh Arabic"><font size="3">نص من ليبر أوفيس مع </font></font><font face="Noto Naskh Arabic"><b>كلمة غامقة</b></font></p>' +
  '<p align="right"><span style="font-style: italic">مائل</span> وعادي.</p></body></html>';

const WEB_PAGE =
  '<html><body><script>alert(1)</script><h2 class="title" style="color:red">عنوان فرعي</h2><p>فقرة <a href="https://example.com/x" onclick="steal()">برابط</a> و<strong>غامق</strong>.</p>' +
  '<figure><img src="https://example.com/photo.jpg" alt="صورة"><figcaption>تعليق</figcaption></figure><p><img src="data:image/png;base64,AAAA">بعد صورة</p>' +
  '<iframe srcdoc="&lt;script&gt;alert(2)&lt;/script&gt;"></iframe><!-- tracking --></body></html>';

describe('cleanPastedHtml', () => {
  it('Google Docs: the fragment’s <b style="font-weight:normal"> wrapper is not bold, and styled bold and italic survive as marks', () => {
    const { html, droppedImages } = cleanPastedHtml(GOOGLE_DOCS);
    expect(html).not.toMatch(/<b[\s>]/);
    expect(html).not.toContain('docs-internal-guid');
    expect(html).toContain('<p dir="rtl"><span>أعلنت الشركة اليوم عن </span><span><strong>استثمار ضخم</strong></span><span><em> في الذكاء الاصطناعي</em></span></p>');
    expect(html).toContain('<p dir="rtl"><span>فقرة ثانية.</span></p>');
    expect(html).not.toMatch(/style=|font-size|Arial/);
    expect(droppedImages).toBe(0);
  });

  it('Word: keeps <b> and <i>, drops the Office tags, classes, styles, comments and the stylesheet', () => {
    const { html } = cleanPastedHtml(WORD);
    expect(html).toContain('<b><span>عاجل:</span></b>');
    expect(html).toContain('<i><span>OpenAI</span></i>');
    expect(html).not.toMatch(/o:p|MsoNormal|mso-|StartFragment|<style|lang=/i);
    expect(html).toContain('<p dir="RTL">');
  });

  it('LibreOffice: drops <font> attributes and align, keeps bold, and italic written as a style', () => {
    const { html } = cleanPastedHtml(LIBREOFFICE);
    expect(html).not.toMatch(/face=|size=|align=|generator|<style/);
    expect(html).toContain('<b>كلمة غامقة</b>');
    expect(html).toContain('<span><em>مائل</em></span> وعادي.');
  });

  it('a web page: scripts, iframes and comments go, links and headings stay, and images are counted as dropped', () => {
    const { html, droppedImages } = cleanPastedHtml(WEB_PAGE);
    expect(html).not.toMatch(/<script|alert|<iframe|tracking|<img|class=|onclick/);
    expect(html).toContain('<h2>عنوان فرعي</h2>');
    expect(html).toContain('<a href="https://example.com/x">برابط</a>');
    expect(html).toContain('<figcaption>تعليق</figcaption>');
    expect(html).toContain('<p>بعد صورة</p>');
    expect(droppedImages).toBe(2);
  });
});
