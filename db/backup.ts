import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import postgres, { type Sql, type TransactionSql } from 'postgres';
import * as tar from 'tar';

// Backup and restore of a whole install: the database and the local media,
// in one .tar.gz. The database part is a logical dump made by the app itself:
// every table's rows, COPY'd out in one consistent snapshot (a REPEATABLE READ transaction's, shared with one
// connection per table: see copyOut), plus the sequences. The schema is not dumped: it is
// the app's migrations, which the restore applies to the empty database first,
// and the restore refuses a backup made with another set of migrations.
//
// Why not pg_dump: the embedded server is PostgreSQL 18 and Debian 12 ships
// pg_dump 15, which refuses a newer server; no npm package ships pg_dump 18,
// and a DATABASE_URL server can be any version. COPY speaks to every one.

const FORMAT = 'sahifa-backup';
const VERSION = 1;
/** The schemas that hold the app's data: ours, and the job queue's (scheduled publishes live there). */
const SCHEMAS = ['public', 'graphile_worker'];
/**
 * Not copied: migration bookkeeping (recreated by the migrations themselves, compared
 * instead), and the search vocabulary, which triggers on published_stories rebuild as
 * the projection is restored (copying it too would count every word twice).
 */
const BOOKKEEPING = new Set(['graphile_worker.migrations', 'public.search_words']);

type TableEntry = { name: string; file: string; columns: string[] };
type SequenceEntry = { name: string; value: string; isCalled: boolean };
export type Manifest = {
  format: typeof FORMAT;
  version: typeof VERSION;
  createdAt: string;
  server: string;
  migrations: string[];
  jobQueueMigration: number;
  tables: TableEntry[];
  sequences: SequenceEntry[];
  media: { storage: 'local' | 's3'; files: number };
};

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const qualified = (name: string) => name.split('.').map(ident).join('.');
/** A connection or an open transaction: the catalogue reads run in the dump's snapshot. */
type Reader = Sql | TransactionSql;

function connect(url: string): Sql {
  return postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: 'sahifa-backup' } });
}

/** The app's tables in an order where every table comes after those it references, with their stored columns. */
async function tablesInOrder(sql: Reader): Promise<{ name: string; columns: string[] }[]> {
  const tables = await sql<{ oid: number; name: string }[]>`
    select c.oid::int as oid, n.nspname || '.' || c.relname as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p') and n.nspname = any(${SCHEMAS}) and not c.relispartition
    order by 2`;
  const wanted = tables.filter((table) => !BOOKKEEPING.has(table.name));
  const columns = await sql<{ oid: number; name: string }[]>`
    select attrelid::int as oid, attname as name from pg_attribute
    where attrelid = any(${wanted.map((t) => t.oid)}) and attnum > 0 and not attisdropped and attgenerated = ''
    order by attrelid, attnum`;
  const references = await sql<{ from: number; to: number }[]>`
    select conrelid::int as "from", confrelid::int as "to" from pg_constraint
    where contype = 'f' and conrelid = any(${wanted.map((t) => t.oid)}) and conrelid <> confrelid`;
  const ordered: typeof wanted = [];
  const placed = new Set<number>();
  while (ordered.length < wanted.length) {
    const ready = wanted.filter((t) => !placed.has(t.oid) && references.every((r) => r.from !== t.oid || placed.has(r.to) || !wanted.some((w) => w.oid === r.to)));
    if (ready.length === 0) throw new Error(`foreign keys form a cycle among ${wanted.filter((t) => !placed.has(t.oid)).map((t) => t.name).join(', ')}`);
    for (const table of ready) {
      ordered.push(table);
      placed.add(table.oid);
    }
  }
  return ordered.map((table) => ({ name: table.name, columns: columns.filter((c) => c.oid === table.oid).map((c) => c.name) }));
}

async function sequenceNames(sql: Reader): Promise<string[]> {
  const rows = await sql<{ name: string }[]>`
    select n.nspname || '.' || c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'S' and n.nspname = any(${SCHEMAS}) order by 1`;
  return rows.map((row) => row.name);
}

async function migrationState(sql: Reader): Promise<{ migrations: string[]; jobQueueMigration: number }> {
  const migrations = await sql<{ hash: string }[]>`select hash from drizzle.__drizzle_migrations order by id`;
  const [queue] = await sql<{ id: number | null }[]>`select max(id)::int as id from graphile_worker.migrations`;
  return { migrations: migrations.map((row) => row.hash), jobQueueMigration: queue?.id ?? 0 };
}

function countFiles(folder: string): number {
  if (!existsSync(folder)) return 0;
  return readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
}

/**
 * Writes the backup file. `mediaDir` is the local media folder, or null when
 * media lives in S3 (the bucket is the operator's to back up).
 */
export async function backup(options: { url: string; mediaDir: string | null; file: string }): Promise<Manifest> {
  const staging = mkdtempSync(path.join(os.tmpdir(), 'sahifa-backup-'));
  const sql = connect(options.url);
  try {
    mkdirSync(path.join(staging, 'db'));
    const manifest = await sql.begin('isolation level repeatable read read only', async (tx) => {
      const [{ version } = { version: '' }] = await tx<{ version: string }[]>`select current_setting('server_version') as version`;
      const [{ snapshot } = { snapshot: '' }] = await tx<{ snapshot: string }[]>`select pg_export_snapshot() as snapshot`;
      const state = await migrationState(tx);
      const tables: TableEntry[] = [];
      for (const [index, table] of (await tablesInOrder(tx)).entries()) {
        const file = `db/${String(index).padStart(3, '0')}-${table.name}.copy`;
        await copyOut(options.url, snapshot, `copy ${qualified(table.name)} (${table.columns.map(ident).join(', ')}) to stdout`, path.join(staging, file));
        tables.push({ ...table, file });
      }
      const sequences: SequenceEntry[] = [];
      for (const name of await sequenceNames(tx)) {
        const [row] = await tx.unsafe<{ value: string; called: boolean }[]>(`select last_value::text as value, is_called as called from ${qualified(name)}`);
        if (row) sequences.push({ name, value: row.value, isCalled: row.called });
      }
      return { format: FORMAT, version: VERSION, createdAt: new Date().toISOString(), server: version, ...state, tables, sequences } as const;
    });
    // After the snapshot: a media file is written before the row that names it, so every file the snapshot names is there.
    const media = options.mediaDir ? ({ storage: 'local', files: countFiles(options.mediaDir) } as const) : ({ storage: 's3', files: 0 } as const);
    if (options.mediaDir && existsSync(options.mediaDir)) symlinkSync(path.resolve(options.mediaDir), path.join(staging, 'media'));
    const full: Manifest = { ...manifest, media };
    writeFileSync(path.join(staging, 'manifest.json'), `${JSON.stringify(full, null, 2)}\n`);
    mkdirSync(path.dirname(path.resolve(options.file)), { recursive: true });
    const entries = ['manifest.json', 'db', ...(existsSync(path.join(staging, 'media')) ? ['media'] : [])];
    // follow: the media entry is a link to the live folder; the archive holds the files.
    await tar.create({ gzip: true, file: `${options.file}.partial`, cwd: staging, follow: true, portable: true }, entries);
    cpSync(`${options.file}.partial`, options.file);
    rmSync(`${options.file}.partial`);
    return full;
  } finally {
    await sql.end({ timeout: 5 });
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * One table's COPY, on a connection of its own in the dump's snapshot (exported by the main transaction, as
 * pg_dump does for its parallel workers), used once and dropped. postgres.js 3.4 pauses the socket when a COPY's
 * data fills the stream's buffer, and resumes it only when the stream is read again: when the end of the COPY
 * came in the same packet, the stream ends while the socket stays paused, and the connection's next query never
 * gets its answer (porsager/postgres#917). Any table past 16 KB could hang a backup that way on one connection.
 */
async function copyOut(url: string, snapshot: string, copy: string, file: string): Promise<void> {
  if (!/^[0-9A-F-]+$/i.test(snapshot)) throw new Error(`unexpected snapshot id ${snapshot}`);
  const once = connect(url);
  try {
    await once.unsafe(`begin isolation level repeatable read read only; set transaction snapshot '${snapshot}'`).simple();
    await pipeline(await once.unsafe(copy).readable(), createWriteStream(file));
  } finally {
    // No commit: a read-only transaction has nothing to keep, and the socket may be the paused one.
    await once.end({ timeout: 0 });
  }
}

export function readManifest(folder: string): Manifest {
  const manifest = JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as Manifest;
  if (manifest.format !== FORMAT || manifest.version !== VERSION) throw new Error(`not a ${FORMAT} version ${VERSION} file`);
  return manifest;
}

/**
 * Restores a backup into an empty, migrated database and an empty media
 * folder. Everything is loaded in one transaction: a failure leaves the
 * database as empty as it was.
 */
export async function restore(options: { url: string; mediaDir: string | null; file: string }): Promise<Manifest> {
  const staging = mkdtempSync(path.join(os.tmpdir(), 'sahifa-restore-'));
  const sql = connect(options.url);
  try {
    await tar.extract({ file: options.file, cwd: staging });
    const manifest = readManifest(staging);
    const here = await migrationState(sql);
    if (here.migrations.join() !== manifest.migrations.join() || here.jobQueueMigration !== manifest.jobQueueMigration) {
      throw new Error(
        `the backup was made with ${manifest.migrations.length} migrations (job queue ${manifest.jobQueueMigration}) and this version has ${here.migrations.length} (job queue ${here.jobQueueMigration}): restore with the version that made it, then upgrade`,
      );
    }
    if (options.mediaDir && countFiles(options.mediaDir) > 0) throw new Error(`the media folder ${options.mediaDir} is not empty: restore into an empty install`);
    if (manifest.media.storage === 'local' && manifest.media.files > 0 && !options.mediaDir) throw new Error('the backup holds local media files but this install keeps media in S3: restore with MEDIA_STORAGE=local');

    await sql.begin(async (tx) => {
      for (const table of manifest.tables) {
        const [row] = await tx.unsafe<{ any: boolean }[]>(`select exists (select from ${qualified(table.name)}) as any`);
        if (row?.any) throw new Error(`${table.name} already has rows: restore into an empty database`);
      }
      for (const table of manifest.tables) {
        const into = await tx.unsafe(`copy ${qualified(table.name)} (${table.columns.map(ident).join(', ')}) from stdin`).writable();
        await pipeline(createReadStream(path.join(staging, table.file)), into);
      }
      for (const sequence of manifest.sequences) {
        await tx`select setval(${qualified(sequence.name)}::regclass, ${sequence.value}::bigint, ${sequence.isCalled})`;
      }
    });
    if (options.mediaDir && existsSync(path.join(staging, 'media'))) {
      mkdirSync(options.mediaDir, { recursive: true });
      cpSync(path.join(staging, 'media'), options.mediaDir, { recursive: true });
    }
    return manifest;
  } finally {
    await sql.end({ timeout: 5 });
    rmSync(staging, { recursive: true, force: true });
  }
}
