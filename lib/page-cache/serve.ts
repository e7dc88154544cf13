import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { acceptsGzip, captureResponse, type Captured } from './capture';
import { PRIVATE_CACHE_CONTROL, publicCacheControl, tagHeaders, type CdnConfig } from './cdn';
import { makeEntry, type Entry } from './entry';
import { collectNotes, type RenderNotes } from './render-notes';
import { cacheKey, classifyRequest } from './policy';
import type { PageCache } from './page-cache';
import { stripFrameworkScripts } from './strip-scripts';

// Reader pages in front of Next. A hit is answered here from stored bytes,
// with no render and no database round trip; a miss is rendered by Next with
// its framework scripts taken out (reader pages have no client component, so
// the runtime and the flight data only cost bytes), stored under the tags its
// reads recorded, and answered. See docs/reader-performance.md.

export type PageServerDeps = {
  cache: PageCache;
  cdn: CdnConfig;
  /** Next's handler. */
  render: (req: IncomingMessage, res: ServerResponse) => void;
  /** Headers every response carries (the security headers), decided per request. */
  securityHeaders: (req: IncomingMessage, pathname: string) => Record<string, string>;
  errorPage: string;
  now: () => number;
};

/** The statuses a reader URL settles on: the page, a permanent redirect, not found, gone. */
const STORABLE = new Set([200, 301, 308, 404, 410]);
/** The headers of Next's answer that describe the page itself; the rest is per response and decided here. */
const KEPT = ['content-type', 'location', 'link', 'retry-after', 'x-robots-tag', 'content-language'];

export function createPageServer(deps: PageServerDeps) {
  // Concurrent misses of one key (a breaking story, or a page just expired) wait for one render.
  const inflight = new Map<string, Promise<Entry | null>>();

  async function renderPage(req: IncomingMessage, res: ServerResponse): Promise<{ captured: Captured; tags: Set<string> } | null> {
    // Next renders the full page as it is: uncompressed, unconditional, with its body.
    delete req.headers['accept-encoding'];
    delete req.headers['if-none-match'];
    delete req.headers['if-modified-since'];
    req.method = 'GET';
    const { result, notes } = collectNotes(() => captureResponse(res, () => deps.render(req, res)));
    const captured = await result;
    return captured && { captured: withNotedStatus(captured, notes), tags: notes.tags };
  }

  function pageOf(captured: Captured, tags: Iterable<string>): Entry {
    const type = String(captured.headers['content-type'] ?? '');
    const body = type.startsWith('text/html') ? Buffer.from(stripFrameworkScripts(captured.body.toString('utf8'))) : captured.body;
    const headers = KEPT.flatMap((name): [string, string][] => (captured.headers[name] === undefined ? [] : [[name, String(captured.headers[name])]]));
    return makeEntry({ status: captured.status, headers, body, tags: [...tags].sort(), at: deps.now() });
  }

  function sendError(res: ServerResponse, base: OutgoingHttpHeaders) {
    res.writeHead(500, { ...base, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(deps.errorPage) });
    res.end(deps.errorPage);
  }

  type Asked = { gzip: boolean; head: boolean; ifNoneMatch: string | string[] | undefined };

  // An entry's own headers and its CDN tags, made once per stored entry rather than on every hit.
  const cacheControl = publicCacheControl(deps.cdn);
  const described = new WeakMap<Entry, { own: OutgoingHttpHeaders; tags: OutgoingHttpHeaders }>();
  function describe(entry: Entry) {
    let headers = described.get(entry);
    if (!headers) {
      headers = { own: Object.fromEntries(entry.headers), tags: tagHeaders(entry.tags) };
      described.set(entry, headers);
    }
    return headers;
  }

  function send(res: ServerResponse, asked: Asked, entry: Entry, options: { cacheable: boolean; state: string; base: OutgoingHttpHeaders }) {
    const gzip = entry.gzip && asked.gzip ? entry.gzip : null;
    const etag = gzip ? `${entry.etag.slice(0, -1)}-gz"` : entry.etag;
    const { own, tags } = describe(entry);
    const headers: OutgoingHttpHeaders = {
      ...options.base,
      ...own,
      'cache-control': options.cacheable ? cacheControl : PRIVATE_CACHE_CONTROL,
      'x-sahifa-cache': options.state,
      ...(options.cacheable ? { etag, vary: 'accept-encoding', ...tags } : {}),
    };
    // Conditional requests are answered for pages only (RFC 9110 13.1.2): not for a 404 or a 410.
    if (options.cacheable && entry.status === 200 && matches(asked.ifNoneMatch, entry.etag)) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const body = gzip ?? entry.body;
    res.writeHead(entry.status, { ...headers, ...(gzip ? { 'content-encoding': 'gzip' } : {}), 'content-length': body.length });
    res.end(asked.head ? undefined : body);
  }

  /** Handles a reader page; returns false for anything else, which the caller passes to Next untouched. */
  return async function servePage(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://reader.invalid');
    const kind = classifyRequest({ method: req.method ?? 'GET', url, headers: req.headers });
    if (kind === 'pass') return false;
    const base = deps.securityHeaders(req, url.pathname);
    // Read before the render: Next is given neither (it must not compress what we store, and a HEAD is rendered as a GET).
    const asked: Asked = { gzip: acceptsGzip(req.headers), head: req.method === 'HEAD', ifNoneMatch: req.headers['if-none-match'] };

    if (kind === 'private') {
      const rendered = await renderPage(req, res);
      if (!rendered) return true;
      if (rendered.captured.status >= 500) sendError(res, base);
      else send(res, asked, pageOf(rendered.captured, []), { cacheable: false, state: 'BYPASS', base });
      return true;
    }

    const key = cacheKey(url);
    const { entry, ticket } = await deps.cache.lookup(key);
    if (entry) {
      send(res, asked, entry, { cacheable: true, state: 'HIT', base });
      return true;
    }
    const waiting = inflight.get(key);
    if (waiting) {
      const shared = await waiting;
      if (shared) {
        send(res, asked, shared, { cacheable: true, state: 'HIT', base });
        return true;
      }
    }
    let settle: (entry: Entry | null) => void = () => {};
    const leader = !waiting;
    if (leader) inflight.set(key, new Promise((resolve) => (settle = resolve)));
    try {
      const rendered = await renderPage(req, res);
      if (!rendered) return true;
      const { captured, tags } = rendered;
      if (captured.status >= 500) {
        sendError(res, base);
        return true;
      }
      const page = pageOf(captured, tags);
      // A page that read no tagged data could never be expired; one that sets a cookie is someone's.
      const storable = STORABLE.has(captured.status) && tags.size > 0 && captured.headers['set-cookie'] === undefined;
      if (storable) {
        deps.cache.store(key, page, ticket);
        settle(page);
      }
      send(res, asked, page, { cacheable: storable, state: 'MISS', base });
      return true;
    } finally {
      if (leader) {
        settle(null);
        inflight.delete(key);
      }
    }
  };
}

/** A page that settled on 404 or 410 rendered normally: Next answered 200. */
const withNotedStatus = (captured: Captured, notes: RenderNotes): Captured => (captured.status === 200 && notes.status ? { ...captured, status: notes.status } : captured);

/** If-None-Match against a stored ETag, in either of its encodings (weak comparison, as RFC 9110 asks for this header). */
function matches(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const core = etag.slice(1, -1);
  return String(header)
    .split(',')
    .map((value) => value.trim().replace(/^W\//, ''))
    .some((value) => value === '*' || value === etag || value === `"${core}-gz"`);
}
