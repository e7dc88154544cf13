import { describe, expect, it } from 'vitest';
import { readShareToken, signShareToken } from './token';

const secret = 'a-test-secret-of-at-least-thirty-two-characters';
const claims = { linkId: '6f1c1b8e-9d6a-4a43-9a53-7f0f3c1d2e4b', expiresAt: new Date('2026-12-01T10:00:00Z') };

describe('share tokens', () => {
  it('round-trips the link id and the expiry (to the second)', () => {
    expect(readShareToken(signShareToken(claims, secret), secret)).toEqual(claims);
  });

  it('refuses a token signed with another secret', () => {
    expect(readShareToken(signShareToken(claims, secret), `${secret}-other`)).toBeNull();
  });

  it('refuses a token whose expiry or link id was changed', () => {
    const [id, seconds, signature] = signShareToken(claims, secret).split('.') as [string, string, string];
    expect(readShareToken(`${id}.${Number(seconds) + 86_400}.${signature}`, secret)).toBeNull();
    expect(readShareToken(`${id.replace(/^6/, '7')}.${seconds}.${signature}`, secret)).toBeNull();
  });

  it('refuses malformed tokens without throwing', () => {
    for (const token of ['', '...', 'a.b.c', `${claims.linkId}.123`, `${claims.linkId}.-5.x`, `${claims.linkId}.1.${'x'.repeat(43)}`, 'ا.ب.ج', `${claims.linkId}.1.sig.extra`]) {
      expect(readShareToken(token, secret)).toBeNull();
    }
  });
});
