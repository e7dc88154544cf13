import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from './db';
import { findGone, readSiteChrome, renderGonePage } from './lib/reader/gone';
import { slugFromParam } from './lib/reader/params';
import messages from './messages/ar.json';

// The proxy never authorizes: every page, action and route does that itself
// through the DAL. It only
// - answers paths that cannot be percent-decoded (invalid UTF-8 escapes),
//   which Next's router would otherwise fail on with a 500;
// - sends visitors without a session cookie from /newsroom to /login, as a
//   convenience (the pages check the session themselves);
// - answers 410 for taken-down and retracted stories (the App Router has no 410),
//   with an uncached lookup so nothing taken down is served from a cache;
// - tells pages their own path, for the sign-in callback.

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

// /{section}/{story}, except the staff area, framework paths and the reader's
// other two-segment pages (tags, authors, previews, share links).
const ARTICLE_PATH = /^\/(?!newsroom\/|login\/|api\/|_next\/|_\/|tag\/|author\/|preview\/|share\/)[^/]+\/([^/]+)$/;

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!decodable(pathname)) {
    return new NextResponse(notFoundHtml, { status: 404, headers: { 'content-type': 'text/html; charset=utf-8' } });
  }
  if ((pathname === '/newsroom' || pathname.startsWith('/newsroom/')) && !hasSessionCookie(request)) {
    const login = new URL('/login', request.url);
    login.searchParams.set('callbackUrl', pathname + search);
    return NextResponse.redirect(login);
  }
  const article = ARTICLE_PATH.exec(pathname);
  const slug = article ? slugFromParam(article[1] as string) : null;
  if (slug) {
    const gone = await findGone(getDb(), slug);
    if (gone) return new NextResponse(renderGonePage(gone, await readSiteChrome(getDb())), { status: 410, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
  }
  const headers = new Headers(request.headers);
  headers.set('x-sahifa-path', pathname + search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Uploads (/api/media) stream their bodies and the proxy would buffer them; media files need nothing from it.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/media|media/).*)'],
};
