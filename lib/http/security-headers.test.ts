import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, createNonce, isHttps, securityHeaders, usesNonce } from './security-headers';

const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const));

describe('contentSecurityPolicy', () => {
  it('gives the staff area a nonce with strict-dynamic and no unsafe-inline or unsafe-eval for scripts', () => {
    const csp = directives(contentSecurityPolicy({ nonce: 'abc123==' }));
    expect(csp.get('script-src')).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('script-src-attr')).toEqual(["'none'"]);
  });

  it('gives reader pages one policy for every response: no script at all, no inline handlers, plugins or framing', () => {
    const policy = contentSecurityPolicy({});
    expect(policy).toBe(contentSecurityPolicy({}));
    const csp = directives(policy);
    expect(csp.get('script-src')).toEqual(["'none'"]);
    expect(csp.get('script-src-attr')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(policy).not.toContain('nonce-');
    expect(policy).not.toContain('unsafe-eval');
  });

  it('allows eval only in development, and upgrades requests only under https', () => {
    expect(directives(contentSecurityPolicy({ dev: true })).get('script-src')).toContain("'unsafe-eval'");
    expect(directives(contentSecurityPolicy({ dev: true, nonce: 'n' })).get('script-src')).toContain("'unsafe-eval'");
    expect(directives(contentSecurityPolicy({ nonce: 'n' })).get('script-src')).not.toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ https: true })).toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy({})).not.toContain('upgrade-insecure-requests');
  });
});

describe('usesNonce', () => {
  it.each([
    ['/newsroom', true],
    ['/newsroom/stories/1', true],
    ['/login', true],
    ['/login/password/x', true],
    ['/preview/1', true],
    ['/share/t', true],
    ['/', false],
    ['/technology', false],
    ['/technology/story', false],
    ['/newsroomx', false],
    ['/feed.xml', false],
  ])('%s → %s', (path, expected) => expect(usesNonce(path)).toBe(expected));
});

describe('isHttps', () => {
  it('believes X-Forwarded-Proto only from a trusted proxy', () => {
    expect(isHttps('https', 0)).toBe(false);
    expect(isHttps('https', 1)).toBe(true);
    expect(isHttps('http', 1)).toBe(false);
    expect(isHttps(null, 1)).toBe(false);
    // Two proxies that append: the outer one (TLS) saw https, the inner one http.
    expect(isHttps('https, http', 2)).toBe(true);
    // A client-sent entry before the trusted ones is never read.
    expect(isHttps('https, http', 1)).toBe(false);
  });
});

describe('securityHeaders', () => {
  it('sets nosniff and a referrer policy, no-referrer on private copies, and HSTS only under https', () => {
    expect(securityHeaders('/', {})).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'strict-origin-when-cross-origin' });
    expect(securityHeaders('/share/t', {})['referrer-policy']).toBe('no-referrer');
    expect(securityHeaders('/preview/1', {})['referrer-policy']).toBe('no-referrer');
    expect(securityHeaders('/', {})['strict-transport-security']).toBeUndefined();
    expect(securityHeaders('/', { https: true })['strict-transport-security']).toBe('max-age=31536000');
  });
});

describe('createNonce', () => {
  it('is 128 random bits, different every time, in the form Next reads', () => {
    const a = createNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(createNonce()).not.toBe(a);
  });
});
