import { pickFields } from '@/lib/stories/content';
import type { StoryDraft } from '@/lib/stories/working-copy';
import type { StoryContentInput } from '@/lib/stories/schemas';

/** The save input that leaves a story as it is, with `patch` applied: what the editor would send. */
export function contentOf(story: StoryDraft, patch: Partial<StoryContentInput> = {}): StoryContentInput {
  return { ...pickFields(story), baseVersion: story.version, body: story.body, tags: story.tags, bylines: story.bylines.map((b) => b.id), ...patch };
}
