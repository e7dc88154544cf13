import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { decodeEntry, encodeEntry, type Entry } from './entry';

// The layer every instance shares when REDIS_URL is set. Pages are stored in
// Redis with a set per tag naming them; an expiry deletes them, bumps a
// sequence number and publishes the tags in one script, so every instance
// drops its own copies (and its Next data cache) on the message, within
// milliseconds. Pub/sub rather than per-tag versions: a hit then costs no
// Redis round trip at all, and an instance whose subscription is down stops
// trusting its local copies until it is back (and clears them then, since it
// may have missed messages).

export type SharedStoreOptions = {
  url: string;
  /** Per build: a page links the build's own CSS, so builds never share entries. */
  namespace: string;
  ttlSeconds: number;
  /** Another instance expired these tags. */
  onRemoteExpire: (tags: string[]) => void;
  /** The subscription (re)started: copies kept meanwhile may have missed an expiry. */
  onResubscribed: () => void;
  onError: (error: unknown) => void;
};

const STORE = `
if (redis.call('GET', KEYS[2]) or '0') ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
for i = 3, #KEYS do
  redis.call('SADD', KEYS[i], KEYS[1])
  redis.call('EXPIRE', KEYS[i], ARGV[3])
end
return 1`;

const EXPIRE = `
for i = 2, #KEYS do
  local pages = redis.call('SMEMBERS', KEYS[i])
  for _, page in ipairs(pages) do redis.call('UNLINK', page) end
  redis.call('UNLINK', KEYS[i])
end
redis.call('INCR', KEYS[1])
redis.call('PUBLISH', ARGV[1], ARGV[2])
return 1`;

export class SharedStore {
  private readonly client: Redis;
  private readonly subscriber: Redis;
  private readonly origin = randomUUID();
  private readonly prefix: string;
  private readonly channel: string;
  /** True while the expiry subscription is live: only then may local copies be served. */
  live = false;

  constructor(private readonly options: SharedStoreOptions) {
    this.prefix = `sahifa:page:${options.namespace}:`;
    this.channel = `${this.prefix}expire`;
    // Fail fast rather than queue: a page is rendered instead of waiting on Redis.
    const connection = { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000 };
    this.client = new Redis(options.url, connection);
    this.subscriber = new Redis(options.url, { ...connection, enableOfflineQueue: true, maxRetriesPerRequest: null });
    for (const redis of [this.client, this.subscriber]) redis.on('error', options.onError);
    this.subscriber.on('message', (_channel: string, message: string) => {
      const parsed = parseMessage(message);
      if (parsed && parsed.origin !== this.origin) options.onRemoteExpire(parsed.tags);
    });
    this.subscriber.on('ready', () => {
      void this.subscriber.subscribe(this.channel).then(() => {
        this.live = true;
        options.onResubscribed();
      }, options.onError);
    });
    this.subscriber.on('close', () => {
      this.live = false;
    });
  }

  /** The stored page, if any, and the expiry sequence to store a fresh render against. */
  async lookup(key: string): Promise<{ entry: Entry | null; seq: string }> {
    const [payload, seq] = await this.client.mgetBuffer(this.pageKey(key), this.seqKey());
    return { entry: payload ? decodeEntry(payload) : null, seq: seq?.toString() ?? '0' };
  }

  /** Stores the page unless some instance expired anything since `seq` was read. */
  async store(key: string, entry: Entry, seq: string): Promise<boolean> {
    const keys = [this.pageKey(key), this.seqKey(), ...entry.tags.map((tag) => this.tagKey(tag))];
    const stored = await this.client.eval(STORE, keys.length, ...keys, seq, encodeEntry(entry), String(this.options.ttlSeconds));
    return stored === 1;
  }

  async expire(tags: readonly string[]): Promise<void> {
    const keys = [this.seqKey(), ...tags.map((tag) => this.tagKey(tag))];
    await this.client.eval(EXPIRE, keys.length, ...keys, this.channel, JSON.stringify({ origin: this.origin, tags }));
  }

  async close(): Promise<void> {
    this.live = false;
    this.client.disconnect();
    this.subscriber.disconnect();
  }

  private pageKey = (key: string) => `${this.prefix}p:${key}`;
  private tagKey = (tag: string) => `${this.prefix}t:${tag}`;
  private seqKey = () => `${this.prefix}seq`;
}

function parseMessage(message: string): { origin: string; tags: string[] } | null {
  try {
    const value = JSON.parse(message) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const { origin, tags } = value as { origin?: unknown; tags?: unknown };
    if (typeof origin !== 'string' || !Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string')) return null;
    return { origin, tags };
  } catch {
    return null;
  }
}
