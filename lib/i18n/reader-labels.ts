import ar from '@/messages/ar.json';
import en from '@/messages/en.json';
import type { Locale } from './config';

// The reader pages' labels as plain lookups in the catalogues, read once per
// process. next-intl's getTranslations builds a translator and parses every
// message it formats through ICU anew on each request (its caches live in
// React's per-request cache()): 3–4 ms of an uncached article render for a
// dozen fixed strings (docs/reader-performance.md). A reader label is a fixed
// string or one with `{name}` arguments; a message with ICU forms (a plural,
// a select) or ICU quoting is refused here and goes through next-intl.

type Catalogue = typeof ar;
export type ReaderNamespace = 'site' | 'search' | 'article' | 'notFound' | 'gone' | 'pagination' | 'preview' | 'section' | 'tag' | 'author';
type Tree = { [key: string]: string | Tree };
type Values = Record<string, string | number>;
export type Labels = (key: string, values?: Values) => string;

const catalogues: Record<Locale, Catalogue> = { ar, en };

/** An argument `{name}`; anything else in braces (`{count, plural, …}`) or a quote is ICU syntax a plain lookup cannot honour. */
const ARGUMENT = /\{(\w+)\}/g;
const ICU_ONLY = /[{}]|'[{}'#|]/;

/** The labels of one namespace of the reader's catalogue. Unknown keys and ICU messages throw: a label must never render wrong silently. */
export function readerLabels(namespace: ReaderNamespace, locale: Locale = 'ar'): Labels {
  const tree = catalogues[locale][namespace] as Tree;
  return (key, values) => {
    const message = key.split('.').reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree);
    if (typeof message !== 'string') throw new Error(`no reader label ${namespace}.${key} in ${locale}`);
    const filled = message.replace(ARGUMENT, (whole, name: string) => {
      const value = values?.[name];
      if (value === undefined) throw new Error(`reader label ${namespace}.${key} needs {${name}}`);
      return String(value);
    });
    if (ICU_ONLY.test(message.replace(ARGUMENT, ''))) throw new Error(`reader label ${namespace}.${key} is an ICU message: use next-intl`);
    return filled;
  };
}
