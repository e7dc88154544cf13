import { createServer } from 'node:http';
import next from 'next';

// Our HTTP server around Next's request handler. It exists for one reason:
// Next keeps a client-sent X-Forwarded-For as it is, so the connection's
// address would be lost and a client could pose as any IP to the sign-in
// throttle. Here every request's X-Forwarded-For gets the peer address
// appended, the way a proxy does, and lib/http/client-ip.ts trusts only the
// last TRUST_PROXY_HOPS + 1 entries.

export type RunningServer = { close: () => Promise<void> };

export async function startServer(options: { dev: boolean; port: number; hostname?: string }): Promise<RunningServer> {
  const app = next({ dev: options.dev, hostname: options.hostname ?? 'localhost', port: options.port, turbopack: options.dev });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    const claimed = req.headers['x-forwarded-for'];
    const peer = req.socket.remoteAddress ?? '';
    req.headers['x-forwarded-for'] = [...(Array.isArray(claimed) ? claimed : claimed ? [claimed] : []), peer].filter(Boolean).join(', ');
    void handle(req, res);
  });
  const upgrade = app.getUpgradeHandler();
  server.on('upgrade', (req, socket, head) => void upgrade(req, socket, head));
  await new Promise<void>((resolve) => server.listen(options.port, options.hostname, resolve));
  console.error(`sahifa: ${options.dev ? 'development' : 'production'} server on http://${options.hostname ?? 'localhost'}:${options.port}`);
  return {
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await app.close();
    },
  };
}
