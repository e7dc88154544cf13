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

export const restoreSchema = z.object({ revisionId: z.uuid() });

/**
 * Ctrl+S: a checkpoint of the story as the person sees it. `stateVector` is their Yjs document's
 * (`Y.encodeStateVector`, base64): the checkpoint waits until the server has stored everything they saw.
 */
export const checkpointSchema = z.object({ stateVector: z.base64().min(1).max(65_536) });
