import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import next from 'next';
import { getDb } from '@/db';
import { COLLAB_PATH, createCollabServer } from '@/lib/collab/server';
import { getEnv } from '@/lib/env';
import { startJobRunner } from '@/lib/jobs/runner';
import { arabicErrorPages } from './error-page';
import { logger } from '@/lib/logger';

// Our HTTP server around Next's request handler. It exists for one reason:
// Next keeps a client-sent X-Forwarded-For as it is, so the connection's
// address would be lost and a client could pose as any IP to the sign-in
// throttle. Here every request's X-Forwarded-For gets the peer address
// appended, the way a proxy does, and lib/http/client-ip.ts trusts only the
// last TRUST_PROXY_HOPS + 1 entries.

export type RunningServer = { close: () => Promise<void> };

/**
 * Next keeps unstable_cache entries on disk in .next, across restarts. They are
 * reads of the database this process serves, so entries an earlier run left
 * (another database, an older schema) must not be served: start empty.
 */
function clearDataCache(): void {
  for (const dir of ['.next/cache/fetch-cache', '.next/dev/cache/fetch-cache']) rmSync(path.join(process.cwd(), dir), { recursive: true, force: true });
}

export async function startServer(options: { dev: boolean; port: number; hostname?: string }): Promise<RunningServer> {
  clearDataCache();
  // Left to itself, Next attaches its own upgrade listener to the server of the first request it sees, and
  // ends every upgrade it does not know (our co-editing sockets included). Given a server of its own that never
  // listens, it attaches there, and the upgrades it should handle reach it through the routing below.
  const app = next({ dev: options.dev, hostname: options.hostname ?? 'localhost', port: options.port, turbopack: options.dev, httpServer: createServer() });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    const claimed = req.headers['x-forwarded-for'];
    const peer = req.socket.remoteAddress ?? '';
    req.headers['x-forwarded-for'] = [...(Array.isArray(claimed) ? claimed : claimed ? [claimed] : []), peer].filter(Boolean).join(', ');
    if (!options.dev) arabicErrorPages(req, res);
    void handle(req, res);
  });
  const upgrade = app.getUpgradeHandler();
  // Co-editing shares the port: its WebSocket path goes to Hocuspocus, every other upgrade (dev HMR) to Next.
  const collab = createCollabServer({ db: getDb(), authSecret: process.env.AUTH_SECRET ?? '', redisUrl: getEnv().REDIS_URL });
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://x').pathname === COLLAB_PATH) collab.handleUpgrade(req, socket, head);
    else void upgrade(req, socket, head);
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.hostname, resolve));
  console.error(`sahifa: ${options.dev ? 'development' : 'production'} server on http://${options.hostname ?? 'localhost'}:${options.port}`);

  // The job runner shares this process. A scheduled publish expires the reader
  // caches through this server's internal route, with a secret made here.
  const internalSecret = randomBytes(32).toString('hex');
  (globalThis as unknown as { sahifaInternalSecret?: string }).sahifaInternalSecret = internalSecret;
  const self = `http://${options.hostname && options.hostname !== '0.0.0.0' ? options.hostname : '127.0.0.1'}:${options.port}`;
  const runner = await startJobRunner(process.env.DATABASE_URL as string, async (tags) => {
    const response = await fetch(`${self}/api/internal/revalidate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sahifa-internal': internalSecret },
      body: JSON.stringify({ tags }),
    });
    if (!response.ok) logger.error({ status: response.status }, 'cache expiry after a scheduled publish failed');
  });
  return {
    close: async () => {
      await runner.stop().catch(() => {});
      await collab.close().catch(() => {});
      // Keep-alive connections would hold close() open forever: end them as soon as it is called.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await app.close();
    },
  };
}
