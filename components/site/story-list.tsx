import type { StoryCard } from '@/lib/reader/queries';
import { formatDate, type DateSettings } from '@/lib/reader/format';
import { sectionPath, storyPath } from '@/lib/reader/paths';

// A plain list of story links: server-rendered, no client code.
export function StoryList({ stories, settings, emptyText, headingLevel = 2 }: { stories: StoryCard[]; settings: DateSettings; emptyText: string; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  if (stories.length === 0) return <p className="text-muted">{emptyText}</p>;
  return (
    <ol className="divide-y divide-rule">
      {stories.map((story) => (
        <li key={story.storyId} className="py-5">
          <article>
            {story.kicker && <p className="text-sm font-bold text-accent">{story.kicker}</p>}
            <Heading className="font-display text-xl font-bold leading-relaxed">
              <a href={storyPath(story.sectionSlug, story.slug)} className="no-underline hover:underline">
                {story.headline}
              </a>
            </Heading>
            {story.standfirst && <p className="mt-1 text-muted">{story.standfirst}</p>}
            <p className="mt-1 text-sm text-muted">
              <a href={sectionPath(story.sectionSlug)} className="no-underline hover:underline">
                {story.sectionName}
              </a>
              {' · '}
              <time dateTime={story.publishedAt.toISOString()}>{formatDate(story.publishedAt, settings)}</time>
            </p>
          </article>
        </li>
      ))}
    </ol>
  );
}
