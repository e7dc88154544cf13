import { describe, expect, it } from 'vitest';
import { checkTarget, isPublicAddress, type Resolve } from './address';

// SSRF: which addresses a webhook may reach without an admin's explicit leave.

const resolver =
  (table: Record<string, string[]>): Resolve =>
  async (host) => {
    const found = table[host];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return found;
  };

describe('isPublicAddress', () => {
  const refused = [
    ['loopback', '127.0.0.1'],
    ['loopback, anywhere in 127/8', '127.255.0.9'],
    ['IPv6 loopback', '::1'],
    ['unspecified', '0.0.0.0'],
    ['IPv6 unspecified', '::'],
    ['RFC 1918 10/8', '10.0.0.1'],
    ['RFC 1918 10/8, far end', '10.255.255.254'],
    ['RFC 1918 172.16/12', '172.31.0.1'],
    ['RFC 1918 192.168/16', '192.168.1.1'],
    ['carrier-grade NAT (Alibaba metadata)', '100.100.100.200'],
    ['link-local: the cloud metadata address', '169.254.169.254'],
    ['IPv4-mapped loopback', '::ffff:127.0.0.1'],
    ['IPv4-mapped loopback, hex form', '::ffff:7f00:1'],
    ['IPv4-mapped metadata', '::ffff:169.254.169.254'],
    ['IPv4-mapped private', '::ffff:10.1.2.3'],
    ['NAT64 of loopback', '64:ff9b::7f00:1'],
    ['6to4 of loopback', '2002:7f00:1::1'],
    ['unique-local IPv6 (AWS metadata fd00:ec2::254)', 'fd00:ec2::254'],
    ['IPv6 link-local', 'fe80::1'],
    ['multicast', '224.0.0.1'],
    ['broadcast', '255.255.255.255'],
    ['documentation', '192.0.2.10'],
    ['not an address', 'example.com'],
  ] as const;
  for (const [what, address] of refused) {
    it(`refuses ${what} (${address})`, () => expect(isPublicAddress(address)).toBe(false));
  }
  for (const address of ['8.8.8.8', '1.1.1.1', '93.184.215.14', '2606:4700:4700::1111', '::ffff:8.8.8.8']) {
    it(`allows the public address ${address}`, () => expect(isPublicAddress(address)).toBe(true));
  }
});

describe('checkTarget', () => {
  const dns = resolver({
    'metadata.internal': ['169.254.169.254'],
    'loop.example': ['127.0.0.1'],
    'mapped.example': ['::ffff:127.0.0.1'],
    'ten.example': ['10.0.0.7'],
    // One bad address among good ones is enough: the connection could go to any of them.
    'mixed.example': ['93.184.215.14', '10.0.0.7'],
    'hooks.example': ['93.184.215.14', '2606:4700:4700::1111'],
  });

  it('refuses names that resolve to loopback, private, link-local or mapped addresses', async () => {
    for (const host of ['metadata.internal', 'loop.example', 'mapped.example', 'ten.example', 'mixed.example']) {
      expect(await checkTarget(`https://${host}/hook`, false, dns), host).toEqual({ ok: false, reason: 'private_address' });
    }
  });

  it('refuses literal addresses, in brackets for IPv6, without asking DNS', async () => {
    const noDns: Resolve = async () => {
      throw new Error('DNS must not be asked for a literal address');
    };
    for (const url of ['http://127.0.0.1:8080/', 'http://[::1]/', 'http://10.0.0.1/', 'http://169.254.169.254/latest/meta-data/', 'http://[::ffff:127.0.0.1]/', 'http://[::ffff:a9fe:a9fe]/']) {
      expect(await checkTarget(url, false, noDns), url).toEqual({ ok: false, reason: 'private_address' });
    }
  });

  it('refuses localhost, resolved by the system resolver', async () => {
    expect(await checkTarget('http://localhost:3000/hook', false)).toEqual({ ok: false, reason: 'private_address' });
  });

  it('takes a name whose every address is public, and keeps the addresses to connect to', async () => {
    const check = await checkTarget('https://hooks.example/in', false, dns);
    expect(check).toMatchObject({ ok: true, addresses: ['93.184.215.14', '2606:4700:4700::1111'] });
  });

  it('allows private targets only when the hook allows them', async () => {
    expect(await checkTarget('http://127.0.0.1:9000/hook', true, dns)).toMatchObject({ ok: true, addresses: ['127.0.0.1'] });
    expect(await checkTarget('https://metadata.internal/', true, dns)).toMatchObject({ ok: true, addresses: ['169.254.169.254'] });
  });

  it('refuses what is not an http(s) URL with a host and no credentials, and names that do not resolve', async () => {
    for (const url of ['ftp://hooks.example/', 'file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@hooks.example/', 'not a url', 'http://']) {
      expect(await checkTarget(url, true, dns), url).toEqual({ ok: false, reason: 'invalid_url' });
    }
    expect(await checkTarget('https://nowhere.example/', false, dns)).toEqual({ ok: false, reason: 'unresolvable' });
  });
});
