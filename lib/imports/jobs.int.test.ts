import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { and, eq, ilike, like, sql } from 'drizzle-orm';
import type { Runner } from 'graphile-worker';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { authors, importItems, importRuns, stories, users } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/actor';
import { startJobRunner } from '@/lib/jobs/runner';
import { connectTestDb } from '@/test/db';
import { writeGeneratedWxr } from '@/test/generated-wxr';
import { createStaff } from '@/test/staff';
import { createImport, getImport, resumeImport, startImport } from './imports';
import { ImportInterrupted, planStoredImport, runStoredImport } from './run';

// The newsroom's import as jobs, against a real database and the real job
// runner (graphile-worker): the upload only keeps the file and queues the dry
// run; the runner reads it (progress, then the report, or the reader's reason
// for a bad file); the confirmed run, with staff accounts on request; a run
// stopped halfway, resumed: every post imported once.

const { db, client } = connectTestDb();
let admin: CurrentUser;
let dir: string;
let runner: Runner | null = null;
const ctx = { ip: '127.0.0.1' };

const bodyOf = (file: string) => Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
const upload = (file: string) => createImport(admin, { source: 'wordpress', baseUrl: null, allowPrivate: false, fileName: path.basename(file), body: bodyOf(file) }, ctx);

async function startRunner() {
  runner = await startJobRunner(inject('databaseUrl'), async () => {});
}

async function stopRunner() {
  await runner?.stop();
  runner = null;
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const rowOf = async (id: string) => (await db.select().from(importRuns).where(eq(importRuns.id, id)))[0]!;
const settled = (id: string, states: string[]) => waitFor(() => rowOf(id), (row) => states.includes(row.state));

/** A generated export of its own site: its guids and authors are new to this database. */
async function generated(posts: number) {
  const site = `${randomUUID().slice(0, 8)}.old.example`;
  const prefix = `w${randomUUID().slice(0, 6)}-`;
  const file = path.join(dir, `${site}.xml`);
  await writeGeneratedWxr(file, { posts, site, prefix });
  return { file, site, prefix };
}

/** An upload whose uploaded, dry-run plan is ready: the runner is left running. */
async function plannedUpload(posts: number) {
  const made = await generated(posts);
  const id = await uploaded(made.file);
  await startRunner();
  await settled(id, ['planned']);
  return { ...made, id };
}

async function uploaded(file: string): Promise<string> {
  const created = await upload(file);
  if (!created.ok) throw new Error(created.problem);
  return created.id;
}

const postsOf = (site: string) => db.$count(importItems, and(eq(importItems.source, 'wordpress'), like(importItems.key, `post:https://${site}/%`)));

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sahifa-import-jobs-'));
  process.env.DATA_DIR = dir;
  admin = await createStaff(db, 'admin');
});

afterEach(stopRunner);

afterAll(async () => {
  await client.end();
});

describe('the dry run as a job', () => {
  it('answers at once with a planning run, then the runner reads the file: progress, then the report', async () => {
    const { file } = await generated(30);
    const created = await upload(file);
    if (!created.ok) throw new Error(created.problem);
    const queued = await rowOf(created.id);
    expect(queued).toMatchObject({ state: 'planning', processed: 0 });
    expect(queued.report.counts.posts).toBe(0);
    const jobs = await db.execute<{ task_identifier: string }>(sql`select task_identifier from graphile_worker.jobs where key = ${`import-plan:${created.id}`}`);
    expect(jobs.map((job) => job.task_identifier)).toEqual(['import_plan']);

    await startRunner();
    const planned = await settled(created.id, ['planned', 'failed']);
    expect(planned.state).toBe('planned');
    expect(planned).toMatchObject({ total: 30, processed: 30 });
    expect(planned.report.counts).toMatchObject({ posts: 30, authors: 5, sections: 10 });
    expect(planned.report.sections.find((row) => row.name === 'قسم 7')).toMatchObject({ source: 'قسم 2 › قسم 7' });
    expect(planned.report.authors).toHaveLength(5);
    expect(planned.report.posts).toHaveLength(30);
    expect(planned.report.options).toMatchObject({ allowPrivate: false });
  });

  it('ends a file that is no WordPress export, or is cut short, as failed with the reader’s reason; nothing to resume', async () => {
    const html = path.join(dir, 'page.xml');
    await writeFile(html, '<html><body>صفحة</body></html>');
    const { file } = await generated(3);
    const cut = path.join(dir, 'cut.xml');
    const whole = await readFile(file, 'utf8');
    await writeFile(cut, whole.slice(0, Math.floor(whole.length / 2)));
    const ids: string[] = [];
    for (const bad of [html, cut]) {
      const created = await upload(bad);
      if (!created.ok) throw new Error(created.problem);
      ids.push(created.id);
    }
    await startRunner();
    const [notWxr, truncated] = await Promise.all(ids.map((id) => settled(id, ['planned', 'failed'])));
    expect(notWxr).toMatchObject({ state: 'failed', startedAt: null });
    expect(notWxr!.error).toMatch(/not a WordPress export/);
    expect(truncated!.state).toBe('failed');
    expect(truncated!.error).toMatch(/ends early/);
    expect(existsSync(notWxr!.filePath)).toBe(false);
    expect((await getImport(admin, notWxr!.id))!.resumable).toBe(false);
    expect(await resumeImport(admin, { id: notWxr!.id }, ctx)).toMatchObject({ ok: false });
  });

  it('a dry run stopped by the runner’s shutdown stays planning, for its retry to read the file again', async () => {
    const { file } = await generated(3);
    const created = await upload(file);
    if (!created.ok) throw new Error(created.problem);
    await expect(planStoredImport(db, created.id, AbortSignal.abort())).rejects.toBeInstanceOf(ImportInterrupted);
    expect(await rowOf(created.id)).toMatchObject({ state: 'planning' });
    await startRunner();
    expect((await settled(created.id, ['planned', 'failed'])).state).toBe('planned');
  });
});

describe('the confirmed run', () => {
  it('imports every post, and with staff accounts asked for makes one writer per author with an e-mail, once', async () => {
    const { file, site, prefix, id } = await plannedUpload(10);
    const created = { id };
    // Someone with the third author's address already has an account: it is left alone.
    const [existing] = await db.insert(users).values({ email: `${prefix}2@${site}`.toUpperCase(), displayName: 'موجود', role: 'editor' }).returning();
    expect(await startImport(admin, { id: created.id, staffAccounts: true }, ctx)).toMatchObject({ ok: true });
    const done = await settled(created.id, ['done', 'failed']);
    expect(done.state).toBe('done');
    expect(done.report.outcome).toMatchObject({ created: 10, failed: 0, accounts: 4 });

    const made = await db.select().from(users).where(ilike(users.email, `%@${site}`));
    const writers = made.filter((user) => user.id !== existing!.id);
    expect(writers).toHaveLength(4);
    for (const user of writers) {
      expect(user).toMatchObject({ role: 'writer', passwordHash: null, status: 'active' });
      const [profile] = await db.select().from(authors).where(eq(authors.userId, user.id));
      expect(profile!.name).toBe(user.displayName);
    }
    expect(await db.$count(authors, eq(authors.userId, existing!.id))).toBe(0);

    // The same file again, staff accounts asked for again: nothing new.
    const again = { id: await uploaded(file) };
    await settled(again.id, ['planned']);
    await startImport(admin, { id: again.id, staffAccounts: true }, ctx);
    const second = await settled(again.id, ['done', 'failed']);
    expect(second.report.outcome).toMatchObject({ created: 0, unchanged: 10, accounts: 0 });
    expect(await db.$count(users, ilike(users.email, `%@${site}`))).toBe(5);
    expect(await startImport(admin, { id: again.id, staffAccounts: false }, ctx)).toMatchObject({ ok: false });
  });

  it('without the option makes no account', async () => {
    const { site, id } = await plannedUpload(2);
    const created = { id };
    await startImport(admin, { id: created.id, staffAccounts: false }, ctx);
    expect((await settled(created.id, ['done', 'failed'])).report.outcome).toMatchObject({ created: 2, accounts: 0 });
    expect(await db.$count(users, ilike(users.email, `%@${site}`))).toBe(0);
  });
});

describe('resume', () => {
  it('a run stopped halfway is resumed by an admin and imports every post once', async () => {
    const { site, id } = await plannedUpload(40);
    const created = { id };
    await stopRunner();
    await startImport(admin, { id: created.id, staffAccounts: false }, ctx);
    // The runner's shutdown, as the server's drain does it: the abort signal stops the run between two posts.
    const stop = new AbortController();
    const watching = waitFor(() => postsOf(site), (n) => n >= 5).then(() => stop.abort());
    await expect(runStoredImport(db, created.id, { expire: async () => {}, signal: stop.signal })).rejects.toBeInstanceOf(ImportInterrupted);
    await watching;
    const stopped = await rowOf(created.id);
    expect(stopped).toMatchObject({ state: 'failed', error: 'interrupted' });
    const before = await postsOf(site);
    expect(before).toBeGreaterThanOrEqual(5);
    expect(before).toBeLessThan(40);
    expect((await getImport(admin, created.id))!.resumable).toBe(true);

    // Admins only, in the data-access layer.
    const editor = await createStaff(db, 'editor');
    await expect(resumeImport(editor, { id: created.id }, ctx)).rejects.toThrow();

    const storiesBefore = await db.$count(stories);
    expect(await resumeImport(admin, { id: created.id }, ctx)).toMatchObject({ ok: true });
    expect(await rowOf(created.id)).toMatchObject({ state: 'queued', error: null });
    expect((await getImport(admin, created.id))!.resumable).toBe(false);
    // Resuming twice queues nothing more.
    expect(await resumeImport(admin, { id: created.id }, ctx)).toMatchObject({ ok: false });
    await startRunner();
    const done = await settled(created.id, ['done', 'failed']);
    expect(done.state).toBe('done');
    expect(done.report.outcome).toMatchObject({ created: 40 - before, unchanged: before, failed: 0 });
    expect(await postsOf(site)).toBe(40);
    expect(await db.$count(stories)).toBe(storiesBefore + 40 - before);
    const audit = await db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'import.resume' and target_id = ${created.id}`);
    expect(audit[0]!.n).toBe(1);
  });

  it('a run left running with no job to carry it on (a killed process whose job is gone) can be resumed', async () => {
    const created = await plannedUpload(1);
    await stopRunner();
    await startImport(admin, { id: created.id, staffAccounts: false }, ctx);
    expect((await getImport(admin, created.id))!.resumable).toBe(false);
    await db.update(importRuns).set({ state: 'running' }).where(eq(importRuns.id, created.id));
    await db.execute(sql`select graphile_worker.remove_job(${`import:${created.id}`})`);
    expect((await getImport(admin, created.id))!.resumable).toBe(true);
    expect(await resumeImport(admin, { id: created.id }, ctx)).toMatchObject({ ok: true });
    await startRunner();
    expect((await settled(created.id, ['done', 'failed'])).state).toBe('done');
  });
});
