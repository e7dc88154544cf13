import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { jobRunnerStatus } from '@/lib/jobs/state';
import { logger } from '@/lib/logger';

export const dynamic = 'force-dynamic';

const DB_TIMEOUT_MS = 2_000;

// Liveness plus a database round trip and the job runner's state.
export async function GET() {
  try {
    await Promise.race([
      getDb().execute(sql`select 1`),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${DB_TIMEOUT_MS} ms`)), DB_TIMEOUT_MS)),
    ]);
    // The job runner runs in this process (scripts/server.ts); without it nothing scheduled would ever publish.
    if (jobRunnerStatus() !== 'running') {
      return Response.json({ status: 'error', db: 'ok', jobs: 'error', reason: 'job runner: not running' }, { status: 503, headers: { 'cache-control': 'no-store' } });
    }
    return Response.json({ status: 'ok', db: 'ok', jobs: 'ok' }, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    // Drizzle wraps the driver's error; its cause says what actually happened (ECONNREFUSED, 57P01…).
    const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
    const reason = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : 'unknown error');
    logger.warn({ reason }, 'health: database check failed');
    return Response.json({ status: 'error', db: 'error', jobs: jobRunnerStatus() === 'running' ? 'ok' : 'error', reason: `database: ${reason}` }, { status: 503, headers: { 'cache-control': 'no-store' } });
  }
}
