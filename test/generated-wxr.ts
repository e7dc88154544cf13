import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

// Generated WordPress exports (WXR 1.2, the shape of WordPress 6.1's
// exporter): Gutenberg markup, 6 paragraphs of 60 Arabic words and a heading
// each, five authors, ten categories two levels deep, fifty tags, one post in
// twenty a draft, no images. For bench:import and the import job tests.

const WORDS = ['الحكومة', 'الاقتصاد', 'النفط', 'الاستثمار', 'السوق', 'البنك', 'المركزي', 'الفائدة', 'التضخم', 'الطاقة', 'المتجددة', 'الرياضة', 'الفريق', 'الوطني', 'المباراة', 'قال', 'أعلن', 'اليوم', 'في', 'من', 'على', 'إلى', 'OpenAI', 'مليار', 'دولار'];
const word = (i: number) => WORDS[(i * 7919) % WORDS.length]!;
const sentence = (seed: number, length: number) => Array.from({ length }, (_, i) => word(seed + i * 31)).join(' ');
const cdata = (text: string) => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
const enc = (slug: string) => encodeURIComponent(slug).toLowerCase();

/**
 * Writes a WXR file of `posts` generated posts. `site` (a host) and `prefix`
 * (of the authors' logins) keep two exports apart in one database: the guids
 * and the authors' keys are the site's own. Authors have an e-mail at the site.
 */
export async function writeGeneratedWxr(file: string, { posts: POSTS, site = 'bench.example', prefix = 'writer' }: { posts: number; site?: string; prefix?: string }) {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n<title>مدونة</title>\n<link>https://${site}</link>\n<wp:wxr_version>1.2</wp:wxr_version>\n<wp:base_site_url>https://${site}</wp:base_site_url>\n<wp:base_blog_url>https://${site}</wp:base_blog_url>\n`);
  for (let a = 0; a < 5; a += 1) await write(`<wp:author><wp:author_id>${a + 1}</wp:author_id><wp:author_login>${cdata(`${prefix}${a}`)}</wp:author_login><wp:author_email>${cdata(`${prefix}${a}@${site}`)}</wp:author_email><wp:author_display_name>${cdata(`كاتب ${a}`)}</wp:author_display_name></wp:author>\n`);
  for (let c = 0; c < 10; c += 1) await write(`<wp:category><wp:term_id>${c + 2}</wp:term_id><wp:category_nicename>${cdata(enc(`قسم-${c}`))}</wp:category_nicename><wp:category_parent>${cdata(c >= 5 ? enc(`قسم-${c - 5}`) : '')}</wp:category_parent><wp:cat_name>${cdata(`قسم ${c}`)}</wp:cat_name></wp:category>\n`);
  for (let t = 0; t < 50; t += 1) await write(`<wp:tag><wp:term_id>${t + 20}</wp:term_id><wp:tag_slug>${cdata(enc(`وسم-${t}`))}</wp:tag_slug><wp:tag_name>${cdata(`وسم ${t}`)}</wp:tag_name></wp:tag>\n`);
  for (let i = 0; i < POSTS; i += 1) {
    const id = 100 + i;
    const slug = `${sentence(i, 4).replaceAll(' ', '-')}-${i}`;
    const date = new Date(Date.UTC(2020, 0, 1) + i * 3_600_000);
    const ymd = date.toISOString().slice(0, 19).replace('T', ' ');
    const body = Array.from({ length: 6 }, (_, p) => `<!-- wp:paragraph -->\n<p>${sentence(i + p, 60)} <strong>${word(i + p)}</strong>.</p>\n<!-- /wp:paragraph -->`).join('\n\n') + `\n\n<!-- wp:heading -->\n<h2>${sentence(i, 5)}</h2>\n<!-- /wp:heading -->`;
    const path = `/${ymd.slice(0, 4)}/${ymd.slice(5, 7)}/${enc(slug)}/`;
    await write(
      `<item>\n<title>${cdata(sentence(i, 8))}</title>\n<link>https://${site}${path}</link>\n<pubDate>${date.toUTCString()}</pubDate>\n<dc:creator>${cdata(`${prefix}${i % 5}`)}</dc:creator>\n<guid isPermaLink="false">https://${site}/?p=${id}</guid>\n<description></description>\n<content:encoded>${cdata(body)}</content:encoded>\n<excerpt:encoded>${cdata(sentence(i, 12))}</excerpt:encoded>\n<wp:post_id>${id}</wp:post_id>\n<wp:post_date>${cdata(ymd)}</wp:post_date>\n<wp:post_date_gmt>${cdata(ymd)}</wp:post_date_gmt>\n<wp:post_name>${cdata(enc(slug))}</wp:post_name>\n<wp:status>${cdata(i % 20 === 0 ? 'draft' : 'publish')}</wp:status>\n<wp:post_parent>0</wp:post_parent>\n<wp:post_type>${cdata('post')}</wp:post_type>\n<wp:post_password>${cdata('')}</wp:post_password>\n<category domain="category" nicename="${enc(`قسم-${i % 10}`)}">${cdata(`قسم ${i % 10}`)}</category>\n<category domain="post_tag" nicename="${enc(`وسم-${i % 50}`)}">${cdata(`وسم ${i % 50}`)}</category>\n</item>\n`,
    );
  }
  await write('</channel>\n</rss>\n');
  out.end();
  await once(out, 'finish');
}
