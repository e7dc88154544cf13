import { build } from 'esbuild';
import { rmSync } from 'node:fs';

// Our own server (scripts/server.ts and what it imports from lib/ and db/)
// compiled to plain JavaScript next to the build it serves, so a production
// process runs on Node alone, without tsx. Under tsx every module load, and
// every dynamic import() Next makes while answering a request (its data cache
// handler, for one, on each request), goes through tsx's resolve and load
// hooks on a loader thread of its own: measured in docs/reader-performance.md
// ("A compiled server"). Next's own code and every package stay external: Node
// loads them from node_modules as before, so the server and Next's build share
// one copy of `next`, React and the database driver.

/** Where the compiled entry points go: inside the build, so a server is never run against another build's output. */
export const SERVER_OUT_DIR = '.next/sahifa-server';

/** The processes a production build starts: `npm start` and the e2e suite's web server. */
const ENTRY_POINTS = ['scripts/with-db.ts', 'scripts/e2e-server.ts'];

/** Compiles `entryPoints` into `outdir`, emptied first (its chunks are named by content: old ones would pile up). */
export async function buildServer(entryPoints: string[] = ENTRY_POINTS, outdir = SERVER_OUT_DIR): Promise<void> {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints,
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}
