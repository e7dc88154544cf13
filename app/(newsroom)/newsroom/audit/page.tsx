import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { actionLabelKey, changedFields } from '@/lib/audit/labels';
import { listAudit } from '@/lib/audit/queries';
import { requireCapability } from '@/lib/auth/current-user';
import { hrefWith } from '@/lib/url';
import { auditFilterSchema, type AuditFilter } from '@/lib/users/schemas';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('audit'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const pageHref = (filter: AuditFilter, page: number) => hrefWith('/newsroom/audit', { ...filter, page });


export default async function AuditPage({ searchParams }: Props) {
  const user = await requireCapability('audit:read');
  const filter = auditFilterSchema.parse(await searchParams);
  const [t, format, { rows, hasMore }] = await Promise.all([getTranslations('audit'), getFormatter(), listAudit(user, filter)]);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="font-display text-3xl font-bold">{t('title')}</h1>
        <p className="mt-1 text-muted">{t('intro')}</p>
      </header>
      <form method="get" role="search" className="flex flex-wrap items-end gap-3 rounded-lg border border-rule bg-white p-4">
        <label className="space-y-1">
          <span className="block text-sm font-bold">{t('filterAction')}</span>
          <Input name="action" dir="ltr" defaultValue={filter.action} placeholder="user." />
        </label>
        <label className="space-y-1">
          <span className="block text-sm font-bold">{t('from')}</span>
          <Input type="date" name="from" defaultValue={filter.from} />
        </label>
        <label className="space-y-1">
          <span className="block text-sm font-bold">{t('to')}</span>
          <Input type="date" name="to" defaultValue={filter.to} />
        </label>
        {filter.actor && <input type="hidden" name="actor" value={filter.actor} />}
        {filter.target && <input type="hidden" name="target" value={filter.target} />}
        <Button type="submit" variant="secondary">
          {t('apply')}
        </Button>
      </form>
      {rows.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-rule bg-white">
          <table className="w-full text-sm">
            <thead className="border-b border-rule bg-paper">
              <tr>
                <th scope="col" className="px-3 py-2 text-start">{t('when')}</th>
                <th scope="col" className="px-3 py-2 text-start">{t('actor')}</th>
                <th scope="col" className="px-3 py-2 text-start">{t('action')}</th>
                <th scope="col" className="px-3 py-2 text-start">{t('target')}</th>
                <th scope="col" className="px-3 py-2 text-start">{t('change')}</th>
                <th scope="col" className="px-3 py-2 text-start">{t('ip')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-rule">
              {rows.map((row) => (
                <tr key={row.id} className="align-top">
                  <td className="whitespace-nowrap px-3 py-2">{format.dateTime(row.createdAt, 'dateTime')}</td>
                  <td className="px-3 py-2">{row.actorName ?? t('system')}</td>
                  <td className="px-3 py-2">
                    {/* The label, with the code kept for whoever searches the log by it. */}
                    {t.has(actionLabelKey(row.action)) ? <span title={row.action}>{t(actionLabelKey(row.action))}</span> : <code dir="ltr">{row.action}</code>}
                  </td>
                  <td className="px-3 py-2">
                    {row.targetId ? (
                      <Link href={pageHref({ ...filter, target: row.targetId }, 1)} className="underline" dir="auto">
                        {row.targetName ?? row.targetId}
                      </Link>
                    ) : (
                      row.targetType
                    )}
                  </td>
                  <td className="max-w-md break-words px-3 py-2 text-xs">
                    <ul className="space-y-0.5">
                      {changedFields(row.before, row.after).map((change) => (
                        <li key={change.field}>
                          <code dir="ltr">{change.field}</code>: <bdi>{change.before}</bdi> ← <bdi>{change.after}</bdi>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="px-3 py-2 font-mono text-xs" dir="ltr">
                    {row.ip}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="flex items-center justify-between" aria-label={t('page', { page: filter.page })}>
        {filter.page > 1 ? <Link href={pageHref(filter, filter.page - 1)} className="underline">{t('newer')}</Link> : <span />}
        <span className="text-sm text-muted">{t('page', { page: filter.page })}</span>
        {hasMore ? <Link href={pageHref(filter, filter.page + 1)} className="underline">{t('older')}</Link> : <span />}
      </nav>
    </div>
  );
}
