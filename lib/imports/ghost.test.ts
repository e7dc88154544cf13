import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ghostDate, GhostError, keptSlug, parseGhost, readGhost } from './ghost';

// The reader against a real export of Ghost 6.65.0 on SQLite (scripts/ghost/make-export.sh):
// what it finds there is what Ghost writes, not what we guessed it writes.

const text = readFileSync(path.join(process.cwd(), 'test', 'fixtures', 'imports', 'ghost-6.json'), 'utf8');
const OLD_SITE = 'https://ghost.sahifa.test';
const read = () => readGhost(parseGhost(text), OLD_SITE);
const titled = (title: string) => read().posts.find((post) => post.title === title)!;

describe('a real Ghost 6 export', () => {
  it('has the posts, with pages counted apart', () => {
    const { posts, pages } = read();
    expect(pages).toBe(2); // Ghost's own «About» and ours
    expect(posts.map((post) => post.title)).toEqual(expect.arrayContaining(['Coming soon', 'البنك المركزي يرفع أسعار الفائدة', 'مسودة عن التضخم', 'مقال مجدول عن الانتخابات']));
    expect(posts).toHaveLength(8);
    const statuses = posts.map((post) => post.status);
    expect(statuses.filter((status) => status === 'published')).toHaveLength(6);
    expect(statuses.filter((status) => status === 'draft')).toHaveLength(1);
    expect(statuses.filter((status) => status === 'scheduled')).toHaveLength(1);
  });

  it('reads SQLite dates as UTC, whatever the server zone', () => {
    // On a UTC machine a zoneless date read as local time looks right: read it from Riyadh's zone (UTC+3).
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Riyadh';
    onTestFinished(() => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    });
    expect(titled('البنك المركزي يرفع أسعار الفائدة').date?.toISOString()).toBe('2026-11-20T09:00:00.000Z');
    expect(titled('مقال مجدول عن الانتخابات').date?.toISOString()).toBe('2030-01-01T06:00:00.000Z');
    expect(ghostDate('2026-11-20 09:00:00')?.toISOString()).toBe('2026-11-20T09:00:00.000Z');
    expect(ghostDate('2026-11-20T09:00:00.000Z')?.toISOString()).toBe('2026-11-20T09:00:00.000Z');
    expect(ghostDate('not a date')).toBeNull();
  });

  it('takes the primary tag as section, drops internal tags, keeps authors in order', () => {
    const bank = titled('البنك المركزي يرفع أسعار الفائدة');
    const { site } = read();
    const name = (key: string) => site.tags.find((tag) => tag.key === key)?.name;
    expect(bank.tagKeys.map(name)).toEqual(['اقتصاد', 'بنوك']);
    expect(site.sections.find((section) => section.key === bank.sectionKey)?.name).toBe('اقتصاد');
    expect(site.tags.some((tag) => tag.name.startsWith('#'))).toBe(false);
    const oil = titled('الحكومة تخفض إنتاج النفط');
    const author = (key: string) => site.authors.find((row) => row.key === key)!;
    expect(oil.authorKeys.map((key) => author(key).name)).toEqual(['سارة أحمد', 'هيئة التحرير']);
    // Two writers of one name: two keys.
    const saras = site.authors.filter((row) => row.name === 'سارة أحمد');
    expect(new Set(saras.map((row) => row.key)).size).toBe(2);
    // Their e-mails travel, for staff accounts on request (lib/imports/staff.ts).
    expect(saras.map((row) => row.email).sort()).toEqual(['sara2@ghost.sahifa.test', 'sara@ghost.sahifa.test']);
  });

  it("drops Ghost's transliterated slugs of Arabic names, keeps Latin ones, and keeps the old path", () => {
    const bank = titled('البنك المركزي يرفع أسعار الفائدة');
    expect(bank.slug).toBe('');
    expect(bank.legacyPaths).toEqual(['/lbnk-lmrkzy-yrf-lfyd']);
    expect(titled('Coming soon').slug).toBe('coming-soon');
    expect(read().site.sections.find((section) => section.name === 'اقتصاد')).toMatchObject({ key: 'qtsd', slug: '' });
    expect(keptSlug('qtsd', 'اقتصاد')).toBe('');
    expect(keptSlug('news', 'News')).toBe('news');
    expect(keptSlug('café', 'Café')).toBe('café');
  });

  it('resolves __GHOST_URL__ and takes the feature image text from posts_meta, the excerpt from custom_excerpt', () => {
    const bank = titled('البنك المركزي يرفع أسعار الفائدة');
    expect(bank.featuredImageUrl).toBe(`${OLD_SITE}/content/images/2026/12/bank.png`);
    expect(bank).toMatchObject({ featuredImageAlt: 'مبنى البنك', featuredImageCaption: 'مبنى البنك المركزي', excerpt: 'قرار جديد للبنك المركزي' });
    expect(bank.html).toContain(`${OLD_SITE}/content/images/2026/12/chart.png`);
    expect(bank.html).not.toContain('__GHOST_URL__');
  });

  it('notes members-only posts', () => {
    expect(titled('تحليل للمشتركين فقط').notes).toEqual(['visibility members: imported for everyone']);
  });

  it('falls back to the Lexical text when a post carries no html, and says so', () => {
    // Ghost renders html at every save, so a real export always has it: this case is the real export with it removed.
    const data = parseGhost(text);
    const draft = data.db[0]!.data.posts.find((post) => post.title === 'مسودة عن التضخم')!;
    draft.html = null;
    const post = readGhost(data, OLD_SITE).posts.find((row) => row.title === 'مسودة عن التضخم')!;
    expect(post.html).toBe('<p>نص المسودة.</p>');
    expect(post.notes).toContain('no html in the export: text only, from Lexical or plaintext');
  });

  it('refuses what is not a Ghost export', () => {
    expect(() => parseGhost(text.slice(0, 1000))).toThrow(GhostError);
    expect(() => parseGhost('{"db":[]}')).toThrow(/not a Ghost export/);
  });
});
