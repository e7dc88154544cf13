import { getStory } from '@/lib/api/content';
import { noQuery, storyIdParam } from '@/lib/api/params';
import { answerApi } from '@/lib/api/respond';

export const dynamic = 'force-dynamic';

// One live story by id; 404 for anything readers cannot see, a malformed id included.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = storyIdParam.safeParse((await params).id);
  return answerApi(request, noQuery, ({ db, siteUrl }) => (id.success ? getStory(db, siteUrl, id.data) : Promise.resolve(null)));
}
