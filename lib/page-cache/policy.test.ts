import { describe, expect, it } from 'vitest';
import { cacheKey, classifyRequest } from './policy';

const facts = (path: string, headers: Record<string, string> = {}, method = 'GET') => ({ method, url: new URL(path, 'http://x'), headers });

describe('classifyRequest', () => {
  it.each([
    ['/', 'public'],
    ['/technology', 'public'],
    ['/technology/story', 'public'],
    ['/tag/x', 'public'],
    ['/author/x?page=2', 'public'],
    ['/search', 'public'],
    ['/search?q=', 'public'],
    ['/search?q=%D8%A8%D9%86%D9%83', 'private'],
    ['/newsroom', 'pass'],
    ['/newsroom/stories', 'pass'],
    ['/login', 'pass'],
    ['/api/health', 'pass'],
    ['/_next/static/chunks/a.js', 'pass'],
    ['/media/1/a.webp', 'pass'],
    ['/feeds/technology.xml', 'pass'],
    ['/feed.xml', 'pass'],
    ['/robots.txt', 'pass'],
    ['/icon.svg', 'pass'],
    ['/technology/..x', 'public'],
    ['/technology/a..b', 'public'],
    ['/preview/1', 'pass'],
    ['/share/token', 'pass'],
  ])('%s → %s', (path, kind) => expect(classifyRequest(facts(path))).toBe(kind));

  it('never caches for a signed-in visitor, whatever the cookie is called around it', () => {
    expect(classifyRequest(facts('/', { cookie: 'authjs.session-token=abc' }))).toBe('private');
    expect(classifyRequest(facts('/', { cookie: 'a=1; __Secure-authjs.session-token.0=abc' }))).toBe('private');
    expect(classifyRequest(facts('/', { cookie: 'theme=dark; authjs.csrf-token=x' }))).toBe('public');
    expect(classifyRequest(facts('/', { authorization: 'Bearer x' }))).toBe('private');
  });

  it("leaves other methods and Next's flight requests to Next", () => {
    expect(classifyRequest(facts('/', {}, 'POST'))).toBe('pass');
    expect(classifyRequest(facts('/', {}, 'HEAD'))).toBe('public');
    expect(classifyRequest(facts('/', { rsc: '1' }))).toBe('pass');
    expect(classifyRequest(facts('/?_rsc=abc'))).toBe('pass');
    expect(classifyRequest(facts('/', { 'next-action': 'id' }))).toBe('pass');
  });
});

describe('cacheKey', () => {
  const key = (path: string) => cacheKey(new URL(path, 'http://x'));

  it('ignores tracking parameters and keeps only what the route reads', () => {
    expect(key('/?utm_source=x&fbclid=y')).toBe('/');
    expect(key('/technology/story?page=2&utm_medium=z')).toBe('/technology/story');
    expect(key('/technology?utm_source=x&page=2')).toBe('/technology?page=2');
    expect(key('/tag/x?page=3')).toBe('/tag/x?page=3');
    expect(key('/search?sort=newest&utm_source=x&q=')).toBe('/search?q=&sort=newest');
  });

  it('puts the parameters in one order, so two spellings of a URL share an entry', () => {
    expect(key('/search?sort=newest&page=2&q=')).toBe(key('/search?q=&page=2&sort=newest'));
  });
});
