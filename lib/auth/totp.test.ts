import { describe, expect, it } from 'vitest';
import { groupSecret, hashRecoveryCode, newRecoveryCodes, newTotpSecret, normalizeCode, totpCode, totpStep, totpUri } from './totp';

// RFC 6238 appendix B: the SHA-1 secret "12345678901234567890", 8-digit codes; we use the last 6 digits.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP', () => {
  it('gives the RFC 6238 test vectors', () => {
    expect(totpCode(RFC_SECRET, new Date(59_000))).toBe('287082');
    expect(totpCode(RFC_SECRET, new Date(1111111109_000))).toBe('081804');
    expect(totpCode(RFC_SECRET, new Date(2000000000_000))).toBe('279037');
  });

  it('accepts the current code and one step either side, with its time step', () => {
    const secret = newTotpSecret();
    const at = new Date(1_800_000_000_000);
    const step = Math.floor(at.getTime() / 30_000);
    expect(totpStep(secret, totpCode(secret, at), at)).toBe(step);
    expect(totpStep(secret, totpCode(secret, new Date(at.getTime() - 30_000)), at)).toBe(step - 1);
    expect(totpStep(secret, totpCode(secret, new Date(at.getTime() + 30_000)), at)).toBe(step + 1);
    expect(totpStep(secret, totpCode(secret, new Date(at.getTime() - 90_000)), at)).toBeNull();
    expect(totpStep(secret, '12345', at)).toBeNull();
  });

  it('reads codes typed with Arabic-Indic or Persian digits, spaces and dashes', () => {
    expect(normalizeCode('٢٨٧ ٠٨٢')).toBe('287082');
    expect(normalizeCode('۲۸۷-۰۸۲')).toBe('287082');
    expect(totpStep(RFC_SECRET, normalizeCode('٢٨٧٠٨٢'), new Date(59_000))).toBe(1);
  });

  it('makes a URI authenticator apps read, and groups the secret for typing', () => {
    expect(totpUri('JBSWY3DPEHPK3PXP', 'editor@sahifa.test')).toBe('otpauth://totp/Sahifa:editor%40sahifa.test?issuer=Sahifa&secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30');
    expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(newTotpSecret()).toMatch(/^[A-Z2-7]{32}$/);
  });
});

describe('recovery codes', () => {
  it('makes ten distinct codes and hashes them whatever the case or dash', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
    expect(hashRecoveryCode(codes[0]!.toLowerCase().replace('-', ' '))).toBe(hashRecoveryCode(codes[0]!));
    expect(hashRecoveryCode(codes[0]!)).not.toBe(hashRecoveryCode(codes[1]!));
  });
});
