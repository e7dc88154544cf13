import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '@/test/db-server';
import { startEmbeddedPostgres, type EmbeddedServer } from './embedded';

// The embedded server's lifecycle, with real processes: an app process that
// dies leaves its postmaster behind (an orphan the next start must stop), and
// a live one holds its folder against a second start.

const root = mkdtempSync(path.join(os.tmpdir(), 'sahifa-embedded-'));
// Traversable, so the postgres OS user (as root) can use it in place.
chmodSync(root, 0o755);
const children: ChildProcess[] = [];
const servers: EmbeddedServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.stop();
  // SIGTERM: each holder stops its server before it exits.
  await Promise.all(children.filter((child) => child.exitCode === null && child.signalCode === null).map((child) => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')))));
  rmSync(root, { recursive: true, force: true });
});

/** Starts test/embedded-child.ts, which holds an embedded server on the folder until killed. */
async function holder(dataDir: string, port: number): Promise<{ child: ChildProcess; dataDir: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/embedded-child.ts', dataDir, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().startsWith('ready ') && resolve(chunk.toString().trim()));
    child.once('exit', (code) => reject(new Error(`the holder exited with ${code}`)));
  });
  return { child, dataDir: line.slice('ready '.length) };
}

const postmasterPid = (dataDir: string) => Number.parseInt(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0] ?? '', 10);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function answers(url: string): Promise<number> {
  const client = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    const [row] = await client<{ one: number }[]>`select 1 as one`;
    return row?.one ?? 0;
  } finally {
    await client.end({ timeout: 1 });
  }
}

describe('embedded PostgreSQL', () => {
  it('stops an orphaned postmaster of its own folder and starts', async () => {
    const port = await freePort();
    const first = await holder(path.join(root, 'orphan'), port);
    const orphan = postmasterPid(first.dataDir);
    // The app process dies without stopping its database: what kill -9 or an OOM kill leaves.
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    expect(alive(orphan)).toBe(true);

    const lines: string[] = [];
    const server = await startEmbeddedPostgres({ dataDir: path.join(root, 'orphan'), port, onLog: (line) => lines.push(line) });
    servers.push(server);
    expect(lines.join('\n')).toContain(`stopping an orphaned PostgreSQL (pid ${orphan})`);
    expect(alive(orphan)).toBe(false);
    expect(await answers(server.adminUrl)).toBe(1);
    const pid = postmasterPid(server.dataDir);
    await server.stop();
    expect(alive(pid)).toBe(false);
  });

  it('refuses a second instance on the same folder with one line naming the holder', async () => {
    const port = await freePort();
    const first = await holder(path.join(root, 'shared'), port);
    const error = await startEmbeddedPostgres({ dataDir: path.join(root, 'shared'), port: await freePort() }).then(
      () => null,
      (caught: unknown) => caught as Error,
    );
    expect(error?.message).toBe(`the data folder ${first.dataDir} is in use by another Sahifa process (pid ${first.child.pid}); stop that one first, or give this one another DATA_DIR`);
    // The first instance is untouched.
    expect(await answers(`postgres://postgres:postgres@127.0.0.1:${port}/postgres`)).toBe(1);
  });

  it('names the cause when the port is taken', async () => {
    const port = await freePort();
    await holder(path.join(root, 'first'), port);
    const error = await startEmbeddedPostgres({ dataDir: path.join(root, 'second'), port }).then(
      () => null,
      (caught: unknown) => caught as Error,
    );
    expect(error?.message).toMatch(/PostgreSQL exited .*could not (create any TCP\/IP sockets|bind)/);
  });
});
