import type { StoryCard } from '@/lib/reader/queries';
import { formatDate, type DateSettings } from '@/lib/reader/format';
import { storyPath } from '@/lib/reader/paths';

/** One story as a headline block: the lead gets a larger one. Server-only markup. */
export function StoryTeaser({ story, settings, size = 'normal', headingLevel = 3 }: { story: StoryCard; settings: DateSettings; size?: 'lead' | 'normal'; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    // A div, not an article: on an article page, the one <article> is the story being read.
    <div className={size === 'lead' ? 'border-b-2 border-ink pb-6' : ''}>
      {story.kicker && <p className="text-sm font-bold text-accent">{story.kicker}</p>}
      <Heading className={size === 'lead' ? 'font-display text-3xl font-bold leading-normal md:text-4xl' : 'font-display text-lg font-bold leading-relaxed'}>
        <a href={storyPath(story.sectionSlug, story.slug)} className="no-underline hover:underline">
          {story.headline}
        </a>
      </Heading>
      {story.standfirst && <p className={size === 'lead' ? 'mt-2 text-lg text-muted' : 'mt-1 line-clamp-3 text-muted'}>{story.standfirst}</p>}
      <p className="mt-1 text-sm text-muted">
        <time dateTime={story.publishedAt.toISOString()}>{formatDate(story.publishedAt, settings)}</time>
      </p>
    </div>
  );
}
