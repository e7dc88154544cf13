import { getDb } from '@/db';
import { planStoredImport, runStoredImport } from './run';

// The jobs of an import (lib/imports/imports.ts): the dry run of an upload,
// then the run the admin started. Not server-only: the job runner loads it
// outside Next. Both are rows (import_runs, and graphile-worker's own jobs),
// so they survive a restart; a restart or a retried attempt resumes the run:
// posts already imported are left as they are. The runner's abort signal
// (its shutdown) stops a run between two posts.

export const IMPORT_JOB = 'import_run';
export const IMPORT_PLAN_JOB = 'import_plan';

const runIdOf = (payload: unknown) => {
  const runId = (payload as { runId?: unknown } | null)?.runId;
  return typeof runId === 'string' ? runId : null;
};

export async function runImportJob(payload: unknown, expire: (tags: string[]) => Promise<void>, signal?: AbortSignal): Promise<void> {
  const runId = runIdOf(payload);
  if (runId) await runStoredImport(getDb(), runId, { expire, signal });
}

export async function planImportJob(payload: unknown, signal?: AbortSignal): Promise<void> {
  const runId = runIdOf(payload);
  if (runId) await planStoredImport(getDb(), runId, signal);
}
