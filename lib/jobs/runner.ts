import { EventEmitter } from 'node:events';
import { Logger, run, runMigrations, type Runner, type WorkerEvents } from 'graphile-worker';
import { logger } from '@/lib/logger';
import { metrics } from '@/lib/metrics/registry';
import { makeRenditions, RENDITIONS_JOB } from '@/lib/media/renditions-job';
import { publishScheduled, PUBLISH_JOB } from '@/lib/stories/publication';
import { attemptDelivery, WEBHOOK_JOB } from '@/lib/webhooks/queue';
import { EXPIRE_JOB, tagsOfExpiry } from '@/lib/imports/expire-job';
import { IMPORT_JOB, IMPORT_PLAN_JOB, planImportJob, runImportJob } from '@/lib/imports/job';
import { DEFAULT_LIVENESS, watchLiveness, type LivenessOptions } from './liveness';
import { briefJobMeta } from './log-meta';
import { setJobRunnerState } from './state';

// The Postgres-backed job queue (graphile-worker 0.17, the last line that runs
// on Node 20). Jobs live in the database, so a schedule survives restarts and
// several app instances share one queue; a job whose time passed while no
// runner was up runs as soon as one starts. A job held by a runner that was
// killed outright is unlocked by a live one within about a minute (./liveness.ts).

/** Creates the queue's own schema; idempotent, run at start before anything can schedule. */
export async function installJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: quietLogger });
}

/**
 * Starts the runner. `expire` receives the reader cache tags a scheduled
 * publish touched: the job runs outside any request, where Next's
 * revalidateTag cannot be called, so the caller decides how to reach one.
 * `stop()` finishes the running jobs, then removes this runner's heartbeat.
 */
export async function startJobRunner(connectionString: string, expire: (tags: string[]) => Promise<void>, options: { liveness?: LivenessOptions } = {}): Promise<Runner> {
  // Our own emitter, given to run(): the pool announces its id (what it writes in locked_by) before run() returns.
  const events = new EventEmitter() as WorkerEvents;
  let poolId: string | undefined;
  events.once('pool:create', ({ workerPool }) => (poolId = workerPool.id));
  const runner = await run({
    connectionString,
    events,
    concurrency: 2,
    pollInterval: 1_000,
    noHandleSignals: true,
    logger: quietLogger,
    taskList: {
      [RENDITIONS_JOB]: async (payload) => {
        const outcome = await makeRenditions(payload as { mediaId: string });
        logger.info({ payload, outcome }, 'media renditions');
      },
      [PUBLISH_JOB]: async (payload) => {
        const tags = await publishScheduled(payload as { storyId: string; revisionId: string });
        if (tags) {
          logger.info({ payload }, 'scheduled story published');
          await expire(tags);
        }
      },
      // An import expires reader caches as it goes (new stories, old paths that answered 404 before).
      [IMPORT_JOB]: (payload, helpers) => runImportJob(payload, expire, helpers.abortSignal),
      // The dry run of an upload: the request only keeps the file (lib/imports/imports.ts).
      [IMPORT_PLAN_JOB]: (payload, helpers) => planImportJob(payload, helpers.abortSignal),
      // Tags another process touched (an import from the command line).
      [EXPIRE_JOB]: (payload) => expire(tagsOfExpiry(payload)),
      [WEBHOOK_JOB]: async (payload, helpers) => {
        // Throwing hands the retry, and its backoff, to the runner.
        if ((await attemptDelivery(payload, helpers.job)) === 'retry') throw new Error(`webhook delivery failed; retrying (${JSON.stringify(payload)})`);
      },
    },
  });
  // job:error is one failed attempt (it will be retried); job:failed the last one.
  runner.events.on('job:success', ({ job }) => metrics().jobs.inc({ task: job.task_identifier, outcome: 'success' }));
  runner.events.on('job:error', ({ job }) => metrics().jobs.inc({ task: job.task_identifier, outcome: 'error' }));
  if (!poolId) {
    await runner.stop();
    throw new Error('graphile-worker announced no worker pool: its jobs could not be kept alive');
  }
  const liveness = watchLiveness(poolId, options.liveness ?? DEFAULT_LIVENESS);
  setJobRunnerState('running');
  void runner.promise.finally(() => {
    setJobRunnerState('stopped');
    return liveness.stop();
  });
  // The heartbeat goes on while the running jobs finish, and is removed once they have.
  return {
    ...runner,
    stop: (reason) => runner.stop(reason).finally(() => liveness.stop()),
    kill: (reason) => runner.kill(reason).finally(() => liveness.stop()),
  };
}

// graphile-worker logs through its own logger; route warnings and errors to pino, drop the chatter.
// A webhook attempt that failed is the receiver's trouble, and already in the delivery log: a warning, not an error.
const quietLogger = new Logger(() => (level, message, meta) => {
  const brief = briefJobMeta(meta);
  const task = brief?.job?.task;
  if (level === 'error' && task !== WEBHOOK_JOB) logger.error({ meta: brief }, message);
  else if (level === 'error' || level === 'warning') logger.warn({ meta: brief }, message);
});
