import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

// npm run bench:reader-load (after npm run build)
// The production server on a fresh seeded database, pinned to one core, under
// load from the other (autocannon, in this process): the home page and the
// seed article from the response cache, against a static server answering the
// same bytes on the same core (nginx when installed, otherwise a minimal Node
// server). Prints req/s, p50, p99, errors, the ratio to the static server, and
// the server's RSS before and after. `--serve PORT` is the server half.

const SERVER_CORE = process.env.BENCH_SERVER_CORE ?? '0';
const LOAD_CORE = process.env.BENCH_LOAD_CORE ?? '1';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PORTS = { app: 3311, static: 3312 };

const hasTaskset = spawnSync('taskset', ['--version']).status === 0;
const pinned = (core: string, command: string, args: string[]) => (hasTaskset ? ['taskset', ['-c', core, command, ...args]] : [command, args]) as [string, string[]];

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
  return line ? Math.round(Number(line[1]) / 1024) : NaN;
}

async function load(url: string, connections: number, seconds: number) {
  const result = await autocannon({ url, connections, duration: seconds, pipelining: 1 });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts + result.non2xx, total: result.requests.total };
}

async function startStatic(body: Buffer, dir: string): Promise<{ kind: string; stop: () => void }> {
  const file = path.join(dir, 'article.html');
  writeFileSync(file, body);
  if (spawnSync('nginx', ['-v']).status === 0) {
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
    return { kind: 'nginx', stop: () => child.kill('SIGTERM') };
  }
  const script = `require('http').createServer((q, s) => { s.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': B.length }); s.end(B); }).listen(${PORTS.static}, '127.0.0.1'); const B = require('fs').readFileSync(${JSON.stringify(file)});`;
  const [command, args] = pinned(SERVER_CORE, process.execPath, ['-e', script]);
  const child = spawn(command, args, { stdio: 'inherit' });
  await waitFor(`http://127.0.0.1:${PORTS.static}/`);
  return { kind: 'node', stop: () => child.kill('SIGTERM') };
}

async function waitFor(url: string) {
  for (let i = 0; i < 100; i++) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer`);
}

async function main() {
  if (hasTaskset) spawnSync('taskset', ['-cp', LOAD_CORE, String(process.pid)], { stdio: 'ignore' });
  const [command, args] = pinned(SERVER_CORE, process.execPath, ['--import', 'tsx', 'scripts/bench-reader-load.ts', '--serve', String(PORTS.app)]);
  const app: ChildProcess = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, LOG_LEVEL: 'warn' } });
  await new Promise<void>((resolve, reject) => {
    app.once('message', () => resolve());
    app.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
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
    const rssBefore = rssMb(app.pid as number);

    const staticServer = await startStatic(bytes, dir);
    await load(`http://127.0.0.1:${PORTS.static}/`, 50, 2);
    const baseline = await load(`http://127.0.0.1:${PORTS.static}/`, 50, SECONDS);
    staticServer.stop();

    await load(article, 50, 2);
    const rows = [
      { name: `static (${staticServer.kind}), same ${bytes.length} bytes`, ...baseline },
      { name: 'cached article, 50 connections', ...(await load(article, 50, SECONDS)) },
      { name: 'cached home page, 50 connections', ...(await load(`${base}/`, 50, SECONDS)) },
      { name: 'cached article, 500 connections, 30 s', ...(await load(article, 500, 30)) },
    ];
    const rssAfter = rssMb(app.pid as number);
    console.log(`\nserver on core ${SERVER_CORE}, load on core ${LOAD_CORE}${hasTaskset ? '' : ' (taskset missing: not pinned)'}; ${SECONDS} s runs`);
    console.log('| | req/s | p50 | p99 | errors | × static |');
    console.log('|---|---|---|---|---|---|');
    for (const row of rows) console.log(`| ${row.name} | ${Math.round(row.rps)} | ${row.p50} ms | ${row.p99} ms | ${row.errors} of ${row.total} | ${(row.rps / baseline.rps).toFixed(3)} |`);
    console.log(`\nserver RSS: ${rssBefore} MB before the load, ${rssAfter} MB after`);
  } finally {
    app.kill('SIGTERM');
    await new Promise((resolve) => app.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--serve') {
  const { startBenchApp } = await import('./bench-app');
  const app = await startBenchApp(Number(process.argv[3]));
  process.send?.({ ready: true });
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
} else {
  await main();
}
