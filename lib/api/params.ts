import { z } from 'zod';
import { isSlug } from '@/lib/slug';

// The content API's query parameters and cursors. Pure. An unknown
// parameter, a malformed value or a cursor from another listing is a 400 with
// the parameter named, never a 500 and never silently ignored.

export const STORY_ORDERS = ['newest', 'updated'] as const;
export type StoryOrder = (typeof STORY_ORDERS)[number];
export const MAX_LIMIT = 100;

/** Where a page ended: the sort value as Postgres printed it (full precision), and the row's id or slug. */
export type Cursor = { order: StoryOrder | 'slug'; value: string; id: string };

// A story cursor carries a timestamp as Postgres prints it and a story id; both go back into SQL, so they are checked here.
const TIMESTAMP = /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d{1,6})?([+-]\d\d(:\d\d)?|Z)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const cursorShape = z
  .tuple([z.enum([...STORY_ORDERS, 'slug']), z.string().max(400), z.string().max(400)])
  .refine(([order, value, id]) => order === 'slug' || (TIMESTAMP.test(value) && UUID.test(id)));

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.order, cursor.value, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string): Cursor | null {
  try {
    const parsed = cursorShape.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? { order: parsed.data[0], value: parsed.data[1], id: parsed.data[2] } : null;
  } catch {
    return null;
  }
}

const slugParam = z.string().max(400).refine(isSlug, 'not a slug');
const limit = z.coerce.number().int().min(1).max(MAX_LIMIT).default(20);
const cursorParam = (order: Cursor['order'] | null) =>
  z
    .string()
    .max(600)
    .transform((text, ctx) => {
      const cursor = decodeCursor(text);
      if (!cursor || (order !== null && cursor.order !== order)) {
        ctx.addIssue({ code: 'custom', message: 'not a cursor of this listing' });
        return z.NEVER;
      }
      return cursor;
    });

/** The parameters of GET /api/v1/stories, before the cursor is read (public/openapi.json lists the same names). */
export const storiesParams = z
  .object({
    limit,
    order: z.enum(STORY_ORDERS).default('newest'),
    cursor: z.string().max(600).optional(),
    updated_since: z.iso.datetime({ offset: true }).transform((value) => new Date(value)).optional(),
    section: slugParam.optional(),
    tag: slugParam.optional(),
    author: slugParam.optional(),
  })
  .strict();

export const storiesQuery = storiesParams.transform((query, ctx) => {
  if (query.cursor === undefined) return { ...query, cursor: null };
  const cursor = cursorParam(query.order).safeParse(query.cursor);
  if (!cursor.success) {
    ctx.addIssue({ code: 'custom', path: ['cursor'], message: 'not a cursor of this listing' });
    return z.NEVER;
  }
  return { ...query, cursor: cursor.data };
});
export type StoriesQuery = z.output<typeof storiesQuery>;

export const slugPageQuery = z.object({ limit, cursor: cursorParam('slug').optional() }).strict();
export type SlugPageQuery = z.output<typeof slugPageQuery>;

export const noQuery = z.object({}).strict();

export const storyIdParam = z.uuid();

/** The first problem of a query, as the 400 names it. */
export function queryProblem(error: z.ZodError): { parameter: string; message: string } {
  const issue = error.issues[0];
  const parameter = issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : String(issue?.path[0] ?? 'query');
  return { parameter, message: issue?.code === 'unrecognized_keys' ? 'unknown parameter' : (issue?.message ?? 'invalid') };
}
