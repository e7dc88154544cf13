import { listAuthors } from '@/lib/api/content';
import { slugPageQuery } from '@/lib/api/params';
import { answerApi } from '@/lib/api/respond';

export const dynamic = 'force-dynamic';

// Authors on live bylines, by slug, a page at a time (docs/api.md).
export function GET(request: Request) {
  return answerApi(request, slugPageQuery, ({ db, siteUrl }, query) => listAuthors(db, siteUrl, query));
}
