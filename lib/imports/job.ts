import { getDb } from '@/db';
import { runStoredImport } from './run';

// The job that runs an import the admin started (lib/imports/imports.ts).
// Not server-only: the job runner loads it outside Next. A restart or a
// retried attempt resumes it: posts already imported are left as they are.

export const IMPORT_JOB = 'import_run';

export async function runImportJob(payload: unknown, expire: (tags: string[]) => Promise<void>): Promise<void> {
  const runId = (payload as { runId?: unknown } | null)?.runId;
  if (typeof runId !== 'string') return;
  await runStoredImport(getDb(), runId, { expire });
}
