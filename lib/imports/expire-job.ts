import { sql } from 'drizzle-orm';
import type { Executor } from '@/db';

// Reader caches live in the server's process (and Redis, and the CDN); an
// import run from the command line is another process. It queues this job
// with the tags it touched, and the server's job runner expires them the way
// a scheduled publish does (lib/jobs/runner.ts).

export const EXPIRE_JOB = 'expire_reader_tags';

export async function queueExpiry(db: Executor, tags: string[]): Promise<void> {
  if (tags.length === 0) return;
  await db.execute(sql`select graphile_worker.add_job(${EXPIRE_JOB}, ${JSON.stringify({ tags })}::json, max_attempts := 5)`);
}

export const tagsOfExpiry = (payload: unknown): string[] => {
  const tags = (payload as { tags?: unknown } | null)?.tags;
  return Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [];
};
