import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/newsroom/action-form';
import { AutoRefresh } from '@/components/newsroom/auto-refresh';
import { requireCapability } from '@/lib/auth/current-user';
import { getWebhook } from '@/lib/webhooks/hooks';
import { eventLabelKey, webhookIdSchema } from '@/lib/webhooks/schemas';
import { deleteWebhookAction, sendTestAction, updateWebhookAction } from '../actions';
import { DeliveryBadge } from '../_components/delivery-badge';
import { WebhookForm } from '../_components/webhook-form';
import { dominantDirection } from '@/lib/content/direction';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('webhooks'))('title') };
}

// While a delivery waits for an attempt, the log re-reads itself this often.
const PENDING_REFRESH_MS = 2_000;

type Props = { params: Promise<{ id: string }> };

export default async function WebhookPage({ params }: Props) {
  const user = await requireCapability('webhooks:manage');
  const { id } = await params;
  const found = webhookIdSchema.safeParse({ id }).success ? await getWebhook(user, id) : null;
  if (!found) notFound();
  const { hook, deliveries } = found;
  const [t, format] = await Promise.all([getTranslations('webhooks'), getFormatter()]);
  const hookId = <input type="hidden" name="id" value={hook.id} />;
  return (
    <div className="max-w-4xl space-y-8">
      <header className="space-y-1">
        <Link href="/newsroom/webhooks" className="text-sm">
          {t('back')}
        </Link>
        <h1 className="font-display text-3xl font-bold" dir={dominantDirection(hook.name, 'ar')}>
          {hook.name}
        </h1>
        <code dir="ltr">{hook.url}</code>
      </header>
      <section aria-labelledby="deliveries" className="space-y-4 rounded-lg border border-rule bg-white p-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="deliveries" className="font-display text-xl font-bold">
            {t('log')}
          </h2>
          <ActionForm action={sendTestAction} submit={t('sendTest')} label={t('sendTestLabel', { name: hook.name })}>
            {hookId}
          </ActionForm>
        </div>
        {deliveries.some((d) => d.state === 'pending') && <AutoRefresh ms={PENDING_REFRESH_MS} />}
        {deliveries.length === 0 ? (
          <p>{t('noDeliveries')}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-start text-sm">
              <caption className="sr-only">{t('log')}</caption>
              <thead className="border-b border-rule">
                <tr>
                  <th scope="col" className="px-2 py-2 text-start">{t('when')}</th>
                  <th scope="col" className="px-2 py-2 text-start">{t('eventColumn')}</th>
                  <th scope="col" className="px-2 py-2 text-start">{t('stateColumn')}</th>
                  <th scope="col" className="px-2 py-2 text-start">{t('attempts')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-rule">
                {deliveries.map((delivery) => (
                  <tr key={delivery.id} data-testid="delivery-row">
                    <td className="px-2 py-2">{format.dateTime(delivery.createdAt, 'dateTime')}</td>
                    <td className="px-2 py-2">
                      <span title={delivery.event}>{t(eventLabelKey(delivery.event))}</span>
                    </td>
                    <td className="px-2 py-2">
                      <DeliveryBadge state={delivery.state} />
                    </td>
                    <td className="px-2 py-2">
                      <ol className="space-y-0.5">
                        {delivery.attempts.map((attempt) => (
                          <li key={attempt.attempt}>
                            {t('attemptLine', {
                              attempt: attempt.attempt,
                              status: attempt.statusCode === null ? t('noStatus') : String(attempt.statusCode),
                              ms: attempt.durationMs,
                            })}
                            {attempt.error && <span className="ms-2 text-muted">{t(`error.${attempt.error}`)}</span>}
                          </li>
                        ))}
                      </ol>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="settings" className="space-y-4 rounded-lg border border-rule bg-white p-6">
        <h2 id="settings" className="font-display text-xl font-bold">
          {t('settings')}
        </h2>
        <WebhookForm action={updateWebhookAction} values={hook} />
      </section>
      <ActionForm action={deleteWebhookAction} submit={t('delete')} label={t('deleteLabel', { name: hook.name })} variant="danger">
        {hookId}
      </ActionForm>
    </div>
  );
}
