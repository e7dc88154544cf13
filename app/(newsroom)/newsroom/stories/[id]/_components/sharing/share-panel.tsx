'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useActionState, useId, useState, useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/form-status';
import { Select } from '@/components/ui/input';
import type { FormState } from '@/lib/actions';
import type { ShareLinkView } from '@/lib/share/links';
import { createShareLinkAction, revokeShareLinkAction } from '../../share-actions';

const LIFETIMES = ['1', '24', '72', '168'] as const;

/** Share links of one story: create one for a chosen time, copy it, revoke it. Editors and admins only. */
export function SharePanel({ storyId, links }: { storyId: string; links: ShareLinkView[] }) {
  const t = useTranslations('share');
  const format = useFormatter();
  const lifetimeId = useId();
  const [created, create, creating] = useActionState<FormState<{ url: string }>, FormData>(createShareLinkAction, {});
  const [revoked, revoke] = useActionState<FormState, FormData>(revokeShareLinkAction, {});
  const when = (date: Date) => format.dateTime(new Date(date), 'dateTime');
  return (
    <section aria-labelledby="share-heading" className="space-y-3 rounded-lg border border-rule bg-white p-4" data-testid="share-panel">
      <h2 id="share-heading" className="font-display text-lg font-bold">
        {t('title')}
      </h2>
      <p className="text-sm text-muted">{t('intro')}</p>
      <form action={create} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="storyId" value={storyId} />
        <div className="flex-1">
          <label htmlFor={lifetimeId} className="mb-1 block text-sm font-bold">
            {t('lifetime')}
          </label>
          <Select id={lifetimeId} name="hours" defaultValue="24">
            {LIFETIMES.map((hours) => (
              <option key={hours} value={hours}>
                {t(`lifetimes.${hours}`)}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" variant="secondary" disabled={creating}>
          {t('create')}
        </Button>
      </form>
      <FormStatus error={created.error ?? revoked.error} success={created.ok ? t('created') : null} />
      {links.length > 0 && (
        <ul className="space-y-2 text-sm">
          {links.map((link) => (
            <li key={link.id} className="space-y-1 rounded-md border border-rule p-2" data-testid="share-link" data-active={link.active}>
              <p>
                {t('createdBy', { name: link.createdByName ?? '—', time: when(link.createdAt) })}
              </p>
              <p className={link.active ? '' : 'text-muted'}>
                {link.revokedAt ? t('revokedAt', { time: when(link.revokedAt) }) : link.active ? t('expiresAt', { time: when(link.expiresAt) }) : t('expiredAt', { time: when(link.expiresAt) })}
              </p>
              {link.url && <ShareUrl path={link.url} />}
              {link.active && (
                <form action={revoke}>
                  <input type="hidden" name="linkId" value={link.id} />
                  <Button type="submit" size="sm" variant="danger">
                    {t('revoke')}
                  </Button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ShareUrl({ path }: { path: string }) {
  const t = useTranslations('share');
  const [copied, setCopied] = useState(false);
  // The newsroom's own origin, known only in the browser; the server renders the path alone.
  const origin = useSyncExternalStore(
    () => () => {},
    () => window.location.origin,
    () => '',
  );
  const url = origin + path;
  return (
    <div className="flex items-center gap-2">
      <input readOnly value={url} aria-label={t('url')} dir="ltr" className="min-w-0 flex-1 rounded border border-rule bg-paper px-2 py-1 font-mono text-xs" onFocus={(event) => event.currentTarget.select()} />
      <Button
        type="button"
        size="sm"
        variant="secondary"
        onClick={() => {
          void navigator.clipboard?.writeText(url).then(() => setCopied(true));
        }}
      >
        {copied ? t('copied') : t('copy')}
      </Button>
    </div>
  );
}
