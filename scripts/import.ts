import path from 'node:path';
import { parseArgs } from 'node:util';
import { and, asc, eq } from 'drizzle-orm';
import { getDb, getPool } from '@/db/index';
import { importRuns, users } from '@/db/schema';
import { adoptDatabaseUrl } from '@/lib/env';
import { IMPORT_SOURCES, type ImportSource } from '@/lib/enums';
import { queueExpiry } from '@/lib/imports/expire-job';
import { ExportFileError } from '@/lib/imports/files';
import type { ImportReport } from '@/lib/imports/report';
import { planImport, runStoredImport } from '@/lib/imports/run';
import { fail, prepareDatabase } from './prepare-db';

// npm run import:wordpress -- export.xml [--uploads wp-content/uploads] [--dry-run]
// npm run import:ghost -- export.json --base-url https://old.example [--uploads content/images]
// Options: --as admin@example.com (the staff member the stories and images are
// created by; the first admin by default), --allow-private-images (images from
// loopback or private addresses), --staff-accounts (a writer account, with no
// password until an admin invites them, for each author with an e-mail and no
// account: lib/imports/staff.ts). An operator's command, like user:create: it
// uses DATABASE_URL or the embedded database. Dry run first, then the same run
// the newsroom's job does; run it again to resume, or to see that nothing changes.

const [sourceArg, ...rest] = process.argv.slice(2);
const { values, positionals } = parseArgs({
  args: rest,
  allowPositionals: true,
  options: { uploads: { type: 'string' }, 'base-url': { type: 'string' }, as: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, 'allow-private-images': { type: 'boolean', default: false }, 'staff-accounts': { type: 'boolean', default: false } },
});
if (!IMPORT_SOURCES.includes(sourceArg as ImportSource)) fail(`the first argument is the source: ${IMPORT_SOURCES.join(' or ')}`);
const source = sourceArg as ImportSource;
const fileArg = positionals[0];
if (!fileArg) fail(`usage: npm run import:${source} -- <file>`);
const file = { source, path: path.resolve(fileArg), baseUrl: values['base-url'] ?? null };

function problems(report: ImportReport) {
  const troubled = report.posts.filter((post) => post.problems.length > 0);
  console.log(`${troubled.length} posts with problems${troubled.length > 50 ? ' (first 50)' : ''}:`);
  for (const post of troubled.slice(0, 50)) console.log(`  #${post.sourceId} ${post.title}: ${post.problems.map((p) => (p.detail ? `${p.kind} (${p.detail})` : p.kind)).join('; ')}`);
}

function summary(report: ImportReport) {
  const { counts } = report;
  console.log(`${counts.posts} posts, ${counts.pages} pages (not imported), ${counts.attachments} attachments, ${counts.authors} authors, ${counts.sections} categories, ${counts.tags} tags, ${counts.other} other items`);
  console.log(`statuses: ${Object.entries(report.statuses).map(([status, n]) => `${status} ${n}`).join(', ')}`);
  console.log('sections:');
  for (const row of report.sections) console.log(`  ${row.source} → ${row.target}${row.exists ? ' (exists)' : ' (new)'}`);
  console.log('authors:');
  for (const row of report.authors) console.log(`  ${row.source} (${row.name}) → ${row.target}${row.exists ? ' (exists)' : ' (new)'}`);
  problems(report);
}

const prepared = await prepareDatabase();
adoptDatabaseUrl(prepared.url);
const db = getDb();
try {
  const [actor] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(values.as ? eq(users.email, values.as) : and(eq(users.role, 'admin'), eq(users.status, 'active')))
    .orderBy(asc(users.createdAt))
    .limit(1);
  if (values.as && !actor) fail(`no staff member ${values.as}`);
  let plan: ImportReport;
  try {
    plan = await planImport(db, file);
  } catch (error) {
    if (error instanceof ExportFileError) fail(error.message);
    throw error;
  }
  console.log('dry run:');
  summary(plan);
  if (!values['dry-run']) {
    plan.options = { baseUrl: file.baseUrl, uploadsDir: values.uploads ? path.resolve(values.uploads) : null, allowPrivate: values['allow-private-images'], staffAccounts: values['staff-accounts'] };
    const [run] = await db
      .insert(importRuns)
      .values({ source, fileName: path.basename(file.path), filePath: file.path, bytes: 0, state: 'queued', report: plan, total: plan.counts.posts, createdById: actor?.id ?? null })
      .returning({ id: importRuns.id });
    const started = performance.now();
    const report = await runStoredImport(db, run!.id, { expire: (tags) => queueExpiry(db, tags) });
    const seconds = (performance.now() - started) / 1000;
    if (report?.outcome) {
      const { outcome } = report;
      console.log(`run ${run!.id}: ${outcome.created} created, ${outcome.unchanged} unchanged, ${outcome.failed} failed, ${outcome.skipped} skipped; ${outcome.images} images, ${outcome.redirects} old paths redirected; ${seconds.toFixed(1)} s`);
      if (values['staff-accounts']) console.log(`${outcome.accounts ?? 0} staff accounts created (writers, no password: invite them from the staff page)`);
      if (outcome.created === 0 && outcome.failed === 0) console.log('nothing changed: every post of this file was imported before');
      else problems(report);
    }
  }
} finally {
  await getPool().client.end();
  await prepared.embedded?.stop();
}
