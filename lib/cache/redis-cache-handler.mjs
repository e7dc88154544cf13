// Next's data cache (unstable_cache entries, kind FETCH) shared by every
// instance through Redis, so a publish on one instance expires the reads on
// all of them. next.config.ts installs it only when REDIS_URL is set; without
// it Next keeps its own per-process cache, as on one instance.
//
// Plain JavaScript: Next loads a cache handler at run time, outside its bundle.
// Ours, not a package: @neshca/cache-handler stops at Next 14, and
// @fortedigital/nextjs-cache-handler (the maintained fork, Next 16) needs
// Node 22, above this project's floor. It is small because it only has to
// keep JSON entries and one timestamp per tag.
//
// - entry `sahifa:cache:<key>`: { lastModified, value, tags }, kept as long as
//   the entry's revalidate time, else a day;
// - hash `sahifa:tags`: tag → when it was last revalidated (ms). An entry is a
//   miss when any of its tags was revalidated after it was written.
// Other kinds (route and page responses) stay in this process: the reader
// pages are dynamic, and the few prerendered files are the same everywhere.
//
// If Redis does not answer, a read is a miss (the database answers instead)
// and a write is dropped: slower, never stale. Except a tag's expiry: Redis
// keeps the entries written before it stopped, and one whose tag could not be
// marked would be served as fresh once it is back (a publish made during a
// blip, stale for a day). So an expiry Redis did not take is written again
// every second until it does.

import Redis from 'ioredis';

const PREFIX = 'sahifa:cache:';
const TAGS = 'sahifa:tags';
const DAY_SECONDS = 86_400;

/** @type {Redis | undefined} */
let shared;
function redis() {
  shared ??= new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
    // Fail fast: a cache that waits is worse than no cache.
    maxRetriesPerRequest: 1,
    commandTimeout: 500,
    enableOfflineQueue: false,
    lazyConnect: false,
  });
  shared.on('error', () => {});
  return shared;
}

/** Tags whose expiry Redis did not take, per tag hash (a handler's Redis and prefix), written again until it does. */
const unsent = new Map();
/** @type {ReturnType<typeof setInterval> | undefined} */
let retrying;
const RETRY_MS = 1000;

let refusals = 0;

/** @param {Redis} client @param {string} hash @param {string[]} tags */
function expireLater(client, hash, tags) {
  // tag → when it was last refused: a tag refused again while a retry is on its way stays for the next one.
  const pending = unsent.get(hash) ?? { client, tags: new Map() };
  refusals += 1;
  for (const tag of tags) pending.tags.set(tag, refusals);
  unsent.set(hash, pending);
  retrying ??= setInterval(retryUnsent, RETRY_MS);
  retrying.unref?.();
}

let sending = false;
async function retryUnsent() {
  if (sending) return;
  sending = true;
  for (const [hash, pending] of unsent) {
    const sent = [...pending.tags];
    // Written with the time it lands: an entry stored in between is expired too, which costs a read, never a stale one.
    const now = String(Date.now());
    try {
      await pending.client.hset(hash, Object.fromEntries(sent.map(([tag]) => [tag, now])));
      for (const [tag, refusal] of sent) if (pending.tags.get(tag) === refusal) pending.tags.delete(tag);
      if (pending.tags.size === 0) unsent.delete(hash);
    } catch {
      count('error');
    }
  }
  sending = false;
  if (unsent.size === 0) {
    clearInterval(retrying);
    retrying = undefined;
  }
}

/** Counters the metrics endpoint reads (lib/metrics), kept on globalThis: this file is loaded outside the bundle. */
function count(event) {
  const hook = globalThis.sahifaCacheEvent;
  if (typeof hook === 'function') hook(event);
}

export default class RedisCacheHandler {
  /** @param {{ redis?: Redis; prefix?: string }} [options] */
  constructor(options = {}) {
    this.client = options.redis;
    this.prefix = options.prefix ?? '';
    /** @type {Map<string, { lastModified: number; value: unknown }>} */
    this.local = new Map();
  }

  get redis() {
    return this.client ?? redis();
  }

  /**
   * @param {string} key
   * @param {{ kind: string; tags?: string[]; softTags?: string[] }} ctx
   */
  async get(key, ctx) {
    if (ctx.kind !== 'FETCH') return this.local.get(key) ?? null;
    try {
      const raw = await this.redis.get(this.prefix + PREFIX + key);
      if (!raw) return (count('miss'), null);
      const entry = JSON.parse(raw);
      const tags = [...new Set([...(entry.tags ?? []), ...(ctx.tags ?? []), ...(ctx.softTags ?? [])])];
      if (tags.length > 0) {
        const times = await this.redis.hmget(this.prefix + TAGS, ...tags);
        if (times.some((time) => time !== null && Number(time) >= entry.lastModified)) return (count('miss'), null);
      }
      count('hit');
      return { lastModified: entry.lastModified, value: entry.value };
    } catch {
      count('error');
      return null;
    }
  }

  /**
   * @param {string} key
   * @param {any} data
   * @param {{ tags?: string[]; revalidate?: number | false }} ctx
   */
  async set(key, data, ctx) {
    const lastModified = Date.now();
    if (!data || data.kind !== 'FETCH') {
      if (data) this.local.set(key, { lastModified, value: data });
      else this.local.delete(key);
      return;
    }
    const revalidate = typeof data.revalidate === 'number' && data.revalidate > 0 ? data.revalidate : DAY_SECONDS;
    try {
      await this.redis.set(this.prefix + PREFIX + key, JSON.stringify({ lastModified, value: data, tags: ctx.tags ?? [] }), 'EX', Math.min(revalidate, DAY_SECONDS));
    } catch {
      count('error');
    }
  }

  /** @param {string | string[]} tags */
  async revalidateTag(tags) {
    const list = typeof tags === 'string' ? [tags] : tags;
    if (list.length === 0) return;
    const now = String(Date.now());
    // The local entries are few prerendered responses: drop them all rather than parse their tags.
    this.local.clear();
    await this.redis.hset(this.prefix + TAGS, Object.fromEntries(list.map((tag) => [tag, now]))).catch(() => {
      count('error');
      expireLater(this.redis, this.prefix + TAGS, list);
    });
  }

  resetRequestCache() {}
}
