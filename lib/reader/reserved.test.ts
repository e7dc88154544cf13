import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isReservedSegment, RESERVED_SEGMENTS } from './reserved';

// The app's top-level routes, read from app/ and its route groups: static folders
// and route files such as feed.xml (dynamic segments, private folders and plain
// files are not paths).
function topLevelSegments(): string[] {
  const entries = (dir: string) => readdirSync(dir, { withFileTypes: true });
  const dirs = ['app', ...entries('app').filter((e) => e.isDirectory() && /^\(.+\)$/.test(e.name)).map((e) => `app/${e.name}`)];
  const segments: string[] = [];
  for (const dir of dirs) {
    for (const entry of entries(dir)) {
      if (entry.isDirectory() && !/^[([_]/.test(entry.name)) segments.push(entry.name);
      if (entry.isFile() && /\.(xml|txt|svg|ico)$/.test(entry.name) && !entry.name.endsWith('.ts')) segments.push(entry.name);
    }
  }
  return segments;
}

describe('reserved first segments', () => {
  it('lists every top-level route of the app', () => {
    const segments = topLevelSegments();
    expect(segments).toEqual(expect.arrayContaining(['newsroom', 'tag', 'feeds', 'feed.xml']));
    for (const segment of segments) expect(RESERVED_SEGMENTS, segment).toContain(segment);
  });

  it('refuses them by name, in any case, and nothing else', () => {
    expect(isReservedSegment('search')).toBe(true);
    expect(isReservedSegment('Newsroom')).toBe(true);
    expect(isReservedSegment('رياضة')).toBe(false);
    expect(isReservedSegment('tags')).toBe(false);
  });
});
