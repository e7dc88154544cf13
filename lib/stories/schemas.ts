import type { JSONContent } from '@tiptap/core';
import { z } from 'zod';
import { CONTROL_CHARACTERS, TOO_DEEP, validateDoc } from '@/lib/content/document';
import { CONTENT_LANGUAGES, EDITORIAL_STATES, PUBLICATION_STATES, SAVE_KINDS } from '@/lib/enums';
import { QUEUE_IDS } from '@/lib/desk/queue-ids';
import { isSlug } from '@/lib/slug';
import { refuseControlChars, stripControlChars } from '@/lib/text/control-chars';

// The editor's save: the whole working copy plus the version it was based on.
// Messages are catalogue keys under "errors".

// Problems a writer can act on get their own message; any other is a client bug and gets the general one.
const BODY_MESSAGES: Record<string, string> = { [TOO_DEEP]: 'errors.tooDeep', [CONTROL_CHARACTERS]: 'errors.bodyControlChars' };

const text = (max: number) => refuseControlChars(z.string().max(max, 'errors.tooLong')).transform((value) => value.trim());

export const storySaveSchema = z.object({
  baseVersion: z.number().int().min(1),
  kicker: text(120),
  headline: text(250),
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
  /** An editor's explicit yes to changing the slug of a story readers can reach. */
  confirmSlugChange: z.boolean().optional(),
  /** save (Ctrl+S), autosave (the timer), or overwrite (the conflict dialog's "keep mine"). */
  intent: z.enum(SAVE_KINDS).default('save'),
  /** The editor tab, for the soft lock. */
  sessionId: z.string().min(8).max(100).optional(),
});
export type StorySaveInput = z.infer<typeof storySaveSchema>;
/** The working copy as the DAL saves it; how and from where the save came are passed beside it. */
export type StoryContentInput = Omit<StorySaveInput, 'intent' | 'sessionId'>;

export const storyFilterSchema = z.object({
  q: z.string().transform(stripControlChars).pipe(z.string().trim().max(200)).optional().catch(undefined),
  state: z.enum(EDITORIAL_STATES).optional().catch(undefined),
  publication: z.enum(PUBLICATION_STATES).optional().catch(undefined),
  section: z.uuid().optional().catch(undefined),
  author: z.uuid().optional().catch(undefined),
  /** One of the desk's queues, as the dashboard links to it. */
  queue: z.enum(QUEUE_IDS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type StoryFilter = z.infer<typeof storyFilterSchema>;

export const presenceSchema = z.object({
  action: z.enum(['heartbeat', 'take_over', 'release']),
  sessionId: z.string().min(8).max(100),
});

export const restoreSchema = z.object({ revisionId: z.uuid(), baseVersion: z.coerce.number().int().min(1) });
