import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from './db';
import { now } from './lib/clock';
import { getEnv } from './lib/env';
import { clientIpFromForwarded } from './lib/http/client-ip';
import { createNonce, isHttps, securityHeaders, usesNonce } from './lib/http/security-headers';
import { consumeSearchQuota, searchRateConfigFromEnv, sweepSearchQuotas } from './lib/search/rate-limit';
import { renderTooManySearchesPage } from './lib/search/too-many-page';
import messages from './messages/ar.json';

// The proxy never authorizes: every page, action and route does that itself
// through the DAL. It only
// - answers paths that cannot be percent-decoded (invalid UTF-8 escapes),
//   which Next's router would otherwise fail on with a 500;
// - sends visitors without a session cookie from /newsroom to /login, as a
//   convenience (the pages check the session themselves);
// - answers 429 to a client IP that searches too often (a page cannot set 429);
// - tells pages their own path, for the sign-in callback;
// - sets the security headers of every response (lib/http/security-headers.ts),
//   with a fresh CSP nonce for the staff area.

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

// A small static page: the request never reaches a layout, so it carries its own markup.
const notFoundHtml = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta name="robots" content="noindex"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${messages.notFound.title}</title></head><body style="font-family:system-ui,sans-serif;text-align:center;padding:4rem 1rem"><main><h1>${messages.notFound.title}</h1><p>${messages.notFound.body}</p><p><a href="/">${messages.notFound.backHome}</a></p></main></body></html>`;

// Auth.js session cookies, plain or __Secure- prefixed, possibly chunked (.0, .1, …).
const hasSessionCookie = (request: NextRequest) => request.cookies.getAll().some(({ name }) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(name));

function withSecurityHeaders<T extends Response>(response: T, security: Record<string, string>): T {
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  return response;
}

let lastSweep = 0;

/** Counts a reader's search against their client IP; a 429 page once over the limit. Fails open: a counter outage must not stop search. */
async function limitSearch(request: NextRequest): Promise<NextResponse | null> {
  if (!request.nextUrl.searchParams.get('q')?.trim()) return null;
  const config = searchRateConfigFromEnv();
  const at = now();
  const ip = clientIpFromForwarded(request.headers.get('x-forwarded-for'), getEnv().TRUST_PROXY_HOPS);
  try {
    if (at.getTime() - lastSweep > config.windowMs) {
      lastSweep = at.getTime();
      void sweepSearchQuotas(getDb(), config, at).catch(() => {});
    }
    const quota = await consumeSearchQuota(getDb(), ip, config, at);
    if (quota.allowed) return null;
    return new NextResponse(renderTooManySearchesPage(), {
      status: 429,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'retry-after': String(quota.retryAfterSeconds) },
    });
  } catch {
    return null;
  }
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const nonce = usesNonce(pathname) ? createNonce() : undefined;
  const security = securityHeaders(pathname, {
    nonce,
    dev: process.env.NODE_ENV === 'development',
    https: isHttps(request.headers.get('x-forwarded-proto'), getEnv().TRUST_PROXY_HOPS),
  });
  if (!decodable(pathname)) {
    return withSecurityHeaders(new NextResponse(notFoundHtml, { status: 404, headers: { 'content-type': 'text/html; charset=utf-8' } }), security);
  }
  if ((pathname === '/newsroom' || pathname.startsWith('/newsroom/')) && !hasSessionCookie(request)) {
    const login = new URL('/login', request.url);
    login.searchParams.set('callbackUrl', pathname + search);
    return withSecurityHeaders(NextResponse.redirect(login), security);
  }
  if (pathname === '/search') {
    const limited = await limitSearch(request);
    if (limited) return withSecurityHeaders(limited, security);
  }
  const headers = new Headers(request.headers);
  headers.set('x-sahifa-path', pathname + search);
  // Next puts a nonce on its scripts when it finds one in the request's CSP, and
  // only then: a client-sent CSP header must never reach a reader page.
  headers.delete('content-security-policy');
  headers.delete('content-security-policy-report-only');
  if (nonce) headers.set('content-security-policy', security['content-security-policy'] as string);
  return withSecurityHeaders(NextResponse.next({ request: { headers } }), security);
}

export const config = {
  // Uploads (/api/media, /api/imports) stream their bodies and the proxy would buffer them; media files need nothing from it.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/media|api/imports|media/).*)'],
};
