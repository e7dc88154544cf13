import { describe, expect, it } from 'vitest';
import { buildRobots } from './robots';

const robots = buildRobots(['https://sahifa.example/sitemap.xml', 'https://sahifa.example/news-sitemap.xml']);
const rules = robots.split('\n').filter((line) => line.startsWith('Disallow: ')).map((line) => line.slice('Disallow: '.length));

// How Google matches a rule: a prefix, with * any run and a final $ the end of the path and query.
const blocks = (path: string) =>
  rules.some((rule) => new RegExp(`^${rule.replace(/[.?+^()[\]{}|\\]/g, '\\$&').replace(/\*/g, '.*')}`).test(path));

describe('buildRobots', () => {
  it('names both sitemaps by absolute URL', () => {
    expect(robots).toContain('Sitemap: https://sahifa.example/sitemap.xml\n');
    expect(robots).toContain('Sitemap: https://sahifa.example/news-sitemap.xml\n');
    expect(robots.startsWith('User-agent: *\n')).toBe(true);
  });

  it.each(['/newsroom', '/newsroom/stories/1', '/login', '/login?callbackUrl=%2Fnewsroom', '/login/password/x', '/api/auth/session', '/preview/1', '/share/token', '/newsroom?x=1'])(
    'disallows %s',
    (path) => expect(blocks(path)).toBe(true),
  );

  it.each(['/', '/technology', '/technology/story', '/shareholders', '/apiary/x', '/login-tips', '/feed.xml', '/sitemap.xml'])('allows %s', (path) => {
    expect(blocks(path)).toBe(false);
  });
});
