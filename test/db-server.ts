import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { startEmbeddedPostgres } from '@/db/embedded';

// Test runs get a database server: TEST_DATABASE_ADMIN_URL when set, else the
// local PostgreSQL at 127.0.0.1:5432 when it answers, else a throwaway
// embedded server (TEST_DATABASE_SERVER=embedded forces that one, which is
// how the embedded path is exercised on a machine that has both). Each run
// then creates its own fresh database and drops it.

export const LOCAL_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export type TestServer = { adminUrl: string; kind: 'configured' | 'local' | 'embedded'; release: () => Promise<void> };

async function answers(url: string): Promise<boolean> {
  const client = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await client`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await client.end({ timeout: 1 }).catch(() => {});
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Tests never touch a non-local server: refuse anything but loopback. */
function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) throw new Error(`tests only use a local database server, not ${host}`);
}

export async function acquireTestServer(): Promise<TestServer> {
  const configured = process.env.TEST_DATABASE_ADMIN_URL;
  if (configured) {
    assertLocal(configured);
    return { adminUrl: configured, kind: 'configured', release: async () => {} };
  }
  if (process.env.TEST_DATABASE_SERVER !== 'embedded' && (await answers(LOCAL_ADMIN_URL))) return { adminUrl: LOCAL_ADMIN_URL, kind: 'local', release: async () => {} };
  const root = mkdtempSync(path.join(os.tmpdir(), 'sahifa-test-'));
  const server = await startEmbeddedPostgres({ dataDir: path.join(root, 'postgres'), port: await freePort() });
  return {
    adminUrl: server.adminUrl,
    kind: 'embedded',
    release: async () => {
      await server.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
}

export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  assertLocal(adminUrl);
  const client = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await client.unsafe(`create database "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await client.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await client.end();
  }
}
