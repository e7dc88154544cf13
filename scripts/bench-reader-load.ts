import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { eq } from 'drizzle-orm';
import { publishedStories } from '@/db/schema';
import { CHROMIUM_ARGS, percentile } from './bench-app';

// npm run bench:reader-load (after npm run build)
// The production server on a fresh seeded database, pinned to one core, under
// load from the other: the home page and the seed article from the response
// cache, against a static server answering the same bytes on the same core
// (nginx when installed, otherwise a minimal Node server). The load comes from
// wrk when installed (C, as in the issue's figures), otherwise autocannon in
// this process, which tops out near the server's own rate on 20 KB pages.
// Prints req/s, p50, p99, errors, the ratio to the static server, the
// server's RSS before and after; then the server time of uncached renders
// (the response cache bypassed, then a first view after the page's tags were
// expired, as after a publish) and the SQL one cold article render sends.
// The server runs with the Node flags of `npm start` (package.json).
// `--serve PORT` is the server half.

const SERVER_CORE = process.env.BENCH_SERVER_CORE ?? '0';
const LOAD_CORE = process.env.BENCH_LOAD_CORE ?? '1';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RENDERS = Number(process.env.BENCH_RENDERS ?? 100);
// BENCH_RENDERS_ONLY=1: only the uncached renders and the SQL (no load runs), for measuring render work quickly.
const RENDERS_ONLY = process.env.BENCH_RENDERS_ONLY === '1';
// Further paths to time uncached (response cache bypassed), e.g. a trivial page, to know the framework's floor.
const EXTRA_PATHS = (process.env.BENCH_RENDER_PATHS ?? '').split(',').filter(Boolean);
// The editor's preview needs a signed-in session, got through Chromium (CHROMIUM_PATH); BENCH_PREVIEW=0 skips it.
const PREVIEW = process.env.BENCH_PREVIEW !== '0';

/** The demo editor's session cookie, signed in through the login form as a person would. */
async function editorCookie(base: string): Promise<string> {
  // Imported here, not at the top: the server half runs this same file, and Playwright would add some 35 MB to
  // the RSS the bench reports for the server.
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel('البريد الإلكتروني').fill('editor@sahifa.test');
    await page.getByLabel('كلمة المرور').fill('sahifa-demo-2026');
    await page.getByRole('button', { name: 'دخول' }).click();
    await page.waitForURL(`${base}/newsroom`);
    return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  } finally {
    await browser.close();
  }
}
/** Inside the build, as the server's own compiled entry points are (scripts/server-bundle.ts). */
const BENCH_OUT_DIR = '.next/sahifa-bench';
const PORTS = { app: Number(process.env.BENCH_APP_PORT ?? 3311), static: Number(process.env.BENCH_STATIC_PORT ?? 3312) };

const has = (command: string, flag: string) => spawnSync(command, [flag]).status === 0;
const hasTaskset = has('taskset', '--version');
const hasWrk = spawnSync('wrk', ['--version']).error === undefined;
const pinned = (core: string, command: string, args: string[]) => (hasTaskset ? ['taskset', ['-c', core, command, ...args]] : [command, args]) as [string, string[]];

/** The Node flags `npm start` gives the production server (`node --flag … .next/sahifa-server/with-db.mjs start`). */
function startFlags(): string[] {
  const script = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.start ?? '';
  return script.split(/\s+/).filter((word) => word.startsWith('--'));
}

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
  return line ? Math.round(Number(line[1]) / 1024) : NaN;
}

/** `errors` is the sum; `kinds` says what they were (wrk's socket errors by kind, non-2xx/3xx answers). */
type Load = { rps: number; p50: number; p99: number; errors: number; total: number; kinds: string };

/** wrk's "12.34ms", "850.00us", "1.20s" in milliseconds. */
const wrkMs = (value: string) => {
  const [, n, unit] = value.match(/^([\d.]+)(us|ms|s)$/) ?? [];
  // Rounded to wrk's own precision (two decimals of its unit): 0.69 ms, not 0.6900000000000001.
  return Math.round(Number(n) * (unit === 'us' ? 1 : unit === 's' ? 1e6 : 1000)) / 1000;
};

async function wrk(url: string, connections: number, seconds: number): Promise<Load> {
  // One thread is enough to saturate one server core; the timeout is autocannon's default (10 s).
  // Not spawnSync: this process's event loop must keep running (its idle sockets see the server close them).
  const child = spawn('taskset', ['-c', LOAD_CORE, 'wrk', '-t1', `-c${connections}`, `-d${seconds}s`, '--timeout', '10s', '--latency', url]);
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await new Promise((resolve) => child.once('close', resolve));
  const grab = (pattern: RegExp) => out.match(pattern)?.slice(1) ?? [];
  const socket = grab(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/).map(Number);
  const non2xx = Number(grab(/Non-2xx or 3xx responses: (\d+)/)[0] ?? 0);
  return {
    rps: Number(grab(/Requests\/sec:\s+([\d.]+)/)[0]),
    p50: wrkMs(grab(/^\s*50%\s+(\S+)/m)[0] ?? ''),
    p99: wrkMs(grab(/^\s*99%\s+(\S+)/m)[0] ?? ''),
    errors: socket.reduce((a, b) => a + b, 0) + non2xx,
    total: Number(grab(/(\d+) requests in/)[0]),
    kinds: errorKinds({ connect: socket[0] ?? 0, read: socket[1] ?? 0, write: socket[2] ?? 0, timeout: socket[3] ?? 0, 'non-2xx/3xx': non2xx }),
  };
}

const errorKinds = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${count} ${kind}`)
    .join(', ');

async function load(url: string, connections: number, seconds: number): Promise<Load> {
  if (hasWrk) return wrk(url, connections, seconds);
  const result = await autocannon({ url, connections, duration: seconds, pipelining: 1 });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    total: result.requests.total,
    kinds: errorKinds({ error: result.errors, timeout: result.timeouts, 'non-2xx': result.non2xx }),
  };
}

/** `node`: a minimal Node server even where nginx is installed (what Node's own HTTP stack costs, the floor for ours). */
async function startStatic(body: Buffer, dir: string, kind: 'nginx' | 'node' = has('nginx', '-v') ? 'nginx' : 'node'): Promise<{ kind: string; stop: () => Promise<void> }> {
  const file = path.join(dir, 'article.html');
  writeFileSync(file, body);
  if (kind === 'nginx') {
    const conf = path.join(dir, 'nginx.conf');
    writeFileSync(
      conf,
      `worker_processes 1; daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events { worker_connections 4096; }
http { access_log off; default_type "text/html; charset=utf-8"; client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
  server { listen 127.0.0.1:${PORTS.static}; root ${dir}; location / { try_files /article.html =404; } } }`,
    );
    const [command, args] = pinned(SERVER_CORE, 'nginx', ['-p', dir, '-c', conf]);
    const child = spawn(command, args, { stdio: 'inherit' });
    await waitFor(`http://127.0.0.1:${PORTS.static}/`);
    return { kind: 'nginx', stop: () => stopped(child) };
  }
  const script = `require('http').createServer((q, s) => { s.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': B.length }); s.end(B); }).listen(${PORTS.static}, '127.0.0.1'); const B = require('fs').readFileSync(${JSON.stringify(file)});`;
  const [command, args] = pinned(SERVER_CORE, process.execPath, ['-e', script]);
  const child = spawn(command, args, { stdio: 'inherit' });
  await waitFor(`http://127.0.0.1:${PORTS.static}/`);
  return { kind: 'node', stop: () => stopped(child) };
}

const stopped = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

async function waitFor(url: string) {
  for (let i = 0; i < 100; i++) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer`);
}

/** Messages between this process and the server half. */
type Ask = { expire: string[] } | { statements: 'start' | 'stop' } | { cpu: true } | { storyIdOf: string } | { publishTagsOf: string };
type Answer = { ready: true } | { done: boolean; statements?: string[]; cpuMs?: number; storyId?: string; tags?: string[] };

function asker(app: ChildProcess) {
  return (message: Ask) =>
    new Promise<Answer>((resolve) => {
      app.once('message', (answer) => resolve(answer as Answer));
      app.send(message);
    });
}

/**
 * Server time of renders that miss the response cache, one request at a time:
 * `bypass` sends an Authorization header (never served from nor stored into
 * the cache; Next's data cache stays warm); `cold` first expires the page's
 * own tags, or `expiring` when given, so the page and the reads under them miss.
 * Each on a fresh connection: no keep-alive socket the server may have closed.
 */
async function timeRenders(url: string, mode: 'bypass' | 'cold' | 'preview', ask: ReturnType<typeof asker>, cookie = '', expiring?: string[]) {
  const samples: number[] = [];
  const tags = expiring ?? ((await fetch(url)).headers.get('cache-tag') ?? '').split(',').filter(Boolean).map(decodeURI);
  const cpuMs = async () => ((await ask({ cpu: true })) as { cpuMs: number }).cpuMs;
  let cpuAtStart = 0;
  let expiryCpu = 0;
  for (let i = 0; i < RENDERS + 5; i++) {
    if (i === 5) cpuAtStart = await cpuMs();
    if (mode === 'cold') {
      // The expiry is the publish's work, not the view's: its CPU is measured and left out of the render's.
      const before = i >= 5 ? await cpuMs() : 0;
      await ask({ expire: tags });
      if (i >= 5) expiryCpu += (await cpuMs()) - before;
    }
    const started = performance.now();
    const response = await fetch(url, { headers: { ...(mode === 'bypass' ? { authorization: 'Bench none' } : {}), ...(cookie ? { cookie } : {}), connection: 'close' } });
    await response.arrayBuffer();
    const elapsed = performance.now() - started;
    // A preview is never near the response cache (it passes straight to Next).
    const expected = { bypass: 'BYPASS', cold: 'MISS', preview: null }[mode];
    if (response.status !== 200 || response.headers.get('x-sahifa-cache') !== expected) throw new Error(`${url}: ${response.status} ${response.headers.get('x-sahifa-cache')}, expected ${expected ?? 'no cache header'}`);
    if (i >= 5) samples.push(elapsed);
  }
  // The server's own CPU per render (the expiries left out when cold): what the machine's other load does not inflate.
  const cpuPerRender = ((await cpuMs()) - cpuAtStart - expiryCpu) / RENDERS;
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), cpuPerRender, expiryCpu: expiryCpu / RENDERS };
}

/** The load runs: the static baselines, then cached pages at 50 and 500 connections; prints the table and the RSS. */
async function loadRuns(base: string, article: string, bytes: Buffer, dir: string, flags: string[], pid: number) {
  const rssBefore = rssMb(pid);

  const staticServer = await startStatic(bytes, dir);
  await load(`http://127.0.0.1:${PORTS.static}/`, 50, 2);
  const baseline = await load(`http://127.0.0.1:${PORTS.static}/`, 50, SECONDS);
  await staticServer.stop();
  // Node's own HTTP server answering the same Buffer: what any Node server pays per request, and how it serves 500 sockets.
  const nodeRows: ({ name: string } & Load)[] = [];
  if (staticServer.kind !== 'node') {
    const nodeServer = await startStatic(bytes, dir, 'node');
    await load(`http://127.0.0.1:${PORTS.static}/`, 50, 2);
    nodeRows.push({ name: 'minimal Node server, same bytes, 50 connections', ...(await load(`http://127.0.0.1:${PORTS.static}/`, 50, SECONDS)) });
    nodeRows.push({ name: 'minimal Node server, same bytes, 500 connections, 30 s', ...(await load(`http://127.0.0.1:${PORTS.static}/`, 500, 30)) });
    await nodeServer.stop();
  }

  await load(article, 50, 2);
  const rows = [
    { name: `static (${staticServer.kind}), same ${bytes.length} bytes`, ...baseline },
    ...nodeRows,
    { name: 'cached article, 50 connections', ...(await load(article, 50, SECONDS)) },
    { name: 'cached home page, 50 connections', ...(await load(`${base}/`, 50, SECONDS)) },
    { name: 'cached article, 500 connections, 30 s', ...(await load(article, 500, 30)) },
  ];
  const rssAfter = rssMb(pid);
  
  console.log(`\nserver on core ${SERVER_CORE} (node ${flags.join(' ') || 'with no flags'}), load from ${hasWrk ? 'wrk' : 'autocannon'} on core ${LOAD_CORE}${hasTaskset ? '' : ' (taskset missing: not pinned)'}; ${SECONDS} s runs; load average ${loadAverage()}`);
  console.log('| | req/s | p50 | p99 | errors | × static |');
  console.log('|---|---|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.name} | ${Math.round(row.rps)} | ${row.p50} ms | ${row.p99} ms | ${row.errors} of ${row.total}${row.kinds ? ` (${row.kinds})` : ''} | ${(row.rps / baseline.rps).toFixed(3)} |`);
  console.log(`\nserver RSS: ${rssBefore} MB before the load, ${rssAfter} MB after`);
}

async function main() {
  if (hasTaskset) spawnSync('taskset', ['-cp', LOAD_CORE, String(process.pid)], { stdio: 'ignore' });
  const flags = startFlags();
  // The server half compiled as `npm run build` compiles the server (scripts/server-bundle.ts): run as in production, without tsx.
  // Imported here, not at the top: the compiled server half has no use for the compiler.
  const { buildServer } = await import('./server-bundle');
  await buildServer(['scripts/bench-reader-load.ts'], BENCH_OUT_DIR);
  const [command, args] = pinned(SERVER_CORE, process.execPath, [...flags, path.join(BENCH_OUT_DIR, 'bench-reader-load.mjs'), '--serve', String(PORTS.app)]);
  const app: ChildProcess = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, LOG_LEVEL: 'warn' } });
  await new Promise<void>((resolve, reject) => {
    app.once('message', () => resolve());
    app.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
  const ask = asker(app);
  const dir = mkdtempSync(path.join(tmpdir(), 'sahifa-bench-'));
  try {
    const base = `http://127.0.0.1:${PORTS.app}`;
    const home = await (await fetch(`${base}/`)).text();
    const articlePath = home.match(/href="(\/technology\/[^"]+)"/)?.[1];
    if (!articlePath) throw new Error('no article link on the home page');
    const article = `${base}${articlePath}`;
    // Warm the cache, and check that a hit is what gets measured.
    const bytes = Buffer.from(await (await fetch(article, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer());
    for (const url of [article, `${base}/`]) {
      const state = (await fetch(url)).headers.get('x-sahifa-cache');
      if (state !== 'HIT') throw new Error(`${url} is not served from the cache (${state})`);
    }
    if (!RENDERS_ONLY) await loadRuns(base, article, bytes, dir, flags, app.pid as number);

    console.log(`\nuncached renders, one at a time, ${RENDERS} each (client-side time over loopback; load average ${loadAverage()}):`);
    console.log("| page | response cache bypassed, data cache warm | first view after all its tags expired (cold) | first view after the article's story is published again (its publish's tags) |");
    const figures = (r: { p50: number; p95: number; cpuPerRender: number; expiryCpu: number }) =>
      `p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms; server CPU ${r.cpuPerRender.toFixed(1)} ms per render${r.expiryCpu > 0 ? ` (+ ${r.expiryCpu.toFixed(1)} ms for each expiry)` : ''}`;
    console.log('|---|---|---|---|');
    const slug = decodeURIComponent(articlePath.split('/').at(-1) ?? '');
    // What publishing the story again expires (lib/stories/publication.ts, readerTags): not the settings, nor the front.
    const { tags: publishTags = [] } = (await ask({ publishTagsOf: slug })) as { tags?: string[] };
    for (const [name, url] of [
      ['article', article],
      ['home', `${base}/`],
    ] as const) {
      const bypass = await timeRenders(url, 'bypass', ask);
      const cold = await timeRenders(url, 'cold', ask);
      const published = await timeRenders(url, 'cold', ask, '', publishTags);
      console.log(`| ${name} | ${figures(bypass)} | ${figures(cold)} | ${figures(published)} |`);
    }
    for (const extra of EXTRA_PATHS) console.log(`| ${extra} | ${figures(await timeRenders(`${base}${extra}`, 'bypass', ask))} | | |`);
    if (PREVIEW) {
      // An editor's preview of the same story's working copy: signed in, never cached, rendered live each time.
      const { storyId } = (await ask({ storyIdOf: slug })) as { storyId: string };
      console.log(`| article, editor's preview (/preview/…) | ${figures(await timeRenders(`${base}/preview/${storyId}`, 'preview', ask, await editorCookie(base)))} | | |`);
    }
    for (const [name, url] of [
      ['article', article],
      ['home page', `${base}/`],
    ] as const) {
      const tags = ((await fetch(url)).headers.get('cache-tag') ?? '').split(',').map(decodeURI);
      await ask({ expire: tags });
      await ask({ statements: 'start' });
      await (await fetch(url)).arrayBuffer();
      const { statements = [] } = (await ask({ statements: 'stop' })) as { statements?: string[] };
      console.log(`\nSQL of one cold ${name} render (${statements.length} statements):`);
      for (const statement of statements) console.log(`  ${statement.replace(/\s+/g, ' ').slice(0, 240)}`);
    }
  } finally {
    app.kill('SIGTERM');
    await new Promise((resolve) => app.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--serve') {
  const { startBenchApp } = await import('./bench-app');
  const { readerTags } = await import('@/lib/stories/publication');
  let recording: string[] | null = null;
  const app = await startBenchApp(Number(process.argv[3]), { debug: (_connection, query) => void recording?.push(query) });
  const secret = (globalThis as unknown as { sahifaInternalSecret: string }).sahifaInternalSecret;
  process.on('message', (message: Ask) => {
    const reply = (answer: Answer) => process.send?.(answer);
    if ('cpu' in message) {
      const { user, system } = process.cpuUsage();
      reply({ done: true, cpuMs: (user + system) / 1000 });
      return;
    }
    if ('publishTagsOf' in message) {
      void app.db
        .select({ storyId: publishedStories.storyId })
        .from(publishedStories)
        .where(eq(publishedStories.slug, message.publishTagsOf))
        .then(([row]) => (row ? readerTags(app.db, row.storyId) : []))
        .then((tags) => reply({ done: tags.length > 0, tags }));
      return;
    }
    if ('storyIdOf' in message) {
      void app.db
        .select({ storyId: publishedStories.storyId })
        .from(publishedStories)
        .where(eq(publishedStories.slug, message.storyIdOf))
        .then(([row]) => reply({ done: Boolean(row), storyId: row?.storyId }));
      return;
    }
    if ('statements' in message) {
      const seen = recording ?? [];
      recording = message.statements === 'start' ? [] : null;
      reply({ done: true, statements: seen });
      return;
    }
    // The way a publish expires reader caches, through the server's own loopback route.
    void fetch(`${app.base}/api/internal/revalidate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sahifa-internal': secret },
      body: JSON.stringify({ tags: message.expire }),
    }).then((response) => reply({ done: response.ok }));
  });
  process.send?.({ ready: true });
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
} else {
  await main();
}
