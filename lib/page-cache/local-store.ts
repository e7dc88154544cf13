import { LRUCache } from 'lru-cache';
import { entrySize, type Entry } from './entry';

// The in-process layer: least recently used pages go first once the stored
// bytes pass the bound. A tag index finds every page a tag expires. `seq`
// counts expiries, so a render that began before one is never stored after it
// (it may have read the data the expiry was about).

export class LocalStore {
  private readonly lru: LRUCache<string, Entry>;
  private readonly byTag = new Map<string, Set<string>>();
  seq = 0;

  constructor(options: { maxBytes: number; ttlMs: number }) {
    this.lru = new LRUCache<string, Entry>({
      maxSize: options.maxBytes,
      // A page larger than a tenth of the bound would push out too much to be worth keeping.
      maxEntrySize: Math.max(1, Math.floor(options.maxBytes / 10)),
      sizeCalculation: entrySize,
      ttl: options.ttlMs,
      dispose: (entry, key) => this.unindex(key, entry.tags),
    });
  }

  get(key: string): Entry | undefined {
    return this.lru.get(key);
  }

  /** Stores the entry unless an expiry happened since `seqAtStart`. */
  set(key: string, entry: Entry, seqAtStart: number): boolean {
    if (seqAtStart !== this.seq) return false;
    this.lru.set(key, entry);
    if (!this.lru.has(key)) return false;
    for (const tag of entry.tags) {
      const keys = this.byTag.get(tag) ?? new Set<string>();
      keys.add(key);
      this.byTag.set(tag, keys);
    }
    return true;
  }

  expire(tags: readonly string[]): number {
    this.seq++;
    let dropped = 0;
    for (const tag of tags) {
      for (const key of [...(this.byTag.get(tag) ?? [])]) dropped += this.lru.delete(key) ? 1 : 0;
      this.byTag.delete(tag);
    }
    return dropped;
  }

  clear(): void {
    this.seq++;
    this.lru.clear();
    this.byTag.clear();
  }

  get stats() {
    return { entries: this.lru.size, bytes: this.lru.calculatedSize };
  }

  private unindex(key: string, tags: readonly string[]): void {
    for (const tag of tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.byTag.delete(tag);
    }
  }
}
