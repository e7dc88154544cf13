import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';

// Reader pages are server components only. The production build records, per
// page, every client module the page references: for a reader page that may
// only be Next's own runtime, never a component of ours or the editor.
const siteDir = path.join('.next', 'server', 'app', '(site)');

function manifests(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return manifests(full);
    return entry.name === 'page_client-reference-manifest.js' ? [full] : [];
  });
}

test('reader pages reference no client module of their own', () => {
  const files = manifests(siteDir);
  expect(files.length).toBeGreaterThanOrEqual(3);
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const json = source.slice(source.indexOf('= {') + 2).replace(/;\s*$/, '');
    const { clientModules } = JSON.parse(json) as { clientModules: Record<string, unknown> };
    const ours = Object.keys(clientModules).filter((id) => !id.startsWith('[project]/node_modules/next/'));
    expect(ours, file).toEqual([]);
  }
});
