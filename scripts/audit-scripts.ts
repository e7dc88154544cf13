import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// Which scripts a page loaded are the framework's (Next.js and React) and which
// are ours, from the production build's own manifests: the root main files and
// polyfills every page shares, and each route's client-reference manifest,
// which names the modules in every chunk.

export type ScriptRequest = { url: string; resourceType?: string; transferSize?: number };
export type ClassifiedScript = { path: string; transferSize: number; kind: 'framework' | 'ours' };

const FRAMEWORK_MODULE = /^\[project\]\/node_modules\/(next|react|react-dom|scheduler)\//;

function frameworkChunks(): Set<string> {
  const build = JSON.parse(readFileSync('.next/build-manifest.json', 'utf8')) as { rootMainFiles: string[]; polyfillFiles: string[] };
  const framework = new Set([...build.rootMainFiles, ...build.polyfillFiles].map((file) => `/_next/${file}`));
  const modulesByChunk = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('_client-reference-manifest.js')) {
        const source = readFileSync(full, 'utf8');
        const json = source.slice(source.indexOf('= {') + 2).replace(/;\s*$/, '');
        const { clientModules } = JSON.parse(json) as { clientModules: Record<string, { chunks: string[] }> };
        for (const [id, { chunks }] of Object.entries(clientModules)) for (const chunk of chunks) modulesByChunk.set(chunk, [...(modulesByChunk.get(chunk) ?? []), id]);
      }
    }
  };
  walk('.next/server/app');
  for (const [chunk, modules] of modulesByChunk) if (modules.every((id) => FRAMEWORK_MODULE.test(id))) framework.add(chunk);
  return framework;
}

export function classifyScripts(requests: ScriptRequest[]): { files: ClassifiedScript[]; total: number; framework: number } {
  const framework = frameworkChunks();
  const files = requests.map((request) => {
    const pathname = new URL(request.url).pathname;
    return { path: pathname, transferSize: request.transferSize ?? 0, kind: framework.has(pathname) ? ('framework' as const) : ('ours' as const) };
  });
  const total = files.reduce((sum, f) => sum + f.transferSize, 0);
  return { files, total, framework: files.filter((f) => f.kind === 'framework').reduce((sum, f) => sum + f.transferSize, 0) };
}
