import { z } from 'zod';
import { EDITORIAL_STATES, PUBLICATION_STATES, SAVE_KINDS } from '@/lib/enums';
import { QUEUE_IDS } from '@/lib/desk/queue-ids';
import { stripControlChars } from '@/lib/text/control-chars';
import { storyContentSchema } from './content';

// The editor's save: the whole working copy plus the version it was based on.
// Messages are catalogue keys under "errors".

/** The whole working copy (lib/stories/content.ts) plus the version it was based on and how the save came about. */
export const storySaveSchema = storyContentSchema.extend({
  baseVersion: z.number().int().min(1),
  /** An editor's explicit yes to changing the slug of a story readers can reach. */
  confirmSlugChange: z.boolean().optional(),
  /** How the save came about, for its revision. */
  intent: z.enum(SAVE_KINDS).default('save'),
});
export type StorySaveInput = z.infer<typeof storySaveSchema>;
/** The working copy as the DAL saves it; how the save came about is passed beside it. */
export type StoryContentInput = Omit<StorySaveInput, 'intent'>;

/**
 * The editor's save of what is not text: the text (body and the fields of
 * TEXT_FIELDS, lib/collab/fields.ts) is a shared document the server stores
 * itself, so it is not part of this save, and a key for it is refused.
 */
export const storyMetaSchema = storyContentSchema
  .omit({ body: true, kicker: true, headline: true, subheadline: true, standfirst: true, seoTitle: true, seoDescription: true })
  .extend({ confirmSlugChange: z.boolean().optional() })
  .strict();
export type StoryMetaInput = z.infer<typeof storyMetaSchema>;

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

export const restoreSchema = z.object({ revisionId: z.uuid(), baseVersion: z.coerce.number().int().min(1) });
