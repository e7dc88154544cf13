import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import next from 'next';
import { getDb } from '@/db';
import { COLLAB_PATH, createCollabServer } from '@/lib/collab/server';
import { getEnv } from '@/lib/env';
import { isHttps, securityHeaders } from '@/lib/http/security-headers';
import { startJobRunner } from '@/lib/jobs/runner';
import { runRequest } from '@/db/availability';
import { logger } from '@/lib/logger';
import type { CdnConfig } from '@/lib/page-cache/cdn';
import { PageCache } from '@/lib/page-cache/page-cache';
import { applyNotedStatus, collectNotes } from '@/lib/page-cache/render-notes';
import { registerPageCache } from '@/lib/page-cache/registry';
import { createPageServer } from '@/lib/page-cache/serve';
import { buildStylesheets } from '@/lib/page-cache/stylesheets';
import { drainable } from './drain';
import { arabicErrorPages, errorPageHtml } from './error-page';
import { measureRequest } from './request-metrics';
import { unavailableWhenDatabaseIs } from './unavailable';

// Our HTTP server around Next's request handler. It exists for one reason:
// Next keeps a client-sent X-Forwarded-For as it is, so the connection's
// address would be lost and a client could pose as any IP to the sign-in
// throttle. Here every request's X-Forwarded-For gets the peer address
// appended, the way a proxy does, and lib/http/client-ip.ts trusts only the
// last TRUST_PROXY_HOPS + 1 entries.
// In production it also answers reader pages from the response cache
// (lib/page-cache/serve.ts), in front of Next: a hit never reaches Next at all.

export type RunningServer = {
  /** Drains: stops accepting, lets requests in flight finish (at most DRAIN_MS), stops the job runner, then the hooks. */
  close: () => Promise<void>;
  /** Work to finish before the database goes away (the co-editing server registers its shutdown here). */
  onClose: (hook: () => Promise<void>) => void;
};

/** How long a stop waits for requests in flight before it cuts the connections left. */
const DRAIN_MS = 10_000;

/**
 * Next no longer writes unstable_cache entries to disk (isrFlushToDisk: false in
 * next.config.ts), but an earlier version of the app did, and on every miss Next
 * still reads such a file before ignoring it: clear them, so a miss costs one
 * failed open rather than reading and parsing a stale entry.
 */
function clearDataCache(): void {
  for (const dir of ['.next/cache/fetch-cache', '.next/dev/cache/fetch-cache']) rmSync(path.join(process.cwd(), dir), { recursive: true, force: true });
}

/**
 * tsx turns Node's source maps on (`npm start` runs the compiled server on plain
 * Node, where they are off; the benches that start this server in their own
 * process run under tsx), and Node then reads and keeps the map of every
 * module it loads from then on: Next's server chunks and runtime carry about 18 MB
 * of maps, which cost some 40 MB of heap in a production process for stack traces
 * into minified code. A production server turns them off before loading Next,
 * unless the operator asked for them (NODE_OPTIONS=--enable-source-maps).
 */
function dropSourceMapsUnlessAsked(): void {
  const asked = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].includes('--enable-source-maps');
  if (!asked) process.setSourceMapsEnabled(false);
}

export async function startServer(options: { dev: boolean; port: number; hostname?: string }): Promise<RunningServer> {
  clearDataCache();
  if (!options.dev) dropSourceMapsUnlessAsked();
  // Left to itself, Next attaches its own upgrade listener to the server of the first request it sees, and
  // ends every upgrade it does not know (our co-editing sockets included). Given a server of its own that never
  // listens, it attaches there, and the upgrades it should handle reach it through the routing below.
  const app = next({ dev: options.dev, hostname: options.hostname ?? 'localhost', port: options.port, turbopack: options.dev, httpServer: createServer() });
  const handle = app.getRequestHandler();
  await app.prepare();
  const self = `http://${options.hostname && options.hostname !== '0.0.0.0' ? options.hostname : '127.0.0.1'}:${options.port}`;

  // Reader caches are expired inside Next (revalidateTag needs it), so expiries
  // that start outside a request come back in over loopback, with a secret made here:
  // a scheduled publish (everywhere), and another instance's change (here).
  const internalSecret = randomBytes(32).toString('hex');
  (globalThis as unknown as { sahifaInternalSecret?: string }).sahifaInternalSecret = internalSecret;
  const expireOverLoopback = async (tags: string[], scope: 'everywhere' | 'here') => {
    const response = await fetch(`${self}/api/internal/revalidate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sahifa-internal': internalSecret },
      body: JSON.stringify({ tags, scope }),
    });
    if (!response.ok) logger.error({ status: response.status, scope }, 'reader cache expiry over loopback failed');
  };

  const pageCache = options.dev ? undefined : createPageCache((tags) => void expireOverLoopback(tags, 'here').catch((error: unknown) => logger.error({ err: error }, 'reader cache expiry over loopback failed')));
  registerPageCache(pageCache);
  const pages = pageCache ? readerPageServer(pageCache, (req, res) => void handle(req, res)) : null;

  // What Next streams straight out (the staff area, routes, development): only the status a page noted (404, 410) is applied.
  const streamFromNext = (req: IncomingMessage, res: ServerResponse) =>
    collectNotes((notes) => {
      applyNotedStatus(res, notes);
      void handle(req, res);
    });

  const server = createServer((req, res) => {
    measureRequest(req, res);
    // A reader page held in memory is answered first, synchronously: it needs nothing below (no client
    // address, no database, no request context), and each of those cost CPU on every hit.
    if (pages?.answerFromMemory(req, res)) return;
    runRequest(() => {
      const claimed = req.headers['x-forwarded-for'];
      const peer = req.socket.remoteAddress ?? '';
      req.headers['x-forwarded-for'] = [...(Array.isArray(claimed) ? claimed : claimed ? [claimed] : []), peer].filter(Boolean).join(', ');
      // Any 5xx caused by a database that does not answer becomes a 503, from Next or from the page cache's own error page.
      unavailableWhenDatabaseIs(res);
      if (!pages) {
        streamFromNext(req, res);
        return;
      }
      pages.servePage(req, res).then(
        (served) => {
          if (served) return;
          arabicErrorPages(req, res);
          streamFromNext(req, res);
        },
        (error: unknown) => {
          logger.error({ err: error, url: req.url }, 'reader page failed');
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
          res.end(errorPageHtml);
        },
      );
    });
  });
  const drainer = drainable(server);
  const upgrade = app.getUpgradeHandler();
  // Co-editing shares the port: its WebSocket path goes to Hocuspocus, every other upgrade (dev HMR) to Next.
  const collab = createCollabServer({ db: getDb(), authSecret: process.env.AUTH_SECRET ?? '', redisUrl: getEnv().REDIS_URL });
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://x').pathname === COLLAB_PATH) collab.handleUpgrade(req, socket, head);
    else void upgrade(req, socket, head);
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.hostname, resolve));
  console.error(`sahifa: ${options.dev ? 'development' : 'production'} server on http://${options.hostname ?? 'localhost'}:${options.port}`);

  // The job runner shares this process; a scheduled publish runs outside any request.
  const runner = await startJobRunner(process.env.DATABASE_URL as string, (tags) => expireOverLoopback(tags, 'everywhere'));
  const hooks: (() => Promise<void>)[] = [];
  return {
    close: async () => {
      // The runner stops taking jobs and finishes the ones running while the requests in flight finish.
      const [{ forced }] = await Promise.all([drainer.drain(DRAIN_MS), runner.stop().catch((error: unknown) => logger.error({ error }, 'job runner stop failed'))]);
      if (forced > 0) logger.warn({ forced }, `connections still open after ${DRAIN_MS} ms were cut`);
      await collab.close().catch((error: unknown) => logger.error({ error }, 'co-editing server stop failed'));
      for (const hook of hooks) await hook().catch((error: unknown) => logger.error({ error }, 'shutdown hook failed'));
      await pageCache?.close();
      registerPageCache(undefined);
      await app.close();
    },
    onClose: (hook) => void hooks.push(hook),
  };
}

function cdnConfig(): CdnConfig {
  const env = getEnv();
  return { sMaxAge: env.CDN_S_MAXAGE_SECONDS, staleWhileRevalidate: env.CDN_STALE_WHILE_REVALIDATE_SECONDS, purgeUrl: env.CDN_PURGE_URL, purgeToken: env.CDN_PURGE_TOKEN };
}

function createPageCache(onRemoteExpire: (tags: string[]) => void): PageCache {
  const env = getEnv();
  return new PageCache({
    maxBytes: Math.floor(env.PAGE_CACHE_MAX_MB * 1024 * 1024),
    ttlSeconds: env.PAGE_CACHE_TTL_SECONDS,
    redisUrl: env.REDIS_URL,
    // A page links its build's CSS: instances of different builds never share pages.
    namespace: readFileSync(path.join(process.cwd(), '.next', 'BUILD_ID'), 'utf8').trim(),
    cdn: cdnConfig(),
    onRemoteExpire,
    report: (error, message) => logger.error({ err: error }, message),
  });
}

function readerPageServer(cache: PageCache, render: (req: IncomingMessage, res: ServerResponse) => void) {
  const env = getEnv();
  return createPageServer({
    cache,
    cdn: cdnConfig(),
    render,
    // The same headers proxy.ts gives Next's answers: a hit never reaches the proxy.
    securityHeaders: (req, pathname) => securityHeaders(pathname, { https: isHttps(headerValue(req.headers['x-forwarded-proto']), env.TRUST_PROXY_HOPS) }),
    errorPage: errorPageHtml,
    now: Date.now,
    stylesheet: buildStylesheets(path.join(process.cwd(), '.next')),
  });
}

const headerValue = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(', ') : (value ?? null));
