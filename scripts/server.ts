import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import next from 'next';
import { startJobRunner } from '@/lib/jobs/runner';
import { runRequest } from '@/db/availability';
import { logger } from '@/lib/logger';
import { drainable } from './drain';
import { arabicErrorPages } from './error-page';
import { measureRequest } from './request-metrics';
import { unavailableWhenDatabaseIs } from './unavailable';

// Our HTTP server around Next's request handler. It exists for one reason:
// Next keeps a client-sent X-Forwarded-For as it is, so the connection's
// address would be lost and a client could pose as any IP to the sign-in
// throttle. Here every request's X-Forwarded-For gets the peer address
// appended, the way a proxy does, and lib/http/client-ip.ts trusts only the
// last TRUST_PROXY_HOPS + 1 entries.

export type RunningServer = {
  /** Drains: stops accepting, lets requests in flight finish (at most DRAIN_MS), stops the job runner, then the hooks. */
  close: () => Promise<void>;
  /** Work to finish before the database goes away (the co-editing server registers its shutdown here). */
  onClose: (hook: () => Promise<void>) => void;
};

/** How long a stop waits for requests in flight before it cuts the connections left. */
const DRAIN_MS = 10_000;

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
  const app = next({ dev: options.dev, hostname: options.hostname ?? 'localhost', port: options.port, turbopack: options.dev });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) =>
    runRequest(() => {
      const claimed = req.headers['x-forwarded-for'];
      const peer = req.socket.remoteAddress ?? '';
      req.headers['x-forwarded-for'] = [...(Array.isArray(claimed) ? claimed : claimed ? [claimed] : []), peer].filter(Boolean).join(', ');
      measureRequest(req, res);
      if (!options.dev) arabicErrorPages(req, res);
      unavailableWhenDatabaseIs(res);
      void handle(req, res);
    }),
  );
  const drainer = drainable(server);
  const upgrade = app.getUpgradeHandler();
  server.on('upgrade', (req, socket, head) => void upgrade(req, socket, head));
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
  const hooks: (() => Promise<void>)[] = [];
  return {
    close: async () => {
      // The runner stops taking jobs and finishes the ones running while the requests in flight finish.
      const [{ forced }] = await Promise.all([drainer.drain(DRAIN_MS), runner.stop().catch((error: unknown) => logger.error({ error }, 'job runner stop failed'))]);
      if (forced > 0) logger.warn({ forced }, `connections still open after ${DRAIN_MS} ms were cut`);
      for (const hook of hooks) await hook().catch((error: unknown) => logger.error({ error }, 'shutdown hook failed'));
      await app.close();
    },
    onClose: (hook) => void hooks.push(hook),
  };
}
