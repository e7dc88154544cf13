import os from 'node:os';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { jobRunnerHeartbeats } from '@/db/schema';
import { logger } from '@/lib/logger';
import { metrics } from '@/lib/metrics/registry';

// Dead job runners' jobs, taken back. graphile-worker locks a job with its
// worker pool's id (locked_by) and unlocks it when the job ends; a process
// killed outright (SIGKILL, an OOM kill, a power cut) never does, and the
// job waits until graphile-worker's own expiry, four hours later: a story
// scheduled for 06:00 would go out at 10:00. So each runner keeps a row with
// its pool id fresh (job_runner_heartbeats), and every instance unlocks the
// jobs of a pool whose row is stale with graphile-worker's own
// force_unlock_workers; the job then runs again on any live runner.
//
// A runner only paused (SIGSTOP, a frozen VM) for longer than `deadAfterMs`
// has its job unlocked while it still holds it, and the job may run twice
// at once: every job of ours is safe to run again (docs/operations.md), and
// graphile-worker deletes the job whichever run completes first. A minute is
// far beyond any pause a healthy process has.

export type LivenessOptions = {
  /** How often this runner refreshes its row. */
  heartbeatMs: number;
  /** How often this instance looks for dead runners' jobs. */
  reapMs: number;
  /** A row older than this (or, with no row, a lock older than this) is a dead runner's. */
  deadAfterMs: number;
};

export const DEFAULT_LIVENESS: LivenessOptions = { heartbeatMs: 10_000, reapMs: 15_000, deadAfterMs: 60_000 };

type Loop = { stop: () => Promise<void> };

/** Runs `step` every `ms`, one at a time: a slow database never stacks them up. */
function every(ms: number, step: () => Promise<void>, first = ms): Loop {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = step().finally(() => {
      if (!stopped) timer = setTimeout(tick, ms);
    });
  };
  timer = setTimeout(tick, first);
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/** Keeps `poolId`'s row fresh and unlocks dead pools' jobs until stopped; stopping removes the row. */
export function watchLiveness(poolId: string, options: LivenessOptions = DEFAULT_LIVENESS): { stop: () => Promise<void> } {
  const db = getDb();
  const instance = `${os.hostname()}:${process.pid}`;
  // Since when this runner's heartbeats have all landed on time (null after one failed; restarted by one that
  // took longer than the interval: the database was slow, and others' beats may be waiting behind). Every row is
  // stale after the database has been away for a minute, the live ones too: nothing is judged until this runner
  // has been beating for `deadAfterMs` again, by which time every live runner has beaten too.
  let healthySince: number | null = null;

  const beat = async () => {
    const started = Date.now();
    try {
      await db
        .insert(jobRunnerHeartbeats)
        .values({ poolId, instance, seenAt: sql`now()` })
        .onConflictDoUpdate({ target: jobRunnerHeartbeats.poolId, set: { seenAt: sql`now()` } });
      healthySince = Date.now() - started > options.heartbeatMs ? Date.now() : (healthySince ?? Date.now());
    } catch (error) {
      if (healthySince !== null) logger.warn({ err: error, poolId }, 'job runner heartbeat failed');
      healthySince = null;
    }
  };

  const reap = async () => {
    if (healthySince === null || Date.now() - healthySince < options.deadAfterMs) return;
    try {
      const unlocked = await db.transaction(async (tx) => {
        // One instance at a time, so a dead pool's jobs are logged and counted once.
        const [turn] = await tx.execute<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(hashtext('sahifa:job-liveness')) as ok`);
        if (!turn?.ok) return [];
        // graphile_worker.jobs is the queue's public view; it shows locked_by and locked_at.
        const jobs = await tx.execute<{ id: string; task: string; pool: string; lockedAt: string }>(sql`
          select job.id::text as id, job.task_identifier as task, job.locked_by as pool, job.locked_at::text as "lockedAt"
          from graphile_worker.jobs job
          left join ${jobRunnerHeartbeats} beat on beat.pool_id = job.locked_by
          where job.locked_by is not null
            -- Never itself: woken from a pause, this process may look before it beats.
            and job.locked_by <> ${poolId}
            and coalesce(beat.seen_at, job.locked_at) < now() - ${options.deadAfterMs}::int * interval '1 millisecond'`);
        const pools = [...new Set(jobs.map((job) => job.pool))];
        if (pools.length > 0) await tx.execute(sql`select graphile_worker.force_unlock_workers(array[${sql.join(pools.map((pool) => sql`${pool}`), sql`, `)}]::text[])`);
        // Rows of runners gone without a stop (killed, or their jobs just unlocked): a paused one writes its row again.
        await tx.delete(jobRunnerHeartbeats).where(sql`${jobRunnerHeartbeats.seenAt} < now() - ${options.deadAfterMs}::int * interval '1 millisecond' and ${jobRunnerHeartbeats.poolId} <> ${poolId}`);
        return [...jobs];
      });
      if (unlocked.length === 0) return;
      logger.warn({ jobs: unlocked, pools: [...new Set(unlocked.map((job) => job.pool))] }, 'jobs held by a dead job runner unlocked; they run again');
      for (const job of unlocked) metrics().jobs.inc({ task: job.task, outcome: 'abandoned' });
    } catch (error) {
      logger.warn({ err: error }, 'looking for dead job runners failed');
    }
  };

  const beating = every(options.heartbeatMs, beat, 0);
  // A random start spreads the instances' looks over the interval.
  const reaping = every(options.reapMs, reap, Math.round(options.reapMs * Math.random()));
  let stopped: Promise<void> | undefined;
  return {
    // Removing the row at once: a graceful stop leaves nothing for the others to wait out.
    stop: () =>
      (stopped ??= (async () => {
        await Promise.all([beating.stop(), reaping.stop()]);
        await db
          .delete(jobRunnerHeartbeats)
          .where(sql`${jobRunnerHeartbeats.poolId} = ${poolId}`)
          .catch((error: unknown) => logger.warn({ err: error, poolId }, 'job runner heartbeat not removed; it expires'));
      })()),
  };
}
