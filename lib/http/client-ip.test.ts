import { describe, expect, it } from 'vitest';
import { clientIpFromForwarded, normalizeIp } from './client-ip';

describe('client IP rule', () => {
  it('uses the connection address (the last entry) with no trusted hop', () => {
    expect(clientIpFromForwarded('203.0.113.9', 0)).toBe('203.0.113.9');
    // Whatever the client claims is ignored.
    expect(clientIpFromForwarded('198.51.100.1, 203.0.113.9', 0)).toBe('203.0.113.9');
  });

  it('steps back one entry per trusted proxy hop', () => {
    expect(clientIpFromForwarded('198.51.100.7, 203.0.113.9', 1)).toBe('198.51.100.7');
    expect(clientIpFromForwarded('192.0.2.1, 198.51.100.7, 203.0.113.9, 127.0.0.1', 2)).toBe('198.51.100.7');
  });

  it('never walks past the start of the list', () => {
    expect(clientIpFromForwarded('203.0.113.9', 3)).toBe('203.0.113.9');
    expect(clientIpFromForwarded('', 0)).toBe('unknown');
    expect(clientIpFromForwarded(null, 1)).toBe('unknown');
  });

  it('normalises IPv4-mapped IPv6 and refuses garbage', () => {
    expect(normalizeIp('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeIp('[::1]')).toBe('::1');
    expect(normalizeIp('2001:DB8::1')).toBe('2001:db8::1');
    expect(normalizeIp('not-an-ip')).toBe('unknown');
    expect(clientIpFromForwarded('evil, <script>', 0)).toBe('unknown');
  });
});
