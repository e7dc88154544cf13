import { NextResponse, type NextRequest } from 'next/server';
import messages from './messages/ar.json';

// The proxy never authorizes: every page, action and route does that itself
// through the DAL. Its one job so far is to answer paths that cannot be
// percent-decoded (invalid UTF-8 escapes). Next's router would otherwise
// fail on them with a 500 before any page code runs.

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

export function proxy(request: NextRequest) {
  if (!decodable(request.nextUrl.pathname)) {
    return new NextResponse(notFoundHtml, { status: 404, headers: { 'content-type': 'text/html; charset=utf-8' } });
  }
  return NextResponse.next();
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
