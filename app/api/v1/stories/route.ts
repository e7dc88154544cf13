import { listStories } from '@/lib/api/content';
import { storiesQuery } from '@/lib/api/params';
import { answerApi } from '@/lib/api/respond';

export const dynamic = 'force-dynamic';

// Live stories, a page at a time (docs/api.md). Key, rate, query and ETag: lib/api/respond.ts.
export function GET(request: Request) {
  return answerApi(request, storiesQuery, ({ db, siteUrl }, query) => listStories(db, siteUrl, query));
}
