import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { buttonVariants, Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { requireCapability } from '@/lib/auth/current-user';
import { roles } from '@/lib/auth/permissions';
import { listStaff } from '@/lib/users/queries';
import { userFilterSchema } from '@/lib/users/schemas';
import { RowLink } from '@/components/newsroom/row-link';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('users'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UsersPage({ searchParams }: Props) {
  const user = await requireCapability('users:manage');
  const filter = userFilterSchema.parse(await searchParams);
  const [t, format, staff] = await Promise.all([getTranslations(), getFormatter(), listStaff(user, filter)]);
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="font-display text-3xl font-bold">{t('users.title')}</h1>
          <p className="mt-1 text-muted">{t('users.intro')}</p>
        </div>
        <Link href="/newsroom/users/new" className={buttonVariants()}>
          {t('users.new')}
        </Link>
      </header>

      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-rule bg-white p-4" role="search">
        <label className="flex-1 space-y-1">
          <span className="block text-sm font-bold">{t('users.search')}</span>
          <Input type="search" name="q" defaultValue={filter.q} />
        </label>
        <label className="space-y-1">
          <span className="block text-sm font-bold">{t('users.filterRole')}</span>
          <Select name="role" defaultValue={filter.role ?? ''}>
            <option value="">{t('users.any')}</option>
            {roles.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </Select>
        </label>
        <label className="space-y-1">
          <span className="block text-sm font-bold">{t('users.filterStatus')}</span>
          <Select name="status" defaultValue={filter.status ?? ''}>
            <option value="">{t('users.any')}</option>
            {(['active', 'invited', 'deactivated'] as const).map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </Select>
        </label>
        <Button type="submit" variant="secondary">
          {t('users.apply')}
        </Button>
      </form>

      <p className="text-sm text-muted" aria-live="polite">
        {t('users.count', { count: staff.length })}
      </p>
      {staff.length === 0 ? (
        <p>{t('users.empty')}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-rule bg-white">
          <table className="w-full text-start">
            <thead className="border-b border-rule bg-paper text-sm">
              <tr>
                <th scope="col" className="px-4 py-2 text-start">{t('users.name')}</th>
                <th scope="col" className="px-4 py-2 text-start">{t('users.email')}</th>
                <th scope="col" className="px-4 py-2 text-start">{t('users.role')}</th>
                <th scope="col" className="px-4 py-2 text-start">{t('users.status')}</th>
                <th scope="col" className="px-4 py-2 text-start">{t('users.lastSignIn')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-rule">
              {staff.map((member) => (
                <tr key={member.id}>
                  <td className="px-4 py-2">
                    <RowLink href={`/newsroom/users/${member.id}`} className="font-bold text-accent-ink underline">
                      {member.displayName}
                    </RowLink>
                  </td>
                  <td className="px-4 py-2">
                    <span dir="ltr">{member.email}</span>
                  </td>
                  <td className="px-4 py-2">{t(`roles.${member.role}`)}</td>
                  <td className="px-4 py-2">
                    <StatusBadge status={member.status} invited={member.invited} label={t(`status.${member.status === 'active' && member.invited ? 'invited' : member.status}`)} />
                  </td>
                  <td className="px-4 py-2 text-sm">{member.lastSignInAt ? format.dateTime(member.lastSignInAt, 'dateTime') : t('users.never')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function StatusBadge({ status, invited, label }: { status: 'active' | 'deactivated'; invited: boolean; label: string }) {
  return <Badge tone={status === 'deactivated' ? 'bad' : invited ? 'warn' : 'good'}>{label}</Badge>;
}
