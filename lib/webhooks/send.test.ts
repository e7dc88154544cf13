import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Resolve } from './address';
import { sendSigned } from './send';

// One delivery attempt against real HTTP servers on 127.0.0.1.

type Seen = { headers: IncomingMessage['headers']; body: string };
const servers: Server[] = [];

async function receiver(answer: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      seen.push({ headers: req.headers, body });
      answer(req, res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, seen };
}

afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

const outgoing = (url: string, allowPrivate = true) => ({ url, allowPrivate, secret: 'whsec_test', body: '{"event":"ping"}', headers: { 'sahifa-event': 'ping' } });

describe('sendSigned', () => {
  it('posts the body with a timestamped HMAC-SHA256 signature', async () => {
    const { url, seen } = await receiver((_req, res) => res.writeHead(204).end());
    const attempt = await sendSigned(outgoing(url), { timeoutMs: 5_000 });
    expect(attempt).toMatchObject({ statusCode: 204, error: null });
    expect(seen).toHaveLength(1);
    const [t, v1] = String(seen[0]!.headers['sahifa-signature']).match(/^t=(\d+),v1=([0-9a-f]{64})$/)!.slice(1);
    expect(Math.abs(Number(t) - Date.now() / 1000)).toBeLessThan(5);
    expect(v1).toBe(createHmac('sha256', 'whsec_test').update(`${t}.${seen[0]!.body}`).digest('hex'));
    expect(seen[0]!.headers['sahifa-event']).toBe('ping');
  });

  it('refuses a private address without connecting when the hook does not allow it', async () => {
    const { url, seen } = await receiver((_req, res) => res.end());
    expect(await sendSigned(outgoing(url, false), { timeoutMs: 5_000 })).toMatchObject({ statusCode: null, error: 'private_address' });
    expect(seen).toHaveLength(0);
  });

  it('connects to the address it checked, not to a second lookup of the name', async () => {
    const { url, seen } = await receiver((_req, res) => res.end());
    const port = new URL(url).port;
    let lookups = 0;
    // The system resolver knows no pinned.example: only the checked answer can have reached the receiver.
    const once: Resolve = async () => (lookups++, ['127.0.0.1']);
    expect(await sendSigned(outgoing(`http://pinned.example:${port}/hook`), { timeoutMs: 5_000, resolve: once })).toMatchObject({ statusCode: 200, error: null });
    expect(lookups).toBe(1);
    expect(seen[0]?.headers.host).toBe(`pinned.example:${port}`);
  });

  it('does not follow a redirect', async () => {
    const target = await receiver((_req, res) => res.end());
    const { url } = await receiver((_req, res) => res.writeHead(307, { location: target.url }).end());
    expect(await sendSigned(outgoing(url), { timeoutMs: 5_000 })).toMatchObject({ statusCode: 307, error: 'redirect' });
    expect(target.seen).toHaveLength(0);
  });

  it('gives up at its deadline on a receiver that never answers', async () => {
    const { url } = await receiver(() => {});
    const attempt = await sendSigned(outgoing(url), { timeoutMs: 500 });
    expect(attempt).toMatchObject({ statusCode: null, error: 'timeout' });
    expect(attempt.durationMs).toBeLessThan(2_000);
  });

  it('stops reading a long answer, and a 500 is a failed attempt', async () => {
    const { url } = await receiver((_req, res) => {
      res.writeHead(500);
      // Far more than anyone needs to read, and never ended.
      res.write(Buffer.alloc(512 * 1024, 'x'));
    });
    const attempt = await sendSigned(outgoing(url), { timeoutMs: 5_000, maxResponseBytes: 1024 });
    expect(attempt).toMatchObject({ statusCode: 500, error: 'http_status' });
    expect(attempt.durationMs).toBeLessThan(4_000);
  });
});
