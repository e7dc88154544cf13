import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { acceptsGzip, captureResponse, type Captured } from './capture';
import { PRIVATE_CACHE_CONTROL, publicCacheControl, tagHeaders, type CdnConfig } from './cdn';
import { gzipBody, makeEntry, type Entry } from './entry';
import { collectNotes, type RenderNotes } from './render-notes';
import { cacheKey, classifyRequest } from './policy';
import type { PageCache } from './page-cache';
import { stripFrameworkScripts, type StylesheetText } from './strip-scripts';

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
  /** The build's stylesheets, put in each page as a <style> (./strip-scripts.ts); without it, pages keep their <link>. */
  stylesheet?: StylesheetText;
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

  /** `compress`: make the gzipped copy (always for a page to store; for one visitor's page only if asked). */
  async function pageOf(captured: Captured, tags: Iterable<string>, compress: boolean): Promise<Entry> {
    const type = String(captured.headers['content-type'] ?? '');
    // Latin-1 maps each byte to one character and back: the patterns are ASCII, so UTF-8's multibyte
    // sequences (bytes ≥ 0x80) can never match them, and the page is neither decoded nor re-encoded.
    const body = type.startsWith('text/html') ? Buffer.from(stripFrameworkScripts(captured.body.toString('latin1'), deps.stylesheet), 'latin1') : captured.body;
    const headers = KEPT.flatMap((name): [string, string][] => {
      const value = captured.headers[name];
      if (value === undefined) return [];
      // A stylesheet now inside the page is not to be fetched too: its preload goes.
      const kept = name === 'link' && deps.stylesheet ? withoutInlinedStyles(String(value), deps.stylesheet) : String(value);
      return kept === '' ? [] : [[name, kept]];
    });
    return makeEntry({ status: captured.status, headers, body, gzip: compress ? await gzipBody(body) : null, tags: [...tags].sort(), at: deps.now() });
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

  // A hit's whole head (status line aside), made once per entry, encoding and set of security headers, as
  // the flat [name, value, …] list writeHead takes: a hit then builds no header object at all. Under load a
  // hit's own work was a quarter of its CPU, most of it spreading header objects (docs/reader-performance.md).
  // Keyed by the security headers' values, which take a handful of forms (with or without HSTS…).
  const wired = new WeakMap<Entry, Map<string, { plain: string[]; gzip: string[] | null }>>();
  function wireHeaders(entry: Entry, base: Record<string, string>, gzip: boolean): string[] {
    let byBase = wired.get(entry);
    if (!byBase) wired.set(entry, (byBase = new Map()));
    const signature = Object.values(base).join('\n');
    let heads = byBase.get(signature);
    if (!heads) {
      const flat = (headers: OutgoingHttpHeaders) => Object.entries(headers).flatMap(([name, value]) => [name, String(value)]);
      const { own, tags } = describe(entry);
      const common = { ...base, ...own, 'cache-control': cacheControl, 'x-sahifa-cache': 'HIT', vary: 'accept-encoding', ...tags };
      heads = {
        plain: flat({ ...common, etag: entry.etag, 'content-length': entry.body.length }),
        gzip: entry.gzip && flat({ ...common, etag: gzipEtag(entry), 'content-encoding': 'gzip', 'content-length': entry.gzip.length }),
      };
      byBase.set(signature, heads);
    }
    return (gzip && heads.gzip) || heads.plain;
  }

  /** A stored page answered from memory: no promise, no object built per request. */
  function sendHit(res: ServerResponse, asked: Asked, entry: Entry, base: Record<string, string>) {
    if (entry.status === 200 && matches(asked.ifNoneMatch, entry.etag)) {
      send(res, asked, entry, { cacheable: true, state: 'HIT', base });
      return;
    }
    const gzip = asked.gzip && entry.gzip !== null;
    res.writeHead(entry.status, wireHeaders(entry, base, gzip));
    res.end(asked.head ? undefined : gzip ? entry.gzip : entry.body);
  }

  function send(res: ServerResponse, asked: Asked, entry: Entry, options: { cacheable: boolean; state: string; base: OutgoingHttpHeaders }) {
    const gzip = entry.gzip && asked.gzip ? entry.gzip : null;
    const etag = gzip ? gzipEtag(entry) : entry.etag;
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

  // The parsed URL and cache key of the addresses asked lately: a hit on a page read a thousand times a
  // second parses its URL once. Bounded in count (emptied when full) and in length (a long address is parsed
  // every time), so a flood of junk addresses holds at most ADDRESSES_KEPT × ADDRESS_KEPT_LENGTH characters.
  const addresses = new Map<string, { url: URL; key: string }>();
  function addressOf(raw: string) {
    const known = addresses.get(raw);
    if (known) return known;
    const url = new URL(raw, 'http://reader.invalid');
    const parsed = { url, key: cacheKey(url) };
    if (raw.length <= ADDRESS_KEPT_LENGTH) {
      if (addresses.size >= ADDRESSES_KEPT) addresses.clear();
      addresses.set(raw, parsed);
    }
    return parsed;
  }

  const askedOf = (req: IncomingMessage): Asked => ({ gzip: acceptsGzip(req.headers), head: req.method === 'HEAD', ifNoneMatch: req.headers['if-none-match'] });

  /**
   * Answers a public reader page this instance holds in memory, synchronously, and says whether it did.
   * The server tries it first, before anything else it does per request: a hit needs none of it.
   */
  function answerFromMemory(req: IncomingMessage, res: ServerResponse): boolean {
    const { url, key } = addressOf(req.url ?? '/');
    if (classifyRequest({ method: req.method ?? 'GET', url, headers: req.headers }) !== 'public') return false;
    const entry = deps.cache.peek(key);
    if (!entry) return false;
    sendHit(res, askedOf(req), entry, deps.securityHeaders(req, url.pathname));
    return true;
  }

  /** Handles a reader page; returns false for anything else, which the caller passes to Next untouched. */
  async function servePage(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const { url, key } = addressOf(req.url ?? '/');
    const kind = classifyRequest({ method: req.method ?? 'GET', url, headers: req.headers });
    if (kind === 'pass') return false;
    const base = deps.securityHeaders(req, url.pathname);
    // Read before the render: Next is given neither (it must not compress what we store, and a HEAD is rendered as a GET).
    const asked = askedOf(req);

    if (kind === 'private') {
      const rendered = await renderPage(req, res);
      if (!rendered) return true;
      if (rendered.captured.status >= 500) sendError(res, base);
      else send(res, asked, await pageOf(rendered.captured, [], asked.gzip), { cacheable: false, state: 'BYPASS', base });
      return true;
    }

    const { entry, ticket } = await deps.cache.lookup(key);
    if (entry) {
      sendHit(res, asked, entry, base);
      return true;
    }
    const waiting = inflight.get(key);
    if (waiting) {
      const shared = await waiting;
      if (shared) {
        sendHit(res, asked, shared, base);
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
      // A page that read no tagged data could never be expired; one that sets a cookie is someone's.
      const storable = STORABLE.has(captured.status) && tags.size > 0 && captured.headers['set-cookie'] === undefined;
      const page = await pageOf(captured, tags, storable || asked.gzip);
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
  }

  return { answerFromMemory, servePage };
}

/** Addresses whose parsed form is kept, and the longest kept (an Arabic slug percent-encoded runs to 300–400). */
const ADDRESSES_KEPT = 2_000;
const ADDRESS_KEPT_LENGTH = 1_024;

/** A Link header without the preloads of stylesheets the page now holds inline (./strip-scripts.ts). */
function withoutInlinedStyles(link: string, stylesheet: StylesheetText): string {
  return link
    .split(/,\s*(?=<)/)
    .filter((entry) => {
      const href = /^<([^>]+)>/.exec(entry)?.[1];
      return !(href && /;\s*as="?style"?/i.test(entry) && stylesheet(href) !== null);
    })
    .join(', ');
}

/** The gzipped body's own strong ETag: a different representation, a different tag. */
const gzipEtag = (entry: Entry) => `${entry.etag.slice(0, -1)}-gz"`;

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
