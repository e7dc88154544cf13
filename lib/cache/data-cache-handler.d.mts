import type Redis from 'ioredis';

// Types for the plain-JavaScript handler (Next loads it outside its bundle).
type Entry = { lastModified: number; value: unknown };
type GetContext = { kind: string; tags?: string[]; softTags?: string[] };
type SetContext = { tags?: string[]; revalidate?: number | false };

export default class DataCacheHandler {
  constructor(options?: { redis?: Redis; prefix?: string; maxMemoryCacheSize?: number });
  get(key: string, ctx: GetContext): Promise<Entry | null>;
  set(key: string, data: unknown, ctx: SetContext): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  resetRequestCache(): void;
}
