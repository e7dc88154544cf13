import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import ar from '../../messages/ar.json';
import en from '../../messages/en.json';
import { readerLabels, type ReaderNamespace } from './reader-labels';

const NAMESPACES: ReaderNamespace[] = ['site', 'search', 'article', 'notFound', 'gone', 'pagination', 'preview', 'section', 'tag', 'author'];
type Tree = { [key: string]: string | Tree };
const keysOf = (tree: Tree, prefix = ''): string[] => Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [prefix + key] : keysOf(value, `${prefix}${key}.`)));
const argumentsOf = (message: string) => Object.fromEntries([...message.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name, `«${name}»`]));
const messageAt = (tree: Tree, key: string) => key.split('.').reduce<string | Tree>((node, part) => (node as Tree)[part] as string | Tree, tree) as string;

describe('readerLabels', () => {
  for (const [locale, messages] of [['ar', ar], ['en', en]] as const) {
    it(`gives what next-intl gives for every plain reader label (${locale})`, () => {
      let checked = 0;
      for (const namespace of NAMESPACES) {
        const tree = messages[namespace] as Tree;
        const intl = createTranslator({ locale, messages, namespace });
        const plain = readerLabels(namespace, locale);
        for (const key of keysOf(tree)) {
          const message = messageAt(tree, key);
          if (/\{\w+,/.test(message)) continue; // ICU forms: refused below, left to next-intl
          const values = argumentsOf(message);
          expect(plain(key, values), `${namespace}.${key}`).toBe((intl as unknown as (key: string, values: object) => string)(key, values));
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(60);
    });
  }

  it('refuses what it cannot render right: an ICU plural, an unknown key, a missing argument', () => {
    const search = readerLabels('search');
    expect(() => search('count', { count: 2, formatted: '2' })).toThrow(/ICU/);
    expect(() => search('no such label')).toThrow(/no reader label/);
    expect(() => readerLabels('site')('footer', { year: 2026 })).toThrow(/\{site\}/);
    expect(readerLabels('article')('noteKinds.correction')).toBe('تصحيح');
  });
});
