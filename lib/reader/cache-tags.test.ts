import { describe, expect, it } from 'vitest';
import { dataCacheTag, legacyTag, slugTag } from './cache-tags';

describe('dataCacheTag', () => {
  it('leaves every tag Next takes as it is', () => {
    for (const tag of ['latest', slugTag('سوفت-بنك'), legacyTag(`/2019/${'ب'.repeat(240)}`)]) expect(dataCacheTag(tag)).toBe(tag);
  });

  it('gives a path longer than Next takes (256) its kind and a hash: within the limit, the same for reads and expiries, distinct per path', () => {
    const long = legacyTag(`/2019/05/${'ب'.repeat(300)}`);
    const other = legacyTag(`/2019/05/${'ب'.repeat(299)}ت`);
    expect(long.length).toBeGreaterThan(256);
    expect(dataCacheTag(long)).toMatch(/^legacy:#[0-9a-f]{64}$/);
    expect(dataCacheTag(long)).toBe(dataCacheTag(long));
    expect(dataCacheTag(other)).not.toBe(dataCacheTag(long));
  });
});
