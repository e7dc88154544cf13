import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionRows, pageRows, routeRows } from './entry-points';

// Fails when a page, route handler or server action exists without a row in
// the registry (and so without a place in the authorization matrix).

/** Files under dir with one of these names, or every .ts file when names is null. */
function filesNamed(dir: string, names: string[] | null): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesNamed(full, names);
    return (names ? names.includes(entry.name) : entry.name.endsWith('.ts')) ? [full] : [];
  });
}

function exportedFunctions(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/export\s+(?:async\s+function\s+(\w+)|const\s+(\w+)\s*=)/g)].map((m) => (m[1] ?? m[2]) as string);
}

describe('entry-point registry', () => {
  it('has a row for every page', () => {
    expect(filesNamed('app', ['page.tsx']).sort()).toEqual([...new Set(pageRows.map((row) => row.file))].sort());
  });

  it('has a row for every route handler', () => {
    expect(filesNamed('app', ['route.ts']).sort()).toEqual([...new Set(routeRows.map((row) => row.file))].sort());
  });

  it('has a row for every exported server action, and no row without one', () => {
    // Every module of server actions, whatever it is called: they all start with 'use server'.
    const modules = filesNamed('app', null).filter((file) => /^\s*['"]use server['"]/.test(readFileSync(file, 'utf8')));
    const actual = modules.flatMap((file) => exportedFunctions(file).map((name) => `${file}#${name}`));
    expect(actual.sort()).toEqual(actionRows.map((row) => `${row.file}#${row.name}`).sort());
  });

  it('names DAL functions that exist and that the action calls', () => {
    for (const row of actionRows) {
      const source = readFileSync(row.file, 'utf8');
      for (const dal of row.dal) expect(source, `${row.name} calls ${dal}`).toMatch(new RegExp(`\\b${dal}\\(`));
    }
  });

  it('marks every staff-area action with a capability, checked by its DAL call', () => {
    // Paths read app/(newsroom)/newsroom/…: the staff area.
    const staffRows = actionRows.filter((r) => r.file.startsWith('app/(newsroom)/newsroom/'));
    expect(staffRows.length).toBeGreaterThan(0);
    const dalModules = filesNamed('lib', null).filter((file) => !file.endsWith('.test.ts'));
    for (const row of staffRows) {
      expect('capability' in row, row.name).toBe(true);
      for (const dal of row.dal) {
        const found = dalModules.some((file) => {
          const source = readFileSync(file, 'utf8');
          const body = source.slice(source.indexOf(`function ${dal}(`));
          return source.includes(`function ${dal}(`) && body.slice(0, 600).includes(`authorize(actor, '${(row as { capability: string }).capability}')`);
        });
        expect(found, `${dal} authorizes ${(row as { capability: string }).capability}`).toBe(true);
      }
    }
  });
});
