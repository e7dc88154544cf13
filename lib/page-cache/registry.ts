import type { PageCache } from './page-cache';

// Our server creates the page cache; the workflow's actions, inside Next's
// bundle, reach the same object through globalThis (the two load modules
// separately). Types only here, so Next's bundle never loads the Redis client.
const KEY = Symbol.for('sahifa.pageCache');
type Holder = { [KEY]?: PageCache };

export const registerPageCache = (cache: PageCache | undefined) => {
  (globalThis as Holder)[KEY] = cache;
};
export const registeredPageCache = (): PageCache | undefined => (globalThis as Holder)[KEY];
