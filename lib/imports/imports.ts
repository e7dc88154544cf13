import 'server-only';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { importRuns } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { CurrentUser } from '@/lib/auth/actor';
import { authorize, failure, success, type Outcome } from '@/lib/dal';
import { getEnv } from '@/lib/env';
import { ExportFileError } from './files';
import { IMPORT_JOB } from './job';
import { planImport } from './run';
import type { UploadQuery } from './schemas';

// The newsroom's imports (admins only): an upload is kept on disk and
// dry-run at once; the admin reads the plan and starts the run, which the
// job runner takes (lib/imports/job.ts). Authorization here, in every function.

export const importDir = () => path.resolve(getEnv().DATA_DIR ?? '.data', 'imports');

class TooLarge extends Error {}

export type UploadProblem = 'empty' | 'tooLarge' | 'notExport';
export type CreatedImport = { ok: true; id: string } | { ok: false; problem: UploadProblem; detail?: string };

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

/** Keeps an uploaded export and dry-runs it; a file that is no export of that kind is refused with the reader's reason. */
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
    const report = await planImport(getDb(), { source: input.source, path: file, baseUrl: input.baseUrl });
    report.options = { baseUrl: input.baseUrl, uploadsDir: null, allowPrivate: input.allowPrivate };
    await getDb().transaction(async (tx) => {
      await tx.insert(importRuns).values({ id, source: input.source, fileName: input.fileName.normalize('NFC'), filePath: file, bytes: kept, report, total: report.counts.posts, createdById: actor.id });
      await recordAudit(tx, { actorId: actor.id, action: 'import.plan', targetType: 'import', targetId: id, after: { source: input.source, fileName: input.fileName, posts: report.counts.posts }, ip: ctx.ip });
    });
    return { ok: true, id };
  } catch (error) {
    await rm(file, { force: true });
    if (error instanceof ExportFileError) return { ok: false, problem: 'notExport', detail: error.message };
    throw error;
  }
}

/** Queues a planned run for the job runner. */
export async function startImport(actor: CurrentUser | null, input: { id: string }, ctx: { ip: string }): Promise<Outcome> {
  authorize(actor, 'imports:run');
  return getDb().transaction(async (tx) => {
    const [run] = await tx
      .update(importRuns)
      .set({ state: 'queued' })
      .where(and(eq(importRuns.id, input.id), eq(importRuns.state, 'planned')))
      .returning({ id: importRuns.id });
    if (!run) return failure('imports.errors.notStartable');
    await tx.execute(sql`select graphile_worker.add_job(${IMPORT_JOB}, ${JSON.stringify({ runId: run.id })}::json, job_key := ${`import:${run.id}`}, max_attempts := 3)`);
    await recordAudit(tx, { actorId: actor.id, action: 'import.start', targetType: 'import', targetId: run.id, ip: ctx.ip });
    return success(undefined);
  });
}

// Every column but where the file lies on disk, which no page needs; the list leaves the report out too.
const omit = <T extends Record<string, unknown>, K extends keyof T>(object: T, keys: K[]): Omit<T, K> =>
  Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key as K))) as Omit<T, K>;
const runColumns = omit(getTableColumns(importRuns), ['filePath']);
const listColumns = omit(runColumns, ['report']);

export type ImportRun = Omit<typeof importRuns.$inferSelect, 'filePath'>;
export type ImportRunSummary = Omit<ImportRun, 'report'>;

export async function listImports(actor: CurrentUser | null): Promise<ImportRunSummary[]> {
  authorize(actor, 'imports:run');
  return getDb().select(listColumns).from(importRuns).orderBy(desc(importRuns.createdAt)).limit(20);
}

export async function getImport(actor: CurrentUser | null, id: string): Promise<ImportRun | null> {
  authorize(actor, 'imports:run');
  const [run] = await getDb().select(runColumns).from(importRuns).where(eq(importRuns.id, id));
  return run ?? null;
}
