import { listSections } from '@/lib/api/content';
import { noQuery } from '@/lib/api/params';
import { answerApi } from '@/lib/api/respond';

export const dynamic = 'force-dynamic';

// The sections readers can open, in navigation order (docs/api.md).
export function GET(request: Request) {
  return answerApi(request, noQuery, ({ db, siteUrl }) => listSections(db, siteUrl));
}
