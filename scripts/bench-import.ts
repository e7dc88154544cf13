import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDb } from '@/db/index';
import { migrateDatabase } from '@/db/migrate';
import { importRuns } from '@/db/schema';
import { adoptDatabaseUrl } from '@/lib/env';
import { installJobQueue } from '@/lib/jobs/runner';
import { executeImport, planImport } from '@/lib/imports/run';
import { acquireTestServer, createDatabase, dropDatabase, uniqueDatabaseName } from '@/test/db-server';
import { writeGeneratedWxr } from '@/test/generated-wxr';

// npm run bench:import [-- --posts 10000]: writes a WXR 1.2 file of generated
// Arabic posts (the shape of WordPress 6.1's exporter, Gutenberg markup, five
// authors, ten categories two levels deep, fifty tags; no images, so the
// figure is parsing and writing, not downloads), dry-runs it and imports it
// into a fresh database, then prints posts per second and the process's peak RSS.

const arg = (name: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : undefined);
const POSTS = Number(arg('posts') ?? 10_000);
const dir = await mkdtemp(path.join(os.tmpdir(), 'sahifa-bench-import-'));
const file = path.join(dir, 'export.xml');
const server = await acquireTestServer();
const name = uniqueDatabaseName('sahifa_bench_import');
const url = await createDatabase(server.adminUrl, name);
try {
  let started = performance.now();
  await writeGeneratedWxr(file, { posts: POSTS });
  console.log(`generated ${POSTS} posts: ${((await stat(file)).size / 1024 / 1024).toFixed(1)} MiB of WXR in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await migrateDatabase(url);
  await installJobQueue(url);
  adoptDatabaseUrl(url);
  const { db, client } = createDb(url, { max: 4 });
  const rssBefore = process.memoryUsage().rss;
  started = performance.now();
  const plan = await planImport(db, { source: 'wordpress', path: file });
  const planSeconds = (performance.now() - started) / 1000;
  console.log(`dry run: ${plan.counts.posts} posts in ${planSeconds.toFixed(1)} s (${(plan.counts.posts / planSeconds).toFixed(0)} posts/s)`);
  const [run] = await db.insert(importRuns).values({ source: 'wordpress', fileName: 'export.xml', filePath: file, bytes: 0, report: plan, state: 'running' }).returning({ id: importRuns.id });
  started = performance.now();
  const report = await executeImport(db, { source: 'wordpress', path: file }, { runId: run!.id, actorId: null, expire: async () => {} });
  const runSeconds = (performance.now() - started) / 1000;
  const outcome = report.outcome!;
  console.log(`import: ${outcome.created} created, ${outcome.failed} failed, ${outcome.redirects} old paths in ${runSeconds.toFixed(1)} s: ${(outcome.created / runSeconds).toFixed(0)} posts/s`);
  started = performance.now();
  const again = await executeImport(db, { source: 'wordpress', path: file }, { runId: run!.id, actorId: null, expire: async () => {} });
  console.log(`second run: ${again.outcome!.unchanged} unchanged, ${again.outcome!.created} created in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // maxRSS is the process's peak resident set, in kilobytes.
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (RSS before the import: ${(rssBefore / 1024 / 1024).toFixed(0)} MiB)`);
  console.log(`load average: ${os.loadavg().map((n) => n.toFixed(2)).join(' ')} on ${os.cpus().length} cores`);
  await client.end();
} finally {
  await dropDatabase(server.adminUrl, name);
  await server.release();
  await rm(dir, { recursive: true, force: true });
}
