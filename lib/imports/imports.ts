import 'server-only';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db';
import { importRuns } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { CurrentUser } from '@/lib/auth/actor';
import { authorize, failure, success, type Outcome } from '@/lib/dal';
import { getEnv } from '@/lib/env';
import { IMPORT_JOB, IMPORT_PLAN_JOB } from './job';
import { emptyReport } from './report';
import type { UploadQuery } from './schemas';

// The newsroom's imports (admins only): an upload is kept on disk and its dry
// run queued; the admin reads the plan and starts the run; both are jobs of
// the runner (lib/imports/job.ts), and a stopped run can be resumed. Authorization here, in every function.

export const importDir = () => path.resolve(getEnv().DATA_DIR ?? '.data', 'imports');

class TooLarge extends Error {}

export type UploadProblem = 'empty' | 'tooLarge';
export type CreatedImport = { ok: true; id: string } | { ok: false; problem: UploadProblem };

/** Streams the body to a file under the import folder, counting, and stops past the limit. */
async function keepBody(body: ReadableStream<Uint8Array>, file: string, maxBytes: number): Promise<number | UploadProblem> {
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      done(received > maxBytes ? new TooLarge() : null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>), counter, createWriteStream(file));
  } catch (error) {
    if (error instanceof TooLarge) return 'tooLarge';
    throw error;
  }
  return received === 0 ? 'empty' : received;
}

/**
 * Keeps an uploaded export and queues its dry run (lib/imports/job.ts): the
 * request answers as soon as the file is on disk. The row starts 'planning';
 * the job fills in the report, or fails the row with the reader's reason
 * when the file is no export of that kind.
 */
export async function createImport(actor: CurrentUser | null, input: UploadQuery & { fileName: string; body: ReadableStream<Uint8Array> | null }, ctx: { ip: string }): Promise<CreatedImport> {
  authorize(actor, 'imports:run');
  if (!input.body) return { ok: false, problem: 'empty' };
  const id = randomUUID();
  await mkdir(importDir(), { recursive: true });
  const file = path.join(importDir(), `${id}.${input.source === 'ghost' ? 'json' : 'xml'}`);
  try {
    const kept = await keepBody(input.body, file, getEnv().IMPORT_MAX_BYTES);
    if (typeof kept !== 'number') {
      await rm(file, { force: true });
      return { ok: false, problem: kept };
    }
    const report = { ...emptyReport(), options: { baseUrl: input.baseUrl, uploadsDir: null, allowPrivate: input.allowPrivate } };
    await getDb().transaction(async (tx) => {
      await tx.insert(importRuns).values({ id, source: input.source, fileName: input.fileName.normalize('NFC'), filePath: file, bytes: kept, state: 'planning', report, createdById: actor.id });
      await tx.execute(sql`select graphile_worker.add_job(${IMPORT_PLAN_JOB}, ${JSON.stringify({ runId: id })}::json, job_key := ${`import-plan:${id}`}, max_attempts := 3)`);
      await recordAudit(tx, { actorId: actor.id, action: 'import.plan', targetType: 'import', targetId: id, after: { source: input.source, fileName: input.fileName, bytes: kept }, ip: ctx.ip });
    });
    return { ok: true, id };
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
}

const queueRun = (tx: Transaction, runId: string) =>
  tx.execute(sql`select graphile_worker.add_job(${IMPORT_JOB}, ${JSON.stringify({ runId })}::json, job_key := ${`import:${runId}`}, max_attempts := 3)`);

/** Queues a planned run for the job runner; staffAccounts: also make staff accounts of the authors (lib/imports/staff.ts). */
export async function startImport(actor: CurrentUser | null, input: { id: string; staffAccounts: boolean }, ctx: { ip: string }): Promise<Outcome> {
  authorize(actor, 'imports:run');
  return getDb().transaction(async (tx) => {
    const [run] = await tx
      .update(importRuns)
      .set({ state: 'queued', report: sql`jsonb_set(${importRuns.report}, '{options,staffAccounts}', ${JSON.stringify(input.staffAccounts)}::jsonb)` })
      .where(and(eq(importRuns.id, input.id), eq(importRuns.state, 'planned')))
      .returning({ id: importRuns.id });
    if (!run) return failure('imports.errors.notStartable');
    await queueRun(tx, run.id);
    await recordAudit(tx, { actorId: actor.id, action: 'import.start', targetType: 'import', targetId: run.id, after: { staffAccounts: input.staffAccounts }, ip: ctx.ip });
    return success(undefined);
  });
}

/**
 * A run that started and stopped: failed (its last attempt, or stopped by the
 * runner's shutdown), or left queued or running with no job of the runner's
 * to carry it on (the queue's row removed). Not a dry run that failed: the
 * file itself was refused, and there is nothing to resume.
 */
const resumable = sql`((${importRuns.startedAt} is not null and ${importRuns.state} = 'failed') or (${importRuns.state} in ('queued', 'running') and not exists (
  select 1 from graphile_worker.jobs job where job.key = 'import:' || ${importRuns.id}::text and job.attempts < job.max_attempts)))`;

/** Queues a stopped run again; the run skips every post already imported (import_items). Admins only, audited. */
export async function resumeImport(actor: CurrentUser | null, input: { id: string }, ctx: { ip: string }): Promise<Outcome> {
  authorize(actor, 'imports:run');
  return getDb().transaction(async (tx) => {
    const [run] = await tx
      .update(importRuns)
      .set({ state: 'queued', error: null })
      .where(and(eq(importRuns.id, input.id), resumable))
      .returning({ id: importRuns.id, processed: importRuns.processed });
    if (!run) return failure('imports.errors.notResumable');
    await queueRun(tx, run.id);
    await recordAudit(tx, { actorId: actor.id, action: 'import.resume', targetType: 'import', targetId: run.id, before: { processed: run.processed }, ip: ctx.ip });
    return success(undefined);
  });
}

// Every column but where the file lies on disk, which no page needs; the list leaves the report out too.
const omit = <T extends Record<string, unknown>, K extends keyof T>(object: T, keys: K[]): Omit<T, K> =>
  Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key as K))) as Omit<T, K>;
const runColumns = omit(getTableColumns(importRuns), ['filePath']);
const listColumns = omit(runColumns, ['report']);

/** resumable: the run stopped and an admin may queue it again (resumeImport). */
export type ImportRun = Omit<typeof importRuns.$inferSelect, 'filePath'> & { resumable: boolean };
export type ImportRunSummary = Omit<ImportRun, 'report' | 'resumable'>;

export async function listImports(actor: CurrentUser | null): Promise<ImportRunSummary[]> {
  authorize(actor, 'imports:run');
  return getDb().select(listColumns).from(importRuns).orderBy(desc(importRuns.createdAt)).limit(20);
}

export async function getImport(actor: CurrentUser | null, id: string): Promise<ImportRun | null> {
  authorize(actor, 'imports:run');
  const [run] = await getDb()
    .select({ ...runColumns, resumable: sql<boolean>`coalesce(${resumable}, false)` })
    .from(importRuns)
    .where(eq(importRuns.id, id));
  return run ?? null;
}
