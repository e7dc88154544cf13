type JobMeta = { job?: { id?: unknown; task_identifier?: unknown; attempts?: unknown; payload?: unknown }; error?: unknown } & Record<string, unknown>;

const isScalar = (value: unknown) => ['string', 'number', 'boolean'].includes(typeof value);

function briefError(error: unknown) {
  if (!(error instanceof Error)) return String(error);
  const { code } = error as { code?: unknown };
  return { name: error.name, message: error.message, ...(isScalar(code) ? { code } : {}) };
}

/**
 * graphile-worker's log metadata, made small and readable. A pg error it
 * passes on carries its whole client (kilobytes a line, a line per pooled
 * connection when Postgres restarts), a job its whole row, and an Error's
 * message is not enumerable, so a failed job logged as `error: {}`.
 */
export function briefJobMeta(meta: unknown): Record<string, unknown> | undefined {
  if (!meta || typeof meta !== 'object') return undefined;
  const { job, error, ...rest } = meta as JobMeta;
  const brief: Record<string, unknown> = Object.fromEntries(Object.entries(rest).filter(([, value]) => isScalar(value)));
  // A job's payload is ours, a few ids (lib/jobs/runner.ts); its row's locks and times say nothing here.
  if (job) brief.job = { id: job.id, task: job.task_identifier, attempts: job.attempts, payload: job.payload };
  if (error !== undefined) brief.error = briefError(error);
  return brief;
}
