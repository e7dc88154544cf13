import { spawn, type ChildProcess } from 'node:child_process';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, inject } from 'vitest';
import type { Database } from '@/db/index';
import { storyDocuments, storyRevisions } from '@/db/schema';
import type { CollabOptions } from '@/lib/collab/server';
import { startCollab, tabsOf } from './collab';

// One co-editing server per test file (vitest only: e2e imports test/collab.ts), started
// before its tests and closed after them with the file's tabs and database client.

export function collabSuite(db: Database, endClient: () => Promise<void>, options: Partial<CollabOptions> = {}) {
  const tabs = tabsOf(db);
  let running: Awaited<ReturnType<typeof startCollab>> | undefined;
  beforeAll(async () => {
    running = await startCollab(db, options);
  });
  afterAll(async () => {
    tabs.leaveAll();
    await running?.close();
    await endClient();
  });
  const server = () => {
    if (!running) throw new Error('the co-editing server is not started yet');
    return running;
  };
  return { server, join: (user: { id: string }, storyId: string) => tabs.join(server().url, user, storyId), leaveAll: tabs.leaveAll };
}

/** Two co-editing servers on one Redis (REDIS_URL, or the machine's), as two app instances would be; closed after the file. */
export function redisPairSuite(db: Database, endClient: () => Promise<void>, options: Partial<CollabOptions> = {}) {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const tabs = tabsOf(db);
  let pair: Array<Awaited<ReturnType<typeof startCollab>>> = [];
  beforeAll(async () => {
    pair = [await startCollab(db, { redisUrl, ...options }), await startCollab(db, { redisUrl, ...options })];
  });
  afterAll(async () => {
    tabs.leaveAll();
    await Promise.all(pair.map((server) => server.close()));
    await endClient();
  });
  const at = (index: number) => {
    const server = pair[index];
    if (!server) throw new Error('the co-editing servers are not started yet');
    return server;
  };
  return { one: () => at(0), two: () => at(1), tabs };
}

/** A story's revisions, oldest first. */
export const revisionsOf = (db: Database, storyId: string) => db.select().from(storyRevisions).where(eq(storyRevisions.storyId, storyId)).orderBy(asc(storyRevisions.createdAt));

/** Who has typed since the last checkpoint, as stored on the document (undefined: no document). */
export const pendingContributorsOf = async (db: Database, storyId: string) =>
  (await db.select({ ids: storyDocuments.contributorIds }).from(storyDocuments).where(eq(storyDocuments.storyId, storyId)))[0]?.ids;

/** The co-editing server alone in a child process (test/collab-process.ts) on the run's database, once it listens. */
export async function startCollabProcess(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/collab-process.ts'], { env: { ...process.env, DATABASE_URL: inject('databaseUrl'), LOG_LEVEL: 'error' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /ready (\S+)/.exec(out);
      if (ready?.[1]) resolve(ready[1]);
    });
    child.once('exit', (code) => reject(new Error(`collab process exited with ${code}`)));
  });
  return { child, url };
}
