import { describe, expect, it } from 'vitest';
import ar from '../../messages/ar.json';
import en from '../../messages/en.json';
import { capabilities, roles } from '../auth/permissions';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

// Argument names: `{name}` and the head of ICU forms such as `{count, plural, …}`.
// Compared as sets: a plural branch repeats its argument, and Arabic has more branches than English.
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]))].sort();

// Language names are written in their own language in both catalogues.
const ownLanguageKeys = new Set(['locale.en', 'locale.switchTo']);

describe('message catalogue', () => {
  const arabic = flatten(ar);
  const english = flatten(en);

  it('has the same keys in Arabic and English', () => {
    expect([...english.keys()].sort()).toEqual([...arabic.keys()].sort());
  });

  it('has no empty strings and the same placeholders in both languages', () => {
    for (const [key, text] of arabic) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('names every capability and role, which the staff pages list', () => {
    for (const capability of Object.keys(capabilities)) expect(arabic.has(`capabilities.${capability}`), capability).toBe(true);
    for (const role of roles) expect(arabic.has(`roles.${role}`), role).toBe(true);
  });

  it('is actually Arabic in the Arabic catalogue', () => {
    for (const [key, text] of arabic) if (!ownLanguageKeys.has(key)) expect(/[\u0600-\u06FF]/.test(text), key).toBe(true);
  });
});
