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
//
// Down includes hung: a Redis that keeps its connections open and answers
// nothing (stopped, blocked, a link that drops packets) closes nothing, so
// the subscription is checked with a PING every second (two seconds to
// answer); every command has a time limit (a reader's page is rendered rather
// than wait); and an expiry Redis did not take is sent again until it does,
// since the other instances' copies would otherwise outlive the change for
// the local TTL (an hour).

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

/** Longer than any command here takes on a working Redis (they are one key or one small script). */
const COMMAND_TIMEOUT_MS = 500;
const HEARTBEAT_MS = 1_000;
/** Generous: an event loop held up by a burst of renders must not pass for a hung Redis (it costs every local copy). */
const HEARTBEAT_TIMEOUT_MS = 2_000;
const RECONNECT_AFTER_MISSES = 3;
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

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
  private readonly heartbeat: NodeJS.Timeout;
  private beating = false;
  /** A heartbeat went unanswered: the copies kept meanwhile are cleared when it answers again. */
  private missed = false;
  private unanswered = 0;
  /** Expiries Redis did not take, sent again every second until it does: tag → when it was last refused. */
  private readonly unsent = new Map<string, number>();
  private retrying: NodeJS.Timeout | undefined;
  private sending = false;
  private refusals = 0;
  private closed = false;

  constructor(private readonly options: SharedStoreOptions) {
    this.prefix = `sahifa:page:${options.namespace}:`;
    this.channel = `${this.prefix}expire`;
    // Fail fast rather than queue: a page is rendered instead of waiting on Redis.
    const connection = { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000 };
    this.client = new Redis(options.url, { ...connection, commandTimeout: COMMAND_TIMEOUT_MS });
    this.subscriber = new Redis(options.url, { ...connection, enableOfflineQueue: true, maxRetriesPerRequest: null });
    for (const redis of [this.client, this.subscriber]) redis.on('error', options.onError);
    this.subscriber.on('message', (_channel: string, message: string) => {
      const parsed = parseMessage(message);
      if (parsed && parsed.origin !== this.origin) options.onRemoteExpire(parsed.tags);
    });
    this.subscriber.on('ready', () => {
      void this.subscriber.subscribe(this.channel).then(() => {
        this.missed = false;
        this.live = true;
        options.onResubscribed();
      }, options.onError);
    });
    this.subscriber.on('close', () => {
      this.live = false;
    });
    this.heartbeat = setInterval(() => void this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Whether the subscription still answers: a hung Redis closes nothing. Copies kept while it did not are cleared. */
  private async beat(): Promise<void> {
    if (this.subscriber.status !== 'ready' || this.beating) return;
    this.beating = true;
    // After the time limit, one turn of the event loop's I/O before deciding: a loop held up by a burst of renders runs
    // its late timers before it reads the sockets, and an answer already waiting must not pass for no answer.
    const late = delay(HEARTBEAT_TIMEOUT_MS).then(() => new Promise<false>((resolve) => setImmediate(() => resolve(false))));
    const answered = await Promise.race([this.subscriber.ping().then(() => true, () => false), late]);
    this.beating = false;
    // Closed while it waited: a reconnect now would open a connection nobody closes.
    if (this.closed) return;
    if (!answered) {
      this.live = false;
      this.missed = true;
      // A link that went dead without closing (a half-open TCP connection) would stay so for many minutes: after a
      // few unanswered beats the subscriber connects again, and resubscribes, by itself once Redis answers.
      if (++this.unanswered >= RECONNECT_AFTER_MISSES) {
        this.unanswered = 0;
        this.subscriber.disconnect(true);
      }
    } else {
      this.unanswered = 0;
      if (this.missed && this.subscriber.status === 'ready') {
        // Every message sent before the answer has been heard by now (one connection, in order).
        this.missed = false;
        this.live = true;
        this.options.onResubscribed();
      }
    }
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

  /** Expires the tags everywhere; if Redis does not take it, it is sent again every second until it does (and rejects). */
  async expire(tags: readonly string[]): Promise<void> {
    try {
      await this.send(tags);
    } catch (error) {
      for (const tag of tags) this.unsent.set(tag, ++this.refusals);
      this.retrying ??= setInterval(() => void this.retry(), HEARTBEAT_MS);
      this.retrying.unref();
      throw error;
    }
  }

  private async send(tags: readonly string[]): Promise<void> {
    const keys = [this.seqKey(), ...tags.map((tag) => this.tagKey(tag))];
    await this.client.eval(EXPIRE, keys.length, ...keys, this.channel, JSON.stringify({ origin: this.origin, tags }));
  }

  private async retry(): Promise<void> {
    // Not while Redis does not answer: a command that timed out still waits in the client's queue, and one more a
    // second would all run, each a round of expiries on every instance, the moment it answers again.
    if (this.sending || !this.live) return;
    this.sending = true;
    const sent = [...this.unsent];
    try {
      await this.send(sent.map(([tag]) => tag));
      // A tag refused again while this was on its way stays, for the change that refusal was about.
      for (const [tag, refusal] of sent) if (this.unsent.get(tag) === refusal) this.unsent.delete(tag);
      if (this.unsent.size === 0) {
        clearInterval(this.retrying);
        this.retrying = undefined;
      }
    } catch (error) {
      this.options.onError(error);
    } finally {
      this.sending = false;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.heartbeat);
    clearInterval(this.retrying);
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
