import { purgeCdn, type CdnConfig } from './cdn';
import type { Entry } from './entry';
import { LocalStore } from './local-store';
import { SharedStore } from './shared-store';

// The response cache of reader pages: an in-process LRU, in front of Redis
// when REDIS_URL is set. Correct on one instance without Redis; with it, an
// expiry on any instance reaches every other one through pub/sub.

export type PageCacheOptions = {
  maxBytes: number;
  ttlSeconds: number;
  redisUrl?: string;
  namespace: string;
  cdn: CdnConfig;
  /** Another instance expired these tags: this one must expire its Next data cache and its pages. */
  onRemoteExpire: (tags: string[]) => void;
  report: (error: unknown, message: string) => void;
};

/** What a miss hands back to `store`: the expiry counters seen before rendering. */
export type Ticket = { local: number; shared: string | null };

export class PageCache {
  readonly local: LocalStore;
  private readonly shared: SharedStore | null;

  constructor(private readonly options: PageCacheOptions) {
    this.local = new LocalStore({ maxBytes: options.maxBytes, ttlMs: options.ttlSeconds * 1000 });
    this.shared = options.redisUrl
      ? new SharedStore({
          url: options.redisUrl,
          namespace: options.namespace,
          ttlSeconds: options.ttlSeconds,
          onRemoteExpire: options.onRemoteExpire,
          onResubscribed: () => this.local.clear(),
          onError: (error) => options.report(error, 'page cache: redis'),
        })
      : null;
  }

  /**
   * The in-process copy only, synchronously: what a hit is answered from with
   * no promise, no Redis round trip and nothing else in between. Undefined
   * while the shared layer's subscription is down (an expiry may have been missed).
   */
  peek(key: string): Entry | undefined {
    return !this.shared || this.shared.live ? this.local.get(key) : undefined;
  }

  async lookup(key: string): Promise<{ entry: Entry | null; ticket: Ticket }> {
    const trustLocal = !this.shared || this.shared.live;
    const ticket: Ticket = { local: this.local.seq, shared: null };
    const local = trustLocal ? this.local.get(key) : undefined;
    // Down (or hung, as the heartbeat found): the page is rendered without asking Redis, and kept only here.
    if (local || !this.shared || !trustLocal) return { entry: local ?? null, ticket };
    try {
      const { entry, seq } = await this.shared.lookup(key);
      if (entry && trustLocal) this.local.set(key, entry, ticket.local);
      return { entry, ticket: { ...ticket, shared: seq } };
    } catch (error) {
      this.options.report(error, 'page cache: redis lookup');
      return { entry: null, ticket };
    }
  }

  store(key: string, entry: Entry, ticket: Ticket): void {
    this.local.set(key, entry, ticket.local);
    if (this.shared && ticket.shared !== null) this.shared.store(key, entry, ticket.shared).catch((error: unknown) => this.options.report(error, 'page cache: redis store'));
  }

  /** This instance only: its own copies (another instance already cleared Redis and told us). */
  expireHere(tags: readonly string[]): void {
    this.local.expire(tags);
  }

  /** A change readers should see: every instance's pages, the shared layer, and the CDN. */
  async expireEverywhere(tags: readonly string[]): Promise<void> {
    this.local.expire(tags);
    if (this.shared) await this.shared.expire(tags).catch((error: unknown) => this.options.report(error, 'page cache: redis expire'));
    void purgeCdn(this.options.cdn, tags, (error) => this.options.report(error, 'page cache: CDN purge failed'));
  }

  async close(): Promise<void> {
    await this.shared?.close();
  }
}
