import { pgTable, text } from 'drizzle-orm/pg-core';
import { tstz } from './columns';

// The job runners alive right now (lib/jobs/liveness.ts). graphile-worker
// locks a job with its worker pool's id and, if that process dies, takes the
// job back only after four hours; each runner refreshes its row here every
// few seconds, so any other instance can tell a dead pool's locks from a
// live one's and unlock them within a minute.
export const jobRunnerHeartbeats = pgTable('job_runner_heartbeats', {
  // graphile-worker's worker pool id: what it writes in the jobs' locked_by.
  poolId: text('pool_id').primaryKey(),
  // host:pid, for the operator reading the log of an unlock.
  instance: text('instance').notNull(),
  // The database's clock, never a process's: instances need not agree on the time.
  seenAt: tstz('seen_at').notNull().defaultNow(),
});
