import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { cdnTag, purgeCdn, tagHeaders } from './cdn';

// The purge hook over real HTTP, against a stand-in for a CDN's purge API.
async function withPurgeEndpoint(status: number, run: (url: string, seen: { headers?: IncomingHttpHeaders; body?: string }) => Promise<void>) {
  const seen: { headers?: IncomingHttpHeaders; body?: string } = {};
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      Object.assign(seen, { headers: req.headers, body });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}/purge`, seen);
  } finally {
    server.close();
  }
}

describe('purgeCdn', () => {
  it('posts the tags, percent-encoded, with the token', async () => {
    await withPurgeEndpoint(200, async (url, seen) => {
      const errors: unknown[] = [];
      await purgeCdn({ sMaxAge: 60, staleWhileRevalidate: 60, purgeUrl: url, purgeToken: 't0k' }, ['latest', 'slug:سوفت-بنك'], (error) => errors.push(error));
      expect(errors).toEqual([]);
      expect(JSON.parse(seen.body as string)).toEqual({ tags: ['latest', `slug:${encodeURIComponent('سوفت-بنك')}`] });
      expect(seen.headers?.authorization).toBe('Bearer t0k');
      expect(seen.headers?.['surrogate-key']).toBe(`latest slug:${encodeURIComponent('سوفت-بنك')}`);
    });
  });

  it('reports a refusal or an unreachable CDN instead of throwing', async () => {
    await withPurgeEndpoint(500, async (url) => {
      const errors: unknown[] = [];
      await purgeCdn({ sMaxAge: 60, staleWhileRevalidate: 60, purgeUrl: url }, ['latest'], (error) => errors.push(error));
      expect(String(errors[0])).toContain('500');
    });
    const errors: unknown[] = [];
    await purgeCdn({ sMaxAge: 60, staleWhileRevalidate: 60, purgeUrl: 'http://127.0.0.1:1/purge' }, ['latest'], (error) => errors.push(error));
    expect(errors).toHaveLength(1);
  });

  it('does nothing without a hook', async () => {
    const errors: unknown[] = [];
    await purgeCdn({ sMaxAge: 60, staleWhileRevalidate: 60 }, ['latest'], (error) => errors.push(error));
    expect(errors).toEqual([]);
  });
});

describe('tagHeaders', () => {
  it('lists the tags the way Cloudflare and Fastly read them', () => {
    expect(tagHeaders(['front', 'section:تقنية'])).toEqual({ 'cache-tag': `front,section:${encodeURIComponent('تقنية')}`, 'surrogate-key': `front section:${encodeURIComponent('تقنية')}` });
  });
});

describe('cdnTag', () => {
  it('keeps short tags readable and hashes long ones the same way in headers and in the purge', async () => {
    expect(cdnTag('slug:سوفت-بنك')).toBe(`slug:${encodeURIComponent('سوفت-بنك')}`);
    const long = `legacy:/technology/${'ب'.repeat(2000)}`;
    const hashed = cdnTag(long);
    expect(hashed).toMatch(/^legacy:#[0-9a-f]{40}$/);
    expect(cdnTag(`legacy:/technology/${'ب'.repeat(2001)}`)).not.toBe(hashed);
    expect(tagHeaders([long, 'latest'])['surrogate-key']).toBe(`${hashed} latest`);
    await withPurgeEndpoint(200, async (url, seen) => {
      await purgeCdn({ sMaxAge: 60, staleWhileRevalidate: 60, purgeUrl: url }, [long], () => {});
      expect(JSON.parse(seen.body as string)).toEqual({ tags: [hashed] });
    });
  });
});
