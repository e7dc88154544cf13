import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/newsroom/action-form';
import { Badge } from '@/components/ui/badge';
import { listApiKeys } from '@/lib/api/keys';
import { requireCapability } from '@/lib/auth/current-user';
import { revokeApiKeyAction } from './actions';
import { IssueKeyForm } from './_components/issue-key-form';
import { dominantDirection } from '@/lib/content/direction';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('apiKeys'))('title') };
}

// Keys of the read-only content API (docs/api.md): issued here, shown once, revoked here.
export default async function ApiKeysPage() {
  const user = await requireCapability('api-keys:manage');
  const [t, format, keys] = await Promise.all([getTranslations('apiKeys'), getFormatter(), listApiKeys(user)]);
  const when = (date: Date | null) => (date ? format.dateTime(date, 'dateTime') : t('never'));
  return (
    <div className="max-w-4xl space-y-8">
      <header>
        <h1 className="font-display text-3xl font-bold">{t('title')}</h1>
        <p className="mt-1 text-muted">{t('intro')}</p>
      </header>
      <section aria-labelledby="new-key" className="space-y-4 rounded-lg border border-rule bg-white p-6">
        <h2 id="new-key" className="font-display text-xl font-bold">
          {t('newKey')}
        </h2>
        <IssueKeyForm />
      </section>
      {keys.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-rule bg-white">
          <table className="w-full text-start">
            <caption className="sr-only">{t('title')}</caption>
            <thead className="border-b border-rule bg-paper text-sm">
              <tr>
                <th scope="col" className="px-4 py-2 text-start">{t('name')}</th>
                <th scope="col" className="px-4 py-2 text-start">{t('prefix')}</th>
                <th scope="col" className="px-4 py-2 text-start">{t('created')}</th>
                <th scope="col" className="px-4 py-2 text-start">{t('lastUsed')}</th>
                <th scope="col" className="px-4 py-2 text-start">{t('status')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-rule">
              {keys.map((key) => (
                <tr key={key.id} data-testid="api-key-row">
                  <td className="px-4 py-2 font-bold" dir={dominantDirection(key.name, 'ar')}>
                    {key.name}
                  </td>
                  <td className="px-4 py-2">
                    <code dir="ltr">{key.prefix}…</code>
                  </td>
                  <td className="px-4 py-2 text-sm">
                    {when(key.createdAt)}
                    {key.createdByName && <span className="block text-muted">{key.createdByName}</span>}
                  </td>
                  <td className="px-4 py-2 text-sm">{when(key.lastUsedAt)}</td>
                  <td className="px-4 py-2">
                    {key.revokedAt ? (
                      <Badge tone="bad">{t('revokedAt', { at: when(key.revokedAt) })}</Badge>
                    ) : (
                      <ActionForm action={revokeApiKeyAction} submit={t('revoke')} label={t('revokeLabel', { name: key.name })} variant="danger">
                        <input type="hidden" name="id" value={key.id} />
                      </ActionForm>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
