import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';

// A small HTTP reverse proxy in front of several app instances, as nginx or a
// load balancer would stand: requests go round-robin, the client's address is
// appended to X-Forwarded-For, and WebSocket upgrades (co-editing) are passed
// through. A test can pin a request to one upstream with the header
// `x-upstream: <index>` ("publish through instance A"); the header is removed
// before the request goes on. The upstream list is read at each request, so a
// test can start the proxy first (its address is the instances' SITE_URL) and
// fill the list once they are up.

export type HttpProxy = { port: number; base: string; close: () => Promise<void> };

export const UPSTREAM_HEADER = 'x-upstream';

export async function startHttpProxy(upstreams: { host: string; port: number }[], options: { hostname?: string } = {}): Promise<HttpProxy> {
  let next = 0;
  const sockets = new Set<Duplex>();
  const pick = (headers: IncomingHttpHeaders) => {
    const pinned = Number.parseInt(String(headers[UPSTREAM_HEADER] ?? ''), 10);
    delete headers[UPSTREAM_HEADER];
    if (Number.isInteger(pinned) && upstreams[pinned]) return upstreams[pinned];
    if (upstreams.length === 0) throw new Error('the proxy has no upstream yet');
    next = (next + 1) % upstreams.length;
    return upstreams[next] as { host: string; port: number };
  };
  const forwarded = (headers: IncomingHttpHeaders, peer: string | undefined) => {
    const claimed = headers['x-forwarded-for'];
    return [...(Array.isArray(claimed) ? claimed : claimed ? [claimed] : []), peer ?? ''].filter(Boolean).join(', ');
  };

  const server = createServer((req, res) => {
    const headers = { ...req.headers };
    const upstream = pick(headers);
    headers['x-forwarded-for'] = forwarded(headers, req.socket.remoteAddress);
    const out = request({ ...upstream, method: req.method, path: req.url, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
      answer.pipe(res);
    });
    out.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    req.pipe(out);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (req, client, head) => {
    const headers = { ...req.headers };
    const upstream = pick(headers);
    headers['x-forwarded-for'] = forwarded(headers, req.socket.remoteAddress);
    const target = net.connect(upstream.port, upstream.host, () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`, ...Object.entries(headers).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((v) => `${name}: ${v}`))];
      target.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) target.write(head);
      target.pipe(client);
      client.pipe(target);
    });
    for (const socket of [client, target]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        target.destroy();
      });
    }
  });
  const hostname = options.hostname ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(0, hostname, resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    base: `http://${hostname}:${port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
