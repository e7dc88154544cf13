// Makes test/fixtures/imports/ghost-6.json with a real Ghost and its own exporter
// (Admin API GET /ghost/api/admin/db/, what Settings → Labs → Export downloads),
// like scripts/wordpress/make-export.php does for WordPress. Run by
// scripts/ghost/make-export.sh, which installs and starts Ghost; this file only
// talks to it over HTTP, as a newsroom would through Ghost Admin:
//   set the site up → invite two writers and accept as them → upload images →
//   write posts (Lexical, as Koenig saves it) and a page → export.
// The fixture in the repository was made by Ghost 6.65.0 (npm `ghost@6.65.0`)
// on Node.js 22.23.3 with SQLite (better-sqlite3 12.11.1), on 2026-12-06.
//
// Usage (Ghost's own Node 22, so better-sqlite3 and sharp come from Ghost's tree):
//   node scripts/ghost/make-export.mjs <ghost app folder> <out.json>
// Environment: GHOST_URL (http://127.0.0.1:2368), GHOST_DB (the SQLite file).
// The invitation e-mails go to Ghost's `stub` transport; the accept step reads
// the invitation's token from Ghost's database, where the e-mail link takes it from.
import { createRequire } from 'node:module';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

const [appDir, outFile] = process.argv.slice(2);
if (!appDir || !outFile) throw new Error('usage: node make-export.mjs <ghost app folder> <out.json>');
const ghostRequire = createRequire(path.join(path.resolve(appDir), 'package.json'));
const sharp = ghostRequire('sharp');
const Database = ghostRequire('better-sqlite3');

const URL_BASE = process.env.GHOST_URL ?? 'http://127.0.0.1:2368';
const API = `${URL_BASE}/ghost/api/admin`;
const PASSWORD = 'sahifa-fixture-qx7-2026'; // a throwaway site's, not a secret

/** One staff member's cookie session (Ghost Admin's own way in). */
async function signIn(email) {
  const response = await fetch(`${API}/session/`, { method: 'POST', headers: { 'content-type': 'application/json', origin: URL_BASE }, body: JSON.stringify({ username: email, password: PASSWORD }) });
  if (!response.ok) throw new Error(`sign-in ${email}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  // Right after the site's setup, the new session is sometimes not yet readable by the next request
  // (seen once: a 403 "Authorization failed"); wait until it is.
  for (let attempt = 0; ; attempt += 1) {
    const me = await fetch(`${API}/users/me/`, { headers: { origin: URL_BASE, cookie } });
    if (me.ok) break;
    if (attempt === 20) throw new Error(`session of ${email}: ${me.status}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return async (method, route, body, extra = {}) => {
    const isForm = body instanceof FormData;
    const res = await fetch(`${API}${route}`, {
      method,
      headers: { origin: URL_BASE, cookie, ...(body && !isForm ? { 'content-type': 'application/json' } : {}), ...extra },
      body: body ? (isForm ? body : JSON.stringify(body)) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${text.slice(0, 500)}`);
    return text ? JSON.parse(text) : null;
  };
}

// 1. The site and its owner (Ghost's setup screen).
const setup = await fetch(`${API}/authentication/setup/`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', origin: URL_BASE },
  body: JSON.stringify({ setup: [{ name: 'هيئة التحرير', email: 'editor@ghost.sahifa.test', password: PASSWORD, blogTitle: 'صحيفة الأمس' }] }),
});
if (!setup.ok) throw new Error(`setup: ${setup.status} ${await setup.text()}`);
const owner = await signIn('editor@ghost.sahifa.test');
await owner('PUT', '/settings/', { settings: [{ key: 'locale', value: 'ar' }, { key: 'timezone', value: 'Asia/Riyadh' }] });

// 2. Two writers who share a display name (Ghost allows it; their slugs differ).
const { roles } = await owner('GET', '/roles/?permissions=assign');
const authorRole = roles.find((role) => role.name === 'Author');
const db = new Database(process.env.GHOST_DB, { readonly: true });
const encodeBase64 = (token) => token.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const writers = [];
for (const email of ['sara@ghost.sahifa.test', 'sara2@ghost.sahifa.test']) {
  await owner('POST', '/invites/', { invites: [{ email, role_id: authorRole.id }] });
  const { token } = db.prepare('SELECT token FROM invites WHERE email = ?').get(email);
  const accepted = await fetch(`${API}/authentication/invitation/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: URL_BASE },
    body: JSON.stringify({ invitation: [{ token: encodeBase64(token), email, name: 'سارة أحمد', password: PASSWORD }] }),
  });
  if (!accepted.ok) throw new Error(`accept ${email}: ${accepted.status} ${await accepted.text()}`);
  writers.push(db.prepare('SELECT id, slug FROM users WHERE email = ?').get(email));
}
db.close();
const [sara1, sara2] = writers;
const { users } = await owner('GET', '/users/?limit=all');
const editor = users.find((user) => user.email === 'editor@ghost.sahifa.test');

// 3. Images, uploaded as from the editor (Ghost stores them under content/images/YYYY/MM/).
async function upload(name, color) {
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: color } }).png().toBuffer();
  const form = new FormData();
  form.append('file', new Blob([png], { type: 'image/png' }), name);
  form.append('purpose', 'image');
  const { images } = await owner('POST', '/images/upload/', form);
  return images[0].url;
}
const bank = await upload('bank.png', '#a33');
const chart = await upload('chart.png', '#3a3');
const stadium = await upload('stadium.png', '#33a');

// 4. Lexical as Koenig saves it: extended-text in paragraphs, cards as their own nodes.
const text = (value, format = 0) => ({ detail: 0, format, mode: 'normal', style: '', text: value, type: 'extended-text', version: 1 });
const paragraph = (...children) => ({ children: children.map((child) => (typeof child === 'string' ? text(child) : child)), direction: 'rtl', format: '', indent: 0, type: 'paragraph', version: 1 });
const heading = (value, tag = 'h2') => ({ children: [text(value)], direction: 'rtl', format: '', indent: 0, type: 'extended-heading', version: 1, tag });
const list = (...items) => ({ children: items.map((item, index) => ({ children: [text(item)], direction: 'rtl', format: '', indent: 0, type: 'listitem', version: 1, value: index + 1 })), direction: 'rtl', format: '', indent: 0, type: 'list', version: 1, listType: 'bullet', start: 1, tag: 'ul' });
const quote = (value) => ({ children: [text(value)], direction: 'rtl', format: '', indent: 0, type: 'extended-quote', version: 1 });
const image = (src, alt, caption) => ({ type: 'image', version: 1, src, width: 64, height: 48, title: '', alt, caption, cardWidth: 'regular', href: '' });
const html = (markup) => ({ type: 'html', version: 1, html: markup, visibility: { web: { nonMember: true, memberSegment: 'status:free,status:-free' }, email: { memberSegment: 'status:free,status:-free' } } });
const embed = { type: 'embed', version: 1, url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', embedType: 'video', html: '<iframe width="200" height="113" src="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed" frameborder="0" allowfullscreen title="مقطع"></iframe>', metadata: { title: 'مقطع', provider_name: 'YouTube' }, caption: 'مؤتمر صحفي' };
const lexical = (...children) => JSON.stringify({ root: { children, direction: 'rtl', format: '', indent: 0, type: 'root', version: 1 } });

const tag = (name) => ({ name });
const post = async (fields, as = owner) => (await as('POST', '/posts/', { posts: [fields] })).posts[0];

// A published story with everything: excerpt, feature image with alt and caption (posts_meta), an inline image, three tags (the first is primary; one internal).
await post({
  title: 'البنك المركزي يرفع أسعار الفائدة',
  slug: 'البنك-المركزي-يرفع-الفائدة',
  lexical: lexical(paragraph('رفع البنك المركزي أسعار الفائدة ', text('ربع نقطة', 1), ' في اجتماعه الأخير.'), image(chart, 'رسم بياني', 'تطور سعر الفائدة'), paragraph('وقال المحافظ إن القرار ', text('مؤقت', 2), '.')),
  status: 'published',
  published_at: '2026-11-20T09:00:00.000Z',
  custom_excerpt: 'قرار جديد للبنك المركزي',
  feature_image: bank,
  feature_image_alt: 'مبنى البنك',
  feature_image_caption: 'مبنى البنك المركزي',
  tags: [tag('اقتصاد'), tag('بنوك'), tag('#عاجل')],
  authors: [{ id: sara1.id }],
});
// Two authors, an HTML card with a script and an iframe, an embed card, a heading and a list.
await post({
  title: 'الحكومة تخفض إنتاج النفط',
  slug: 'الحكومة-تخفض-إنتاج-النفط',
  lexical: lexical(
    paragraph('أعلنت الحكومة اليوم خطة لخفض إنتاج النفط وزيادة الاستثمار في الطاقة المتجددة.'),
    heading('تفاصيل الخطة'),
    list('خفض الإنتاج', 'استثمار في الطاقة'),
    html('<script>alert("x")</script><iframe src="https://www.youtube.com/embed/x"></iframe><p>جدول الإنتاج</p>'),
    embed,
    quote('«القرار يخدم الاقتصاد»'),
  ),
  status: 'published',
  published_at: '2026-11-21T10:00:00.000Z',
  tags: [tag('طاقة'), tag('اقتصاد')],
  authors: [{ id: sara2.id }, { id: editor.id }],
});
// Written by a writer herself (an Author may only save drafts, and use tags that exist; the editor publishes).
await owner('POST', '/tags/', { tags: [{ name: 'رياضة', description: 'أخبار الرياضة' }] });
const sport = await post({ title: 'الفريق الوطني يفوز بالكأس', lexical: lexical(paragraph('فاز الفريق الوطني بالمباراة النهائية.'), image(stadium, 'الملعب', 'الملعب الوطني'), paragraph('وتحتفل الجماهير في الشوارع.')), tags: [tag('رياضة')], authors: [{ id: sara1.id }] }, await signIn('sara@ghost.sahifa.test'));
await owner('PUT', `/posts/${sport.id}/`, { posts: [{ status: 'published', published_at: '2026-11-22T18:30:00.000Z', updated_at: sport.updated_at }] });
await post({ title: 'مسودة عن التضخم', lexical: lexical(paragraph('نص المسودة.')), status: 'draft', tags: [tag('اقتصاد')], authors: [{ id: sara1.id }] });
await post({ title: 'مقال مجدول عن الانتخابات', slug: 'مقال-مجدول', lexical: lexical(paragraph('ينشر لاحقا.')), status: 'scheduled', published_at: '2030-01-01T06:00:00.000Z', tags: [tag('سياسة')] });
await post({ title: 'تحليل للمشتركين فقط', lexical: lexical(paragraph('تحليل مفصل لأسواق المنطقة.')), status: 'published', published_at: '2026-11-23T08:00:00.000Z', visibility: 'members', tags: [tag('اقتصاد')] });
// A title near Ghost's 255-character limit; Ghost makes the slug from it.
const longTitle = 'تقرير موسع عن ' + 'التحولات الاقتصادية والاجتماعية في المنطقة العربية '.repeat(4) + 'خلال العقد الأخير';
await post({ title: longTitle.slice(0, 255), lexical: lexical(paragraph('نص التقرير الطويل.')), status: 'published', published_at: '2026-11-24T07:00:00.000Z', tags: [tag('تقارير')] });
await owner('POST', '/pages/', { pages: [{ title: 'من نحن', lexical: lexical(paragraph('صحيفة عربية مستقلة.')), status: 'published' }] });

// 5. Ghost's own export, as Labs → Export downloads it.
const exported = await owner('GET', '/db/');
await writeFile(outFile, JSON.stringify(exported, null, 2) + '\n');
const data = exported.db[0].data;
console.log(`exported ${data.posts.length} posts and pages, ${data.tags.length} tags, ${data.users.length} users from Ghost ${exported.db[0].meta.version} to ${outFile}`);
