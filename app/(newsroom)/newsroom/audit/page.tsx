import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { dominantDirection } from '@/lib/content/direction';
import { AUDIT_ACTIONS, AUDIT_AREAS } from '@/lib/audit/actions';
import { actionLabelKey, changedFields, fieldText, valueText, type Words } from '@/lib/audit/labels';
import { auditPeople, listAudit } from '@/lib/audit/queries';
import { requireCapability } from '@/lib/auth/current-user';
import { getSiteSettings } from '@/lib/reader/queries';
import { hrefWith } from '@/lib/url';
import { auditFilterSchema, type AuditFilter } from '@/lib/users/schemas';
import { RowLink } from '@/components/newsroom/row-link';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('audit'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const pageHref = (filter: AuditFilter, page: number) => hrefWith('/newsroom/audit', { ...filter, page });

/**
 * The newsroom's audit log: every recorded action (lib/audit/actions.ts),
 * filtered by kind of action, person, story and days (the newsroom's), each
 * said in words: an Arabic label for the action, field names and values for
 * the change, no codes and no JSON.
 */
export default async function AuditPage({ searchParams }: Props) {
  const user = await requireCapability('audit:read');
  const filter = auditFilterSchema.parse(await searchParams);
  const settings = await getSiteSettings();
  const [t, tAll, format, { rows, hasMore }, people] = await Promise.all([getTranslations('audit'), getTranslations(), getFormatter(), listAudit(user, filter, { timeZone: settings.timeZone }), auditPeople(user)]);
  const words: Words = { label: (key) => (tAll.has(key) ? tAll(key) : null), date: (date) => format.dateTime(date, 'dateTime') };
  return (
    <div className="space-y-6">
      <header>
        <h1 className="font-display text-3xl font-bold">{t('title')}</h1>
        <p className="mt-1 text-muted">{t('intro')}</p>
      </header>
      <form method="get" role="search" aria-label={t('title')} className="flex flex-wrap items-end gap-3 rounded-lg border border-rule bg-white p-4">
        <label className="space-y-1">
          <span className="block text-sm font-bold">{t('filterAction')}</span>
          <Select name="action" defaultValue={filter.action ?? ''} className="w-auto">
            <option value="">{t('anyAction')}</option>
            {AUDIT_AREAS.map((area) => (
              <optgroup key={area} label={t(`areas.${area}`)}>
                <option value={area}>{t('allOfArea', { area: t(`areas.${area}`) })}</option>
                {AUDIT_ACTIONS[area].map((action) => (
                  <option key={action} value={action}>
                    {t(actionLabelKey(action))}
                  </option>
                ))}
              </optgroup>
            ))}
          </Select>
        </label>
        <label className="space-y-1">
          <span className="block text-sm font-bold">{t('filterActor')}</span>
          <Select name="actor" defaultValue={filter.actor ?? ''} className="w-auto">
            <option value="">{t('anyone')}</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </Select>
        </label>
        <label className="space-y-1">
          <span className="block text-sm font-bold">{t('filterStory')}</span>
          <Input name="story" type="search" defaultValue={filter.story ?? ''} dir={dominantDirection(filter.story ?? '', 'ar')} maxLength={100} />
        </label>
        <label className="space-y-1">
          <span className="block text-sm font-bold">{t('from')}</span>
          <Input type="date" name="from" defaultValue={filter.from} />
        </label>
        <label className="space-y-1">
          <span className="block text-sm font-bold">{t('to')}</span>
          <Input type="date" name="to" defaultValue={filter.to} />
        </label>
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
                <tr key={row.id} className="align-top" data-action={row.action}>
                  <td className="whitespace-nowrap px-3 py-2">{format.dateTime(row.createdAt, 'dateTime')}</td>
                  <td className="px-3 py-2">{row.actorName ?? t('system')}</td>
                  {/* The label; the code stays in a tooltip for whoever reads the database by it. */}
                  <td className="px-3 py-2">{t.has(actionLabelKey(row.action)) ? <span title={row.action}>{t(actionLabelKey(row.action))}</span> : row.action}</td>
                  <td className="px-3 py-2">
                    {row.targetType === 'settings' ? (
                      t('areas.settings')
                    ) : row.targetId ? (
                      <span className="space-x-2 rtl:space-x-reverse">
                        <RowLink href={pageHref({ ...filter, target: row.targetId }, 1)} className="underline" dir={row.targetName ? dominantDirection(row.targetName, 'ar') : 'ltr'}>
                          {row.targetName ?? row.targetId}
                        </RowLink>
                        {row.targetType === 'story' && row.targetName !== null && (
                          <RowLink href={`/newsroom/stories/${row.targetId}`} className="text-xs text-muted underline">
                            {t('openStory')}
                          </RowLink>
                        )}
                      </span>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="max-w-md break-words px-3 py-2 text-xs">
                    <ul className="space-y-0.5">
                      {changedFields(row.before, row.after).map((change) => (
                        <li key={change.field}>
                          {fieldText(change.field, words)}: <bdi>{valueText(change.field, change.before, words)}</bdi> ← <bdi>{valueText(change.field, change.after, words)}</bdi>
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
