import { Agent, createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { drainable } from './drain';

// The drain against a real HTTP server and a keep-alive client, as a proxy in front would hold one.

const agent = new Agent({ keepAlive: true, maxSockets: 1 });
afterEach(() => agent.destroy());

function get(port: number): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('drainable', () => {
  it('tells a keep-alive client to close even when the handler answers synchronously and was attached first', async () => {
    // The order of the production server: the handler (which answers a cached page at once) before the drainer.
    const server = createServer((_req, res) => {
      res.writeHead(200, ['content-type', 'text/plain']);
      res.end('ok');
    });
    const drainer = drainable(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;

    const before = await get(port);
    expect(before.headers.connection).toBe('keep-alive');
    const drained = drainer.drain(5_000);
    // On the same kept-alive connection, after the drain began: answered in full, and told to close.
    const during = await get(port);
    expect(during.statusCode).toBe(200);
    expect(during.headers.connection).toBe('close');
    expect(await drained).toEqual({ forced: 0 });
  });

  it('still answers a connection made just after the drain began, and then closes the port', async () => {
    const server = createServer((_req, res) => res.end('ok'));
    const drainer = drainable(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const drained = drainer.drain(5_000);
    // A connection the kernel completed as the stop came (waiting to be accepted): answered, and told to close.
    const late = await get(port);
    expect(late.statusCode).toBe(200);
    expect(late.headers.connection).toBe('close');
    expect(await drained).toEqual({ forced: 0 });
    await expect(get(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
