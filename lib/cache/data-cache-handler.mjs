// Next's data cache (unstable_cache entries, kind FETCH), installed by
// next.config.ts for every server: in Redis when REDIS_URL is set, so a publish
// on one instance expires the reads on all of them; in this process otherwise.
//
// Plain JavaScript: Next loads a cache handler at run time, outside its bundle.
// Ours, not a package: @neshca/cache-handler stops at Next 14, and
// @fortedigital/nextjs-cache-handler (the maintained fork, Next 16) needs
// Node 22, above this project's floor. It is small because it only has to
// keep JSON entries and one time per tag.
//
// - entry `sahifa:cache:<key>`: { lastModified, value, tags }, kept as long as
//   the entry's revalidate time, else a day;
// - hash `sahifa:tags`: tag → when it was last expired (ms). An entry is a
//   miss when any of its tags was expired at or after its lastModified.
//
// **An entry is as old as the read that made it.** unstable_cache asks (a
// miss), reads the database, then stores what it read. An expiry landing
// between the read and the store (a publish during a busy minute) must expire
// that entry too, or the old data would be kept until the next change of the
// story (a correction not shown for a day); Next's own handler dates an entry
// when it is stored, and has that race. Next makes a handler per request, and
// a request reads a key once (lib/reader/tagged-cache.ts), so the handler dates
// a store by the time that request asked for the key, and keeps no store it
// was not asked for first (nothing says when its data was read). Times are
// Next's own clock (the one it dates its tag expiries with in this process, and
// checks our entries against), so the instances' clocks must agree (NTP), as
// for any cache shared between machines; an expiry never moves a tag's time
// back (two instances' expiries landing out of order).
//
// If Redis does not answer, a read is a miss (the database answers instead)
// and a write is dropped: slower, never stale. Except a tag's expiry: Redis
// keeps the entries written before it stopped, and one whose tag could not be
// marked would be served as fresh once it is back (a publish made during a
// blip, stale for a day). So an expiry Redis did not take is written again
// every second until it does.
//
// Other kinds (route and page responses) stay in this process: the reader
// pages are dynamic, and the few prerendered files are the same everywhere.

import Redis from 'ioredis';

const PREFIX = 'sahifa:cache:';
const TAGS = 'sahifa:tags';
const DAY_SECONDS = 86_400;
/** Without Redis: the entries' JSON kept in memory, at most (Next's own default is the same 50 MB). */
const MEMORY_BYTES = 50 * 1024 * 1024;
/** Without Redis: past this many tags' expiry times, the older half is forgotten (and what it could expire). */
const MAX_TAG_TIMES = 20_000;

/** Next's clock for cache times (its tag manifest uses the same). */
const now = () => performance.timeOrigin + performance.now();

/** @type {Redis | undefined} */
let shared;
function sharedRedis() {
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

// Each tag set to the time given, unless it is already later.
const EXPIRE_SCRIPT = `
local at = tonumber(ARGV[1])
for i = 2, #ARGV do
  local old = tonumber(redis.call('HGET', KEYS[1], ARGV[i]) or '0')
  if old < at then redis.call('HSET', KEYS[1], ARGV[i], ARGV[1]) end
end
return 1`;

/** @param {Redis} client @param {string} hash @param {string[]} tags */
const expireInRedis = (client, hash, tags) => client.eval(EXPIRE_SCRIPT, 1, hash, String(now()), ...tags);

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
    // Dated when it lands: an entry stored in between is expired too, which costs a read, never a stale one.
    try {
      await expireInRedis(
        pending.client,
        hash,
        sent.map(([tag]) => tag),
      );
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

/** @param {(number | string | null)[]} times @param {number} lastModified */
const expiredSince = (times, lastModified) => times.some((time) => time !== null && Number(time) >= lastModified);

/** Entries and tag times shared through Redis. */
class RedisStore {
  /** @param {() => Redis} redis @param {string} prefix */
  constructor(redis, prefix) {
    this.redis = redis;
    this.prefix = prefix;
  }

  /** @param {string} key @param {string[]} extraTags */
  async get(key, extraTags) {
    const redis = this.redis();
    const raw = await redis.get(this.prefix + PREFIX + key);
    if (!raw) return null;
    const entry = JSON.parse(raw);
    const tags = [...new Set([...(entry.tags ?? []), ...extraTags])];
    return tags.length === 0 || !expiredSince(await redis.hmget(this.prefix + TAGS, ...tags), entry.lastModified) ? entry : null;
  }

  /** @param {string} key @param {unknown} value @param {string[]} tags @param {number} seconds @param {number} lastModified */
  async set(key, value, tags, seconds, lastModified) {
    await this.redis().set(this.prefix + PREFIX + key, JSON.stringify({ lastModified, value, tags }), 'EX', seconds);
  }

  /** @param {string[]} tags */
  async expire(tags) {
    const redis = this.redis();
    await expireInRedis(redis, this.prefix + TAGS, tags).catch(() => {
      count('error');
      expireLater(redis, this.prefix + TAGS, tags);
    });
  }
}

/** Entries and tag times in this process (one instance), the entries' JSON bounded in bytes, least recently read out first. */
class MemoryStore {
  /** @param {number} maxBytes */
  constructor(maxBytes) {
    this.maxBytes = maxBytes;
    this.bytes = 0;
    /** @type {Map<string, { value: unknown; bytes: number; lastModified: number; tags: string[] }>} */
    this.entries = new Map();
    /** @type {Map<string, number>} */
    this.tagTimes = new Map();
    /** Tag times before this were forgotten: nothing read before it is kept. */
    this.forgottenBefore = 0;
  }

  /** @param {string} key @param {string[]} extraTags */
  async get(key, extraTags) {
    const entry = this.entries.get(key);
    if (!entry || expiredSince([...entry.tags, ...extraTags].map((tag) => this.tagTimes.get(tag) ?? null), entry.lastModified)) return null;
    // Most recently read last: the Map's order is the eviction order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** @param {string} key @param {unknown} value @param {string[]} tags @param {number} _seconds @param {number} lastModified */
  async set(key, value, tags, _seconds, lastModified) {
    this.drop(key);
    if (lastModified < this.forgottenBefore) return;
    // Two bytes a character: what V8 keeps of text that is not all Latin-1 (Arabic).
    const bytes = JSON.stringify(value).length * 2;
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { value, bytes, lastModified, tags });
    this.bytes += bytes;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.drop(oldest);
    }
  }

  /** @param {string} key */
  drop(key) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  /** @param {string[]} tags */
  async expire(tags) {
    const at = now();
    for (const tag of tags) this.tagTimes.set(tag, Math.max(at, this.tagTimes.get(tag) ?? 0));
    if (this.tagTimes.size > MAX_TAG_TIMES) this.forgetOlderHalf();
  }

  /**
   * The older half of the tag times goes, and with it every entry read before the newest of them (one of those tags
   * may have expired it) and every store of a read made before it: a read, never a stale answer.
   */
  forgetOlderHalf() {
    const times = [...this.tagTimes.values()].sort((a, b) => a - b);
    const cutoff = times[Math.floor(times.length / 2)];
    for (const [tag, time] of this.tagTimes) if (time < cutoff) this.tagTimes.delete(tag);
    for (const [key, entry] of this.entries) if (entry.lastModified <= cutoff) this.drop(key);
    this.forgottenBefore = Math.max(this.forgottenBefore, cutoff);
  }
}

/** One store per process: Next makes a handler per request. */
let memory;
/** Other kinds: the few prerendered responses (the not-found page), in this process. */
const local = new Map();

export default class DataCacheHandler {
  /** @param {{ redis?: Redis; prefix?: string; maxMemoryCacheSize?: number }} [options] */
  constructor(options = {}) {
    const redis = options.redis;
    this.store =
      redis || process.env.REDIS_URL
        ? new RedisStore(() => redis ?? sharedRedis(), options.prefix ?? '')
        : (memory ??= new MemoryStore(options.maxMemoryCacheSize || MEMORY_BYTES));
    /** When this request asked for each key: the date of what it stores under it. @type {Map<string, number>} */
    this.askedAt = new Map();
  }

  /**
   * @param {string} key
   * @param {{ kind: string; tags?: string[]; softTags?: string[] }} ctx
   */
  async get(key, ctx) {
    if (ctx.kind !== 'FETCH') return local.get(key) ?? null;
    // Asked before the store is read: whatever this request reads and stores after is at most this old. A hit
    // counts too: Next may still judge it expired by its own tag times and read the database instead. The first
    // ask wins: a route handler may read one key twice at once.
    if (!this.askedAt.has(key)) this.askedAt.set(key, now());
    try {
      const entry = await this.store.get(key, [...(ctx.tags ?? []), ...(ctx.softTags ?? [])]);
      count(entry ? 'hit' : 'miss');
      return entry && { lastModified: entry.lastModified, value: entry.value };
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
    if (!data || data.kind !== 'FETCH') {
      if (data) local.set(key, { lastModified: Date.now(), value: data });
      else local.delete(key);
      return;
    }
    const lastModified = this.askedAt.get(key);
    this.askedAt.delete(key);
    if (lastModified === undefined) return;
    const revalidate = typeof data.revalidate === 'number' && data.revalidate > 0 ? data.revalidate : DAY_SECONDS;
    try {
      await this.store.set(key, data, ctx.tags ?? [], Math.min(revalidate, DAY_SECONDS), lastModified);
    } catch {
      count('error');
    }
  }

  /** @param {string | string[]} tags */
  async revalidateTag(tags) {
    const list = typeof tags === 'string' ? [tags] : tags;
    if (list.length === 0) return;
    // The local entries are few prerendered responses: drop them all rather than parse their tags.
    local.clear();
    await this.store.expire(list);
  }

  resetRequestCache() {
    this.askedAt.clear();
  }
}
