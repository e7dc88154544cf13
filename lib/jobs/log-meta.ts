type JobMeta = { job?: { id?: unknown; task_identifier?: unknown; attempts?: unknown; payload?: unknown }; error?: unknown; fatalError?: unknown } & Record<string, unknown>;

/** What the runner logs of graphile-worker's metadata: its scalar facts, the job by name, the errors in brief. */
export type JobLogMeta = Record<string, unknown> & { job?: { id: unknown; task: unknown; attempts: unknown; payload: unknown } };

// A payload is a few ids, but an import's expiry carries its tags: past this, only its size is logged.
const PAYLOAD_CHARS = 500;

const isScalar = (value: unknown) => ['string', 'number', 'boolean'].includes(typeof value);

function briefError(error: unknown): unknown {
  if (!(error instanceof Error)) return isScalar(error) ? error : briefPayload(error);
  const { code, cause } = error as { code?: unknown; cause?: unknown };
  // A connection refused is an AggregateError with no message of its own: its first error says what happened.
  const first = error instanceof AggregateError ? (error.errors[0] as unknown) : undefined;
  const message = error.message || (first instanceof Error ? first.message : '');
  return { name: error.name, message, ...(isScalar(code) ? { code } : {}), ...(cause instanceof Error ? { cause: cause.message } : {}) };
}

function briefPayload(payload: unknown): unknown {
  let text: string;
  try {
    text = JSON.stringify(payload) ?? String(payload);
  } catch {
    return String(payload); // a cycle or a BigInt: a log line must never throw
  }
  return text.length <= PAYLOAD_CHARS ? payload : { chars: text.length };
}

/**
 * graphile-worker's log metadata, made small and readable. A pg error it
 * passes on carries its whole client (kilobytes a line, a line per pooled
 * connection when Postgres restarts), a job its whole row, and an Error's
 * message is not enumerable, so a failed job logged as `error: {}`.
 */
export function briefJobMeta(meta: unknown): JobLogMeta | undefined {
  if (!meta || typeof meta !== 'object') return undefined;
  const { job, error, fatalError, ...rest } = meta as JobMeta;
  const brief: JobLogMeta = Object.fromEntries(Object.entries(rest).filter(([, value]) => isScalar(value)));
  // A job's row's locks and times say nothing here.
  if (job) brief.job = { id: job.id, task: job.task_identifier, attempts: job.attempts, payload: briefPayload(job.payload) };
  if (error !== undefined) brief.error = briefError(error);
  if (fatalError !== undefined) brief.fatalError = briefError(fatalError);
  return brief;
}
