import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeRows } from '@/test/entry-points';
import { apiAuthor, apiSection, apiStory, apiTag, type StoryRow } from './dto';
import { slugPageQuery, storiesParams } from './params';

// public/openapi.json against the code: the routes under app/api/v1, their
// methods and query parameters, and the fields each one answers.

type Operation = { parameters?: ({ name: string; in: string } | { $ref: string })[] };
type Schema = { properties: Record<string, unknown>; required: string[] };
const spec = JSON.parse(readFileSync('public/openapi.json', 'utf8')) as {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { parameters: Record<string, { name: string; in: string }>; schemas: Record<string, Schema> };
};

const API_DIR = 'app/api/v1';
function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? routeFiles(full) : entry.name === 'route.ts' ? [full] : [];
  });
}
/** app/api/v1/stories/[id]/route.ts → /api/v1/stories/{id} */
const pathOf = (file: string) => `/${path.dirname(file).replace(/^app\//, '').replace(/\[(\w+)\]/g, '{$1}')}`;
const methodsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/export\s+(?:async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!.toLowerCase());

function queryNames(operation: Operation): string[] {
  return (operation.parameters ?? [])
    .map((p) => ('$ref' in p ? spec.components.parameters[p.$ref.split('/').pop()!]! : p))
    .filter((p) => p.in === 'query')
    .map((p) => p.name)
    .sort();
}

describe('public/openapi.json', () => {
  it('is OpenAPI 3.1', () => expect(spec.openapi).toBe('3.1.0'));

  it('describes exactly the routes under app/api/v1, with their methods', () => {
    const files = routeFiles(API_DIR);
    expect(Object.keys(spec.paths).sort()).toEqual(files.map(pathOf).sort());
    for (const file of files) expect(Object.keys(spec.paths[pathOf(file)]!).sort(), file).toEqual(methodsOf(file).sort());
  });

  it('matches the entry-point registry: every API route is key-only', () => {
    const registered = routeRows.filter((row) => row.file.startsWith(`${API_DIR}/`));
    expect(registered.map((row) => row.file).sort()).toEqual(routeFiles(API_DIR).sort());
    expect(registered.every((row) => 'apiKey' in row)).toBe(true);
  });

  it('names the query parameters the routes accept, and no others', () => {
    expect(queryNames(spec.paths['/api/v1/stories']!.get!)).toEqual(Object.keys(storiesParams.shape).sort());
    for (const listing of ['/api/v1/tags', '/api/v1/authors']) expect(queryNames(spec.paths[listing]!.get!)).toEqual(Object.keys(slugPageQuery.shape).sort());
    for (const bare of ['/api/v1/sections', '/api/v1/stories/{id}']) expect(queryNames(spec.paths[bare]!.get!)).toEqual([]);
  });

  it('lists, as required, exactly the fields each resource answers', () => {
    const site = 'https://example.com';
    const row: StoryRow = {
      storyId: '0b7c4b52-6c6a-4c2e-9d0e-2f1f2a3b4c5d',
      slug: 'خبر',
      sectionSlug: 'تقنية',
      sectionName: 'تقنية',
      language: 'ar',
      kicker: '',
      headline: 'خبر',
      subheadline: '',
      standfirst: '',
      body: { type: 'doc', content: [{ type: 'figure', attrs: { mediaId: '2b7c4b52-6c6a-4c2e-9d0e-2f1f2a3b4c5d', alt: '', caption: '', credit: '', width: 2000, height: 1000 } }] },
      plainText: '',
      leadImage: { id: '1b7c4b52-6c6a-4c2e-9d0e-2f1f2a3b4c5d', width: 1200, height: 800, alt: '', caption: '', credit: '', placeholder: '' },
      bylines: [{ id: 'a', name: 'كاتب', slug: 'كاتب' }],
      tags: [],
      notes: [],
      seoTitle: null,
      seoDescription: null,
      publishedAt: new Date(),
      updatedAt: new Date(),
    };
    const samples: Record<string, object> = {
      Story: apiStory(site, row),
      Section: apiSection(site, { slug: 's', name: 'n', description: '', position: 0, hidden: false }),
      Tag: apiTag(site, { slug: 't', name: 'n', description: '', stories: 1 }),
      Author: apiAuthor(site, { slug: 'a', name: 'n', jobTitle: null, bio: null, stories: 1 }),
      Ref: apiStory(site, row).section,
    };
    for (const [name, sample] of Object.entries(samples)) {
      const schema = spec.components.schemas[name]!;
      expect(Object.keys(schema.properties).sort(), name).toEqual(Object.keys(sample).sort());
      expect([...schema.required].sort(), name).toEqual(Object.keys(sample).sort());
    }
    // A figure in the body carries an absolute URL of a rendition that always exists.
    expect(apiStory(site, row).body.content![0]!.attrs!.src).toBe('https://example.com/media/2b7c4b52-6c6a-4c2e-9d0e-2f1f2a3b4c5d/960.webp');
    const image = (spec.components.schemas.Story!.properties.lead_image as { oneOf: Schema[] }).oneOf[1]!;
    expect(Object.keys(image.properties).sort()).toEqual(Object.keys(apiStory(site, row).lead_image!).sort());
  });
});
