import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { requireCapability } from '@/lib/auth/current-user';
import { getEnv } from '@/lib/env';
import { getImport, listImports } from '@/lib/imports/imports';
import { importIdSchema } from '@/lib/imports/schemas';
import { RunReport } from './_components/run-report';
import { UploadForm } from './_components/upload-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('imports'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Imports from WordPress and Ghost (docs/import.md): upload, read the dry run, start, watch it run.
export default async function ImportsPage({ searchParams }: Props) {
  const user = await requireCapability('imports:run');
  const selected = importIdSchema.safeParse({ id: (await searchParams).run });
  const [t, runs, run] = await Promise.all([getTranslations('imports'), listImports(user), selected.success ? getImport(user, selected.data.id) : null]);
  return (
    <div className="max-w-5xl space-y-8">
      <header>
        <h1 className="font-display text-3xl font-bold">{t('title')}</h1>
        <p className="mt-1 text-muted">{t('intro')}</p>
      </header>
      {run && <RunReport run={run} />}
      <section aria-labelledby="new-import" className="space-y-4 rounded-lg border border-rule bg-white p-6">
        <h2 id="new-import" className="font-display text-xl font-bold">
          {t('newImport')}
        </h2>
        <UploadForm maxBytes={getEnv().IMPORT_MAX_BYTES} />
      </section>
      <section aria-labelledby="recent-imports" className="space-y-2">
        <h2 id="recent-imports" className="font-display text-xl font-bold">
          {t('recent')}
        </h2>
        {runs.length === 0 ? (
          <p>{t('empty')}</p>
        ) : (
          <ul className="space-y-2">
            {runs.map((entry) => (
              <li key={entry.id} className="flex flex-wrap items-baseline gap-3">
                <Link href={`/newsroom/imports?run=${entry.id}`} className="font-bold text-accent-ink underline">
                  <bdi>{entry.fileName}</bdi>
                </Link>
                <span className="text-sm text-muted">{t(`sources.${entry.source}`)}</span>
                <Badge>{t(`states.${entry.state}`)}</Badge>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
