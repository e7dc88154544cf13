'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import type { usePresence } from './use-presence';

export type Notice = { key: string; values?: Record<string, number> };

/** Save errors, notices and the soft lock's banners, announced as they appear. */
export function EditorNotices({
  error,
  notice,
  canEdit,
  presence,
}: {
  error: string | null;
  notice: Notice | null;
  canEdit: boolean;
  presence: ReturnType<typeof usePresence>;
}) {
  const t = useTranslations();
  const format = useFormatter();
  return (
    <>
      <div aria-live="assertive" role="alert" className="space-y-2 empty:hidden">
        {error && <p className="rounded-md border border-accent bg-red-50 px-3 py-2 font-bold text-accent-ink">{t(error)}</p>}
        {notice && <p className="rounded-md border border-amber-600 bg-amber-50 px-3 py-2">{t(notice.key, notice.values)}</p>}
        {canEdit && presence.takenOver && presence.holder && (
          <p className="rounded-md border border-amber-600 bg-amber-50 px-3 py-2 font-bold">{t('editor.takenOver', { name: presence.holder.name })}</p>
        )}
      </div>
      {canEdit && presence.mine === false && presence.holder && (
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-amber-600 bg-amber-50 p-3" data-testid="soft-lock">
          <p>{t('editor.editingSince', { name: presence.holder.name, time: format.dateTime(presence.holder.since, 'time') })}</p>
          <Button variant="secondary" onClick={() => void presence.takeOver()}>
            {t('editor.takeOver')}
          </Button>
        </div>
      )}
    </>
  );
}
