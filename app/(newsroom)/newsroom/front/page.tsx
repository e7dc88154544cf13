import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireCapability } from '@/lib/auth/current-user';
import { getFrontState, MAX_TOP_STORIES } from '@/lib/front/front';
import { FrontEditor } from './_components/front-editor';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('front'))('title') };
}

export default async function FrontPage() {
  const user = await requireCapability('front:manage');
  const [t, state] = await Promise.all([getTranslations('front'), getFrontState(user)]);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="font-display text-3xl font-bold">{t('title')}</h1>
        <p className="mt-2 text-muted">{t('intro', { max: MAX_TOP_STORIES })}</p>
      </header>
      <FrontEditor state={{ ...state, candidates: state.candidates.map((c) => ({ ...c, publishedAt: c.publishedAt.toISOString() })) }} max={MAX_TOP_STORIES} />
    </div>
  );
}
