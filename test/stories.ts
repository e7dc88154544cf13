import type { StoryDraft } from '@/lib/stories/editor';
import type { StoryContentInput } from '@/lib/stories/schemas';

/** The save input that leaves a story as it is, with `patch` applied: what the editor would send. */
export function contentOf(story: StoryDraft, patch: Partial<StoryContentInput> = {}): StoryContentInput {
  return {
    baseVersion: story.version,
    kicker: story.kicker,
    headline: story.headline,
    standfirst: story.standfirst,
    body: story.body,
    language: story.language,
    slug: story.slug,
    sectionId: story.sectionId,
    seoTitle: story.seoTitle,
    seoDescription: story.seoDescription,
    tags: story.tags,
    bylines: story.bylines.map((b) => b.id),
    ...patch,
  };
}
