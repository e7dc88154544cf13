import type { Metadata } from 'next';
import { notFoundMetadata, ReaderNotFound } from '@/components/site/not-found-message';
import { pathOf, redirectIfLegacy } from '@/lib/reader/legacy';

// Paths of three segments and more are no page of ours: an imported site's
// old permalinks (/2024/05/slug, /2024/05/06/slug) answer 308 to the story
// (lib/reader/legacy.ts); anything else the reader's 404.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ section: string; story: string; rest: string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  return notFoundMetadata();
}

export default async function LegacyPathPage({ params }: Props) {
  const { section, story, rest } = await params;
  await redirectIfLegacy(pathOf([section, story, ...rest]));
  return <ReaderNotFound />;
}
