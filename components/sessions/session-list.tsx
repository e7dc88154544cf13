import { getFormatter, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import type { FormState } from '@/lib/actions';
import type { SessionView } from '@/lib/users/sessions';
import { EndSessionForm } from './end-session-form';

type EndAction = (previous: FormState, formData: FormData) => Promise<FormState>;

/** Active sessions, newest activity first, each with a button that ends it; the current one is marked and kept. */
export async function SessionList({ sessions, endAction, userId }: { sessions: SessionView[]; endAction: EndAction; userId?: string }) {
  const [t, format] = await Promise.all([getTranslations('sessions'), getFormatter()]);
  const when = (date: Date) => format.dateTime(date, 'dateTime');
  if (sessions.length === 0) return <p className="text-muted">{t('none')}</p>;
  return (
    <ul className="divide-y divide-rule" aria-label={t('title')}>
      {sessions.map((session) => (
        <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-session={session.id}>
          <div className="space-y-1">
            <p className="font-bold">
              <span dir="ltr">{session.browser || t('unknownBrowser')}</span>
              {session.device && <span className="font-normal text-muted"> · <span dir="ltr">{session.device}</span></span>}
              {session.current && <Badge tone="good" className="ms-2">{t('current')}</Badge>}
            </p>
            <p className="text-sm text-muted">
              {t('details', { ip: session.ip ?? '—', started: when(session.createdAt), lastSeen: when(session.lastSeenAt), method: t(`method.${session.method}`) })}
            </p>
          </div>
          {!session.current && <EndSessionForm action={endAction} sessionId={session.id} userId={userId} label={t('end')} />}
        </li>
      ))}
    </ul>
  );
}
