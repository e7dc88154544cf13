import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '@/db';
import { authors, importItems, sections, tags } from '@/db/schema';
import type { ImportSource } from '@/lib/enums';
import { isReservedSegment } from '@/lib/reader/reserved';
import { isSlug, slugify, slugVariants } from '@/lib/slug';
import type { MappingRow } from './report';
import type { SourceSite, SourceTerm } from './source';

// Authors, sections and tags of an export, and what each becomes here. The
// dry run only reads (planTerms); the run creates what is missing in one
// transaction before any post (ensureTerms). Each created row is recorded in
// import_items under the source's own key, so a second run finds them; two
// authors of the same name stay two profiles (the second slug numbered).

export type Kind = 'author' | 'section' | 'tag';
export type TermMaps = { authors: Map<string, string>; sections: Map<string, string>; tags: Map<string, string> };

/** Posts with no category (or no primary tag) go here when they need a section. */
export const FALLBACK_SECTION = { key: '#none', name: 'أرشيف', slug: 'أرشيف' } as const;

export const itemKey = (kind: Kind | 'post' | 'media', key: string) => `${kind}:${key}`;

/** The slug a term or author asks for: its own when it is one of ours in form, else made from its name. */
export function wantedSlug(slug: string, name: string, kind: Kind): string {
  const own = slug.normalize('NFC').toLowerCase();
  const base = isSlug(own) ? own : slugify(name) || slugify(own) || kind;
  return kind === 'section' && isReservedSegment(base) ? `${base}-2` : base;
}

const TABLES = { author: authors, section: sections, tag: tags } as const;

async function knownItems(db: Executor, source: ImportSource, kind: Kind, keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .select({ key: importItems.key, targetId: importItems.targetId })
    .from(importItems)
    .where(and(eq(importItems.source, source), inArray(importItems.key, keys.map((key) => itemKey(kind, key)))));
  return new Map(rows.map((row) => [row.key.slice(kind.length + 1), row.targetId]));
}

async function takenSlugs(db: Executor, kind: Kind, slugs: string[]): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const table = TABLES[kind];
  const rows = await db.select({ id: table.id, slug: table.slug }).from(table).where(inArray(table.slug, slugs));
  return new Map(rows.map((row) => [row.slug, row.id]));
}

type Planned = { term: SourceTerm; id: string | null; slug: string; reuse: boolean };

/**
 * What each term becomes. Sections and tags of an existing slug are ours
 * already and are reused (an economy section is the economy section); an
 * author never is: a byline is a person, and a name is not proof of one.
 */
async function plan(db: Executor, source: ImportSource, kind: Kind, terms: SourceTerm[]): Promise<Planned[]> {
  const known = await knownItems(db, source, kind, terms.map((term) => term.key));
  const wanted = terms.map((term) => wantedSlug(term.slug, term.name, kind));
  const taken = await takenSlugs(db, kind, [...new Set(wanted.flatMap((slug) => [slug, ...slugVariants(slug, 20)]))]);
  const claimed = new Set<string>();
  return terms.map((term, index) => {
    const id = known.get(term.key);
    if (id) return { term, id, slug: '', reuse: true };
    const slug = wanted[index]!;
    if (kind !== 'author' && taken.has(slug)) return { term, id: taken.get(slug)!, slug, reuse: true };
    const free = [slug, ...slugVariants(slug, 20)].find((candidate) => !taken.has(candidate) && !claimed.has(candidate)) ?? `${slug}-${term.key}`;
    claimed.add(free);
    return { term, id: null, slug: free, reuse: false };
  });
}

/** A category's place in its tree, for the mapping: «اقتصاد › نفط». */
function trail(term: SourceTerm, all: Map<string, SourceTerm>): string {
  const names = [term.name];
  let parent = term.parentKey ? all.get(term.parentKey) : undefined;
  for (let depth = 0; parent && depth < 10; depth += 1) {
    names.unshift(parent.name);
    parent = parent.parentKey ? all.get(parent.parentKey) : undefined;
  }
  return names.join(' › ');
}

const asTerms = (site: SourceSite, withFallback: boolean): Record<Kind, SourceTerm[]> => ({
  author: site.authors.map((author) => ({ ...author, parentKey: null })),
  section: [...site.sections, ...(withFallback ? [{ ...FALLBACK_SECTION, parentKey: null }] : [])],
  tag: site.tags,
});

export async function planTerms(db: Executor, site: SourceSite, withFallback: boolean): Promise<{ sections: MappingRow[]; authors: MappingRow[] }> {
  const terms = asTerms(site, withFallback);
  const byKey = new Map(site.sections.map((term) => [term.key, term]));
  const rows = (planned: Planned[], label: (term: SourceTerm) => string): MappingRow[] =>
    planned.map((entry) => ({ source: label(entry.term), name: entry.term.name, target: entry.slug || entry.term.slug, exists: entry.reuse }));
  return {
    sections: rows(await plan(db, site.source, 'section', terms.section), (term) => (term.key === FALLBACK_SECTION.key ? '—' : trail(term, byKey))),
    authors: rows(await plan(db, site.source, 'author', terms.author), (term) => term.key),
  };
}

/** Creates what is missing and returns, for each source key, our row's id. Run inside one transaction. */
export async function ensureTerms(tx: Executor, site: SourceSite, runId: string, withFallback: boolean): Promise<TermMaps> {
  const terms = asTerms(site, withFallback);
  const maps: TermMaps = { authors: new Map(), sections: new Map(), tags: new Map() };
  const target = { author: maps.authors, section: maps.sections, tag: maps.tags } as const;
  for (const kind of ['author', 'section', 'tag'] as const) {
    for (const entry of await plan(tx, site.source, kind, terms[kind])) {
      let id = entry.id;
      if (!id) {
        const table = TABLES[kind];
        const [row] = await tx.insert(table).values({ slug: entry.slug, name: entry.term.name || entry.slug }).returning({ id: table.id });
        id = row!.id;
      }
      await tx.insert(importItems).values({ source: site.source, key: itemKey(kind, entry.term.key), targetId: id, runId }).onConflictDoNothing();
      target[kind].set(entry.term.key, id);
    }
  }
  return maps;
}
