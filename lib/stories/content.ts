import type { JSONContent } from '@tiptap/core';
import { z } from 'zod';
import { CONTROL_CHARACTERS, TOO_DEEP, validateDoc } from '@/lib/content/document';
import { CONTENT_LANGUAGES } from '@/lib/enums';
import { isSlug } from '@/lib/slug';
import { refuseControlChars } from '@/lib/text/control-chars';

// This schema reaches the editor's bundle. Zod's compiled parsers probe `new Function`,
// which the staff area's CSP (no 'unsafe-eval') reports as a violation even though zod
// catches it; set before any object schema is made, jitless skips the probe.
z.config({ jitless: true });

// A story's content as the editor sends it and the DAL saves it: the column
// groups of db/schema/content.ts in the editor's terms (tag names, byline ids,
// the lead image with its overrides). Client-safe. Messages are catalogue keys
// under "errors". A new field added later gets a default, so an editor tab
// opened before it existed can still save.

// Problems a writer can act on get their own message; any other is a client bug and gets the general one.
const BODY_MESSAGES: Record<string, string> = { [TOO_DEEP]: 'errors.tooDeep', [CONTROL_CHARACTERS]: 'errors.bodyControlChars' };

const text = (max: number) => refuseControlChars(z.string().max(max, 'errors.tooLong')).transform((value) => value.trim());

export const storyContentSchema = z.object({
  kicker: text(120),
  headline: text(250),
  subheadline: text(250).default(''),
  standfirst: text(600),
  body: z.custom<JSONContent>().superRefine((value, ctx) => {
    const problems = validateDoc(value);
    if (problems.length === 0) return;
    const message = problems.map((problem) => BODY_MESSAGES[problem.message]).find((known) => known !== undefined);
    ctx.addIssue({ code: 'custom', message: message ?? 'errors.bodyInvalid' });
  }),
  language: z.enum(CONTENT_LANGUAGES, { error: 'errors.invalidChoice' }),
  // Empty while a draft has no slug yet.
  slug: z
    .string()
    .trim()
    .max(400, 'errors.tooLong')
    .refine((value) => value === '' || isSlug(value), 'errors.slugInvalid'),
  sectionId: z.uuid({ error: 'errors.invalidChoice' }).nullable(),
  seoTitle: text(120),
  seoDescription: text(300),
  tags: z.array(refuseControlChars(z.string().trim().min(1, 'errors.required').max(60, 'errors.tooLong'))).max(30, 'errors.tooMany'),
  bylines: z.array(z.uuid({ error: 'errors.invalidChoice' })).max(10, 'errors.tooMany'),
  /**
   * The lead image and the story's own alt, caption and credit for it (null
   * takes the library's). Left out, the lead image stays as it is.
   */
  leadImage: z
    .object({
      id: z.uuid({ error: 'errors.invalidChoice' }),
      alt: refuseControlChars(z.string().trim().max(300, 'errors.tooLong').nullable()),
      caption: refuseControlChars(z.string().trim().max(600, 'errors.tooLong').nullable()),
      credit: refuseControlChars(z.string().trim().max(200, 'errors.tooLong').nullable()),
    })
    .nullable()
    .optional(),
});
export type StoryContent = z.output<typeof storyContentSchema>;

/** The parts of the content with shapes of their own; every other field travels as it is between row, editor and save. */
const SHAPED = ['body', 'tags', 'bylines', 'leadImage'] as const;
export type StoryFields = Omit<StoryContent, (typeof SHAPED)[number]>;
export const STORY_FIELD_KEYS = storyContentSchema.keyof().options.filter((key) => !(SHAPED as readonly string[]).includes(key)) as (keyof StoryFields)[];

export function pickFields(source: StoryFields): StoryFields {
  return Object.fromEntries(STORY_FIELD_KEYS.map((key) => [key, source[key]])) as StoryFields;
}

// The database keeps an empty optional text as null; the editor keeps ''. Fields the schema allows as null (the section) stay null.
const NULLABLE = new Set(STORY_FIELD_KEYS.filter((key) => storyContentSchema.shape[key].safeParse(null).success));

/** A row's fields in the editor's terms. */
export function fieldsFromRow(row: { [K in keyof StoryFields]: StoryFields[K] | null }): StoryFields {
  return Object.fromEntries(STORY_FIELD_KEYS.map((key) => [key, row[key] ?? (NULLABLE.has(key) ? null : '')])) as StoryFields;
}
