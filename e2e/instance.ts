import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@/test/db-server';
import { clearSahifaKeys, redisUrl } from './redis';
import { databaseOfItsOwn } from './typists';

// A production instance of the app, started the way an operator starts it
// (`npm start`, i.e. scripts/with-db.ts on the built .next), on ports and a
// data folder of its own. For the operations specs, which signal it, freeze
// its database or run two of them; they do not use Playwright's web server.

export type Instance = {
  child: ChildProcess;
  base: string;
  dataDir: string;
  /** The embedded PostgreSQL's port (unused with DATABASE_URL). */
  embeddedPort: string;
  log: () => string;
  /** Resolves with the exit code and how long after the call it came. */
  exited: Promise<{ code: number | null; at: number }>;
  /** Stops it (SIGTERM) and removes its data folder. */
  dispose: () => Promise<void>;
};

/** `port`: a given one, to start an instance again where its clients look for it (after a kill). */
export async function startInstance(options: { env?: Record<string, string>; dataDir?: string; port?: number } = {}): Promise<Instance> {
  const root = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'sahifa-ops-'));
  // Traversable, so the embedded server (run as the postgres user under root) keeps it in place.
  chmodSync(root, 0o755);
  const port = options.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOSTNAME: '127.0.0.1',
    DATA_DIR: root,
    EMBEDDED_PG_PORT: String(await freePort()),
    AUTH_SECRET: randomBytes(32).toString('base64'),
    SITE_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  if (!options.env?.DATABASE_URL) delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['.next/sahifa-server/with-db.mjs', 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let signalledAt = Date.now();
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.once('exit', (code) => resolve({ code, at: Date.now() - signalledAt })));
  const originalKill = child.kill.bind(child);
  child.kill = (signal?: NodeJS.Signals | number) => {
    signalledAt = Date.now();
    return originalKill(signal);
  };
  const base = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 120_000; ; ) {
    if (child.exitCode !== null) throw new Error(`the instance exited before it answered:\n${output}`);
    if ((await get(`${base}/api/health`).catch(() => null))?.status === 200) break;
    if (Date.now() > deadline) throw new Error(`the instance did not answer within 120 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    child,
    base,
    dataDir: root,
    embeddedPort: env.EMBEDDED_PG_PORT as string,
    log: () => output,
    exited,
    dispose: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      if (!options.dataDir) rmSync(root, { recursive: true, force: true });
    },
  };
}

/** What several instances of one spec share, as an operator runs them: see `sharedBackends`. */
export type SharedBackends = {
  database: Awaited<ReturnType<typeof databaseOfItsOwn>>;
  /** Every instance's environment: the database, the Redis, one AUTH_SECRET (a session made on one is good on the other), the demo staff. */
  env: Record<string, string>;
  dataDir: string;
  /** Removes the data folder, drops the database and empties the Redis database (stop the instances first). */
  close: () => Promise<void>;
};

/**
 * A database of its own on the e2e database server, a Redis logical database
 * of its own (emptied), and one data folder for every instance, as a shared
 * volume would be: for the specs that run several instances (co-editing,
 * reader caches). `startInstance({ env, dataDir })` for each.
 */
export async function sharedBackends(prefix: string): Promise<SharedBackends> {
  const redis = redisUrl();
  const database = await databaseOfItsOwn(prefix);
  await clearSahifaKeys(redis);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `${prefix.replaceAll('_', '-')}-`));
  // Traversable, as in startInstance: the embedded server (unused here) and the media folder live in it.
  chmodSync(dataDir, 0o755);
  const env = { DATABASE_URL: database.url, REDIS_URL: redis, SEED_DEMO: 'true', AUTH_SECRET: randomBytes(32).toString('base64'), LOG_LEVEL: 'warn' };
  return {
    database,
    env,
    dataDir,
    close: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await database.drop();
      await clearSahifaKeys(redis).catch(() => {});
    },
  };
}

/** Two instances on the same backends, started together: migrations and the seed take their advisory locks. */
export function startTwoInstances(backends: SharedBackends): Promise<[Instance, Instance]> {
  const options = { env: backends.env, dataDir: backends.dataDir };
  return Promise.all([startInstance(options), startInstance(options)]);
}

export type Answer = { status: number; body: string; headers: Record<string, string | string[] | undefined> };

/** One GET on a connection of its own (no keep-alive), so a refused or reset connection is seen as such. */
export function get(url: string, options: { agent?: import('node:http').Agent; timeoutMs?: number } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: options.agent ?? false, timeout: options.timeoutMs ?? 30_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('client timeout')));
    req.on('error', reject);
    req.end();
  });
}

/** The embedded server's postmaster and every backend it forked: what "the database hangs" freezes. */
export function databaseProcesses(dataDir: string): number[] {
  const postmaster = Number.parseInt(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0] ?? '', 10);
  const children = (spawnSync('ps', ['-o', 'pid=', '--ppid', String(postmaster)], { encoding: 'utf8' }).stdout ?? '').split('\n');
  return [postmaster, ...children.map((line) => Number.parseInt(line.trim(), 10)).filter(Number.isFinite)];
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

async function waitFor(check: () => boolean, ms: number, what: string): Promise<void> {
  for (const deadline = Date.now() + ms; !check(); await new Promise((resolve) => setTimeout(resolve, 100))) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
  }
}

/** The embedded server accepts connections: the status line of postmaster.pid says "ready". */
function databaseReady(dataDir: string): boolean {
  const file = path.join(dataDir, 'postgres', 'postmaster.pid');
  return existsSync(file) && readFileSync(file, 'utf8').split('\n')[7]?.trim() === 'ready';
}

/**
 * Stops the instance's embedded server (fast shutdown, as `pg_ctl stop` does:
 * every session ended, new connections refused) and returns what starts it
 * again with the same command line, user and port. The app is not told: it
 * meets a database that is down. The server started again is not the app's
 * child, so the spec stops it itself (`stopDatabase` again) before removing
 * the data folder.
 */
export async function stopDatabase(dataDir: string): Promise<() => Promise<void>> {
  const [postmaster] = databaseProcesses(dataDir) as [number];
  const command = readFileSync(`/proc/${postmaster}/cmdline`, 'utf8').split('\0').filter(Boolean);
  const { uid, gid } = statSync(path.join(dataDir, 'postgres'));
  process.kill(postmaster, 'SIGINT');
  await waitFor(() => !alive(postmaster), 15_000, 'the embedded PostgreSQL stopping');
  return async () => {
    const child = spawn(command[0] as string, command.slice(1), { uid, gid, detached: true, stdio: 'ignore', env: { ...process.env, LC_MESSAGES: 'C' } });
    child.unref();
    await waitFor(() => databaseReady(dataDir), 15_000, 'the embedded PostgreSQL starting again');
  };
}

/** Whether the instance's embedded server runs (for a spec that started it again itself). */
export function databaseRunning(dataDir: string): boolean {
  const file = path.join(dataDir, 'postgres', 'postmaster.pid');
  return existsSync(file) && alive(Number.parseInt(readFileSync(file, 'utf8').split('\n')[0] ?? '', 10));
}

/** The seed story's address, read off the home page. */
export async function firstArticlePath(base: string): Promise<string> {
  const home = await get(`${base}/`);
  const href = /href="(\/technology\/[^"]+)"/.exec(home.body)?.[1];
  if (!href) throw new Error('no article link on the home page');
  return href;
}
