import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { requireCapability } from '@/lib/auth/current-user';
import { WEBHOOK_EVENTS } from '@/lib/enums';
import { listWebhooks } from '@/lib/webhooks/hooks';
import { createWebhookAction } from './actions';
import { DeliveryBadge } from './_components/delivery-badge';
import { WebhookForm } from './_components/webhook-form';
import { dominantDirection } from '@/lib/content/direction';
import { RowLink } from '@/components/newsroom/row-link';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('webhooks'))('title') };
}

// Outgoing webhooks (docs/api.md): each hook's page has its settings, the test button and the delivery log.
export default async function WebhooksPage() {
  const user = await requireCapability('webhooks:manage');
  const [t, hooks] = await Promise.all([getTranslations('webhooks'), listWebhooks(user)]);
  return (
    <div className="max-w-4xl space-y-8">
      <header>
        <h1 className="font-display text-3xl font-bold">{t('title')}</h1>
        <p className="mt-1 text-muted">{t('intro')}</p>
      </header>
      {hooks.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul className="space-y-3" aria-label={t('title')}>
          {hooks.map((hook) => (
            <li key={hook.id} className="flex flex-wrap items-baseline gap-3 rounded-lg border border-rule bg-white p-4" data-testid="webhook-row">
              <RowLink href={`/newsroom/webhooks/${hook.id}`} className="font-bold text-accent-ink underline" dir={dominantDirection(hook.name, 'ar')}>
                {hook.name}
              </RowLink>
              <code dir="ltr" className="text-sm">
                {hook.url}
              </code>
              {!hook.active && <Badge>{t('inactive')}</Badge>}
              {hook.allowPrivate && <Badge tone="warn">{t('privateAllowed')}</Badge>}
              {hook.lastState && <DeliveryBadge state={hook.lastState} />}
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="new-webhook" className="space-y-4 rounded-lg border border-rule bg-white p-6">
        <h2 id="new-webhook" className="font-display text-xl font-bold">
          {t('newWebhook')}
        </h2>
        <WebhookForm action={createWebhookAction} values={{ name: '', url: '', events: [...WEBHOOK_EVENTS], allowPrivate: false, active: true }} />
      </section>
    </div>
  );
}
