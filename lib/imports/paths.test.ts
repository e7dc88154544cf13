import { describe, expect, it } from 'vitest';
import { legacyKey, legacyKeyOfUrl, postQueryOf } from './paths';

describe('legacy paths', () => {
  it('decodes WordPress percent-encoding, drops the trailing slash, keeps only a numeric ?p= on the root', () => {
    expect(legacyKey('/2024/05/%d8%b3%d9%84%d8%a7%d9%85/')).toBe('/2024/05/سلام');
    expect(legacyKey('/2024/05/سلام')).toBe('/2024/05/سلام');
    expect(legacyKey('/', '?p=123')).toBe('/?p=123');
    expect(legacyKey('/', '?p=abc')).toBeNull();
    expect(legacyKey('/', '')).toBeNull();
    expect(legacyKey('/%E0%A4%A')).toBeNull();
    expect(legacyKey('//evil.example/x')).toBeNull();
  });

  it('keeps a permalink only when it is on the old site', () => {
    expect(legacyKeyOfUrl('https://old.example/2024/05/x/', 'https://old.example')).toBe('/2024/05/x');
    expect(legacyKeyOfUrl('https://old.example/?p=7', 'https://old.example')).toBe('/?p=7');
    expect(legacyKeyOfUrl('https://elsewhere.example/2024/05/x/', 'https://old.example')).toBeNull();
  });

  it('reads ?p= as WordPress writes it, and nothing else', () => {
    expect(postQueryOf('42')).toBe('42');
    expect(postQueryOf(['42'])).toBeNull();
    expect(postQueryOf('42; drop')).toBeNull();
  });
});
