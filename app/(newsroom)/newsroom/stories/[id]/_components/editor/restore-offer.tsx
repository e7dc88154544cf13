'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import type { StoryBackup } from '@/lib/stories/backup';
import { diffDocuments, diffFields } from '@/lib/stories/diff';
import type { StoryDraft } from '@/lib/stories/working-copy';
import { DiffBlocks } from './diff-blocks';

/** Text this browser kept that the server never got: shown against the server's text, restored only on request. */
export function RestoreOffer({ backup, server, onRestore, onDiscard }: { backup: StoryBackup; server: StoryDraft; onRestore: () => void; onDiscard: () => void }) {
  const t = useTranslations('restore');
  const format = useFormatter();
  const blocks = diffDocuments(server.body, backup.body);
  const fields = diffFields({ headline: server.headline, kicker: server.kicker, standfirst: server.standfirst }, { headline: backup.meta.headline, kicker: backup.meta.kicker, standfirst: backup.meta.standfirst });
  return (
    <section aria-labelledby="restore-heading" className="space-y-3 rounded-lg border-2 border-amber-600 bg-amber-50 p-4" data-testid="restore-offer">
      <h2 id="restore-heading" className="font-bold">
        {t('title', { time: format.dateTime(new Date(backup.savedAt), 'dateTime') })}
      </h2>
      <p className="text-sm">{backup.baseVersion === server.version ? t('intro') : t('introNewer')}</p>
      <div className="max-h-64 overflow-y-auto rounded-md bg-white p-3">
        <DiffBlocks blocks={blocks} fields={fields} />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button onClick={onRestore}>{t('restore')}</Button>
        <Button variant="secondary" onClick={onDiscard}>
          {t('discard')}
        </Button>
      </div>
    </section>
  );
}
