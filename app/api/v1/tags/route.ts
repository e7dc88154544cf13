import { listTags } from '@/lib/api/content';
import { slugPageQuery } from '@/lib/api/params';
import { answerApi } from '@/lib/api/respond';

export const dynamic = 'force-dynamic';

// Tags of live stories, by slug, a page at a time (docs/api.md).
export function GET(request: Request) {
  return answerApi(request, slugPageQuery, ({ db, siteUrl }, query) => listTags(db, siteUrl, query));
}
