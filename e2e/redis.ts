import { Redis } from 'ioredis';

// The Redis that several app instances share in the multi-instance specs.

/** Redis logical databases 1–15: one of its own, so a run never reads another run's entries (db 0 is the default others use). */
export function redisUrl(): string {
  const url = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  url.pathname = `/${1 + Math.floor(Math.random() * 15)}`;
  return url.toString();
}

export async function clearSahifaKeys(url: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', 'sahifa:*', 'COUNT', 500);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = nextCursor;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
