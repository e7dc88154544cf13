import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { eq, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { createDb } from '@/db/index';
import { migrateDatabase } from '@/db/migrate';
import { storyDocuments, storyDocumentUpdates } from '@/db/schema';
import { stories } from '@/db/schema';
import { paragraphsToDoc } from '@/lib/content/document';
import { connectClient, leave, sessionCookie, type TestClient } from '@/test/collab';
import { acquireTestServer, createDatabase, dropDatabase, uniqueDatabaseName } from '@/test/db-server';
import { createStaff, sessionVersionOf } from '@/test/staff';
import { percentile } from './bench-app';

// npm run bench:collab
// CLIENTS simulated writers (Yjs over WebSocket from Node, no browser) type
// into one story at RATE keystrokes a second each for SECONDS, each in a
// paragraph of their own. Measured: the time from one client's update to its
// receipt by every other client (p50/p99), the server's CPU and RSS, and the
// bytes stored. The same load runs first against bare Hocuspocus (no auth,
// no log, no storage) as the baseline for the ratio.

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const RATE = Number(process.env.BENCH_RATE ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const SECRET = 'bench-collab-secret-that-is-at-least-32-characters';

const dbServer = await acquireTestServer();
const name = uniqueDatabaseName('sahifa_bench_collab');
const url = await createDatabase(dbServer.adminUrl, name);
await migrateDatabase(url);
const { db, client } = createDb(url, { max: 4 });

type ServerProcess = { url: string; stats: () => Promise<{ cpuMs: number; rss: number }>; stop: () => void };

async function startServer(mode: 'bare' | 'sahifa'): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench-collab-server.ts', mode], {
    env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: SECRET, LOG_LEVEL: 'warn' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const next = () => new Promise<string>((resolve) => waiting.push(resolve));
  const ready = await next();
  return {
    url: ready.replace(/^ready /, ''),
    stats: async () => {
      const answer = next();
      child.stdin.write('stats\n');
      return JSON.parse((await answer).replace(/^stats /, '')) as { cpuMs: number; rss: number };
    },
    stop: () => child.kill('SIGTERM'),
  };
}

type Run = { latencies: number[]; keystrokes: number; cpuPercent: number; rssMb: number };

async function run(mode: 'bare' | 'sahifa', storyId: string, cookies: string[]): Promise<Run> {
  const server = await startServer(mode);
  const tabs: TestClient[] = [];
  for (const cookie of cookies) tabs.push(await connectClient(server.url, storyId, cookie));
  const refused = tabs.filter((tab) => tab.denied.length > 0).length;
  if (refused > 0) throw new Error(`${refused} clients were refused`);
  // Each client's own paragraph, created by the first client and synced to all before the clock starts.
  const body = tabs[0]!.doc.getXmlFragment('body');
  tabs[0]!.doc.transact(() => {
    body.delete(0, body.length);
    body.insert(0, tabs.map(() => new Y.XmlElement('paragraph')));
  });
  await new Promise((resolve) => setTimeout(resolve, 1500));

  // Every inserted character has an id (client, clock): its send time, and when each other client received it.
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  for (const tab of tabs) {
    tab.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== tab.provider) return;
      const received = performance.now();
      for (const struct of Y.decodeUpdate(update).structs) {
        const sent = sentAt.get(`${struct.id.client}:${struct.id.clock}`);
        if (sent !== undefined) latencies.push(received - sent);
      }
    });
  }
  const before = await server.stats();
  let keystrokes = 0;
  const started = performance.now();
  const timers = tabs.map((tab, index) =>
    setInterval(() => {
      const paragraph = tab.doc.getXmlFragment('body').get(index) as Y.XmlElement;
      const clock = Y.getState(tab.doc.store, tab.doc.clientID);
      sentAt.set(`${tab.doc.clientID}:${clock}`, performance.now());
      tab.doc.transact(() => {
        if (paragraph.length === 0) paragraph.insert(0, [new Y.XmlText('')]);
        const text = paragraph.get(0) as Y.XmlText;
        text.insert(text.length, 'ب');
      });
      keystrokes += 1;
    }, 1000 / RATE),
  );
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  timers.forEach(clearInterval);
  const elapsed = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const after = await server.stats();
  tabs.forEach(leave);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  server.stop();
  latencies.sort((a, b) => a - b);
  return { latencies, keystrokes, cpuPercent: ((after.cpuMs - before.cpuMs) / elapsed) * 100, rssMb: after.rss / 1024 / 1024 };
}

try {
  const users = await Promise.all(Array.from({ length: CLIENTS }, () => createStaff(db, 'editor')));
  const cookies = await Promise.all(users.map(async (user) => sessionCookie(user, await sessionVersionOf(db, user.id), SECRET)));
  const [story] = await db.insert(stories).values({ body: paragraphsToDoc(['']), headline: 'قياس التحرير المشترك' }).returning({ id: stories.id });
  const storyId = story!.id;

  const report = (label: string, result: Run) =>
    console.log(
      `${label}: ${result.keystrokes} keystrokes, ${result.latencies.length} receipts; update→receipt p50 ${percentile(result.latencies, 50).toFixed(1)} ms, p99 ${percentile(result.latencies, 99).toFixed(1)} ms, max ${(result.latencies.at(-1) ?? NaN).toFixed(1)} ms; server CPU ${result.cpuPercent.toFixed(1)}% of one core, RSS ${result.rssMb.toFixed(0)} MB`,
    );
  console.log(`bench:collab — ${CLIENTS} clients × ${RATE} keystrokes/s × ${SECONDS} s into one story`);
  // What one durable write costs on this machine right now: every acknowledged keystroke waits for one (or shares one).
  const commits: number[] = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    await db.insert(storyDocumentUpdates).values({ storyId, update: Buffer.from([0, 0]), userId: null });
    commits.push(performance.now() - started);
  }
  await db.delete(storyDocumentUpdates).where(eq(storyDocumentUpdates.storyId, storyId));
  commits.sort((a, b) => a - b);
  console.log(`one committed INSERT on this Postgres, 200 sequential: p50 ${percentile(commits, 50).toFixed(1)} ms, p99 ${percentile(commits, 99).toFixed(1)} ms`);
  const bare = await run('bare', storyId, cookies);
  report('baseline (bare Hocuspocus, nothing stored)', bare);
  const ours = await run('sahifa', storyId, cookies);
  report('sahifa (auth, update check, Postgres log before ack, working copy)', ours);
  console.log(`ratio sahifa/baseline: p50 ×${(percentile(ours.latencies, 50) / percentile(bare.latencies, 50)).toFixed(2)}, p99 ×${(percentile(ours.latencies, 99) / percentile(bare.latencies, 99)).toFixed(2)}, CPU ×${(ours.cpuPercent / bare.cpuPercent).toFixed(2)}`);

  const [stored] = await db
    .select({ snapshot: sql<number>`coalesce(sum(octet_length(${storyDocuments.state})), 0)::int` })
    .from(storyDocuments)
    .where(eq(storyDocuments.storyId, storyId));
  const [log] = await db
    .select({ bytes: sql<number>`coalesce(sum(octet_length(${storyDocumentUpdates.update})), 0)::int`, rows: sql<number>`count(*)::int` })
    .from(storyDocumentUpdates)
    .where(eq(storyDocumentUpdates.storyId, storyId));
  const [copy] = await db.select({ bytes: sql<number>`octet_length(${stories.body}::text)::int`, text: stories.plainText }).from(stories).where(eq(stories.id, storyId));
  console.log(`bytes stored: snapshot ${stored?.snapshot} B, log ${log?.bytes} B in ${log?.rows} rows (not yet compacted), JSON working copy ${copy?.bytes} B holding ${copy?.text.replace(/\s/g, '').length} characters of ${ours.keystrokes} typed`);
  const p99 = percentile(ours.latencies, 99);
  console.log(p99 < 100 ? `goal met: p99 ${p99.toFixed(1)} ms < 100 ms` : `goal NOT met: p99 ${p99.toFixed(1)} ms ≥ 100 ms`);
} finally {
  await client.end();
  await dropDatabase(dbServer.adminUrl, name);
  await dbServer.release();
}
process.exit(0);
