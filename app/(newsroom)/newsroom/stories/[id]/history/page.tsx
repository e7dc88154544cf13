import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { ConfirmSubmit } from '@/components/ui/confirm-dialog';
import { requireCapability } from '@/lib/auth/current-user';
import { STORY_FIELD_KEYS } from '@/lib/stories/content';
import { diffDocuments, diffFields, type BlockChange } from '@/lib/stories/diff';
import { getRevisions, listRevisions, type RevisionSnapshot } from '@/lib/stories/revisions';
import { getStoryForEditor } from '@/lib/stories/working-copy';
import { storyTimeline } from '@/lib/stories/timeline';
import { RestoreForms } from './restore-forms';
import { dominantDirection, type Direction } from '@/lib/content/direction';
import { directionOf, isLocale } from '@/lib/i18n/config';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('history'))('title') };
}

const optionalId = z.uuid().optional().catch(undefined);
// Events whose reason is a person's name, already said in the event's own words.
const NAMED_IN_EVENT = new Set(['take_over', 'assign']);

/** The fields a reader or editor cares about, as display strings for the metadata diff. */
function fieldsOf(revision: RevisionSnapshot): Record<string, string> {
  // Every content field (lib/stories/content.ts), the section by its name.
  const fields = Object.fromEntries(STORY_FIELD_KEYS.map((key) => (key === 'sectionId' ? ['section', revision.sectionName ?? ''] : [key, revision[key] ?? ''])));
  return {
    ...fields,
    tags: revision.tags.map((tag) => tag.name).join('، '),
    bylines: revision.bylines.map((byline) => byline.name).join('، '),
  };
}

/** A changed block; `note` (a forced direction, said in the UI's words) reads in the UI's direction, whatever the block's. */
function Block({ change, note, uiDir }: { change: BlockChange; note?: string; uiDir: Direction }) {
  if (change.kind === 'same') return <p dir={change.dir} className="text-muted">{change.text}</p>;
  if (change.kind === 'added')
    return (
      <p dir={change.dir} className="rounded bg-green-50 px-2 outline outline-green-700/30" data-diff="added">
        <ins className="no-underline">{change.text}</ins>
      </p>
    );
  if (change.kind === 'removed')
    return (
      <p dir={change.dir} className="rounded bg-red-50 px-2 outline outline-red-700/30" data-diff="removed">
        <del>{change.text}</del>
      </p>
    );
  return (
    <p dir={change.dir} className="rounded px-2 outline outline-amber-600/40" data-diff="changed">
      {note && (
        <span dir={uiDir} className="me-2 rounded bg-amber-100 px-1 text-xs" data-diff="direction">
          {note}
        </span>
      )}
      {change.words.map((word, index) =>
        word.added ? (
          <ins key={index} className="rounded bg-green-100 text-green-950 no-underline">
            {word.value}
          </ins>
        ) : word.removed ? (
          <del key={index} className="rounded bg-red-100 text-red-950">
            {word.value}
          </del>
        ) : (
          <span key={index}>{word.value}</span>
        ),
      )}
    </p>
  );
}

export default async function HistoryPage({ params, searchParams }: Props) {
  const user = await requireCapability('stories:view');
  const id = z.uuid().safeParse((await params).id);
  const view = id.success ? await getStoryForEditor(user, id.data) : null;
  if (!view || !id.success) notFound();
  const query = await searchParams;
  const [t, tw, format, revisions, timeline, locale] = await Promise.all([
    getTranslations('history'),
    getTranslations(),
    getFormatter(),
    listRevisions(user, id.data),
    storyTimeline(user, id.data),
    getLocale(),
  ]);
  const uiDir = directionOf(isLocale(locale) ? locale : 'ar');
  const toId = optionalId.parse(query.to) ?? revisions[0]?.id;
  const fromId = optionalId.parse(query.from) ?? revisions[1]?.id ?? revisions[0]?.id;
  const pair = await getRevisions(user, id.data, [fromId, toId].filter((value): value is string => !!value));
  const from = pair.find((r) => r.id === fromId);
  const to = pair.find((r) => r.id === toId);
  const blocks = from && to ? diffDocuments(from.body, to.body, to.language) : [];
  const fields = from && to ? diffFields(fieldsOf(from), fieldsOf(to)) : [];
  const changedBlocks = blocks.filter((block) => block.kind !== 'same').length;
  const when = (date: Date) => format.dateTime(date, 'dateTime');
  const directionName = (dir: 'ltr' | 'rtl' | null) => t(`direction.${dir ?? 'none'}`);
  // A forced direction that changed is said in words: the block's text alone may not have changed at all.
  const forcedNote = (change: BlockChange) =>
    change.kind === 'changed' && change.forced.before !== change.forced.after
      ? t('forcedDirection', { before: directionName(change.forced.before), after: directionName(change.forced.after) })
      : undefined;

  return (
    <div className="space-y-6">
      <Link href={`/newsroom/stories/${id.data}`} className="text-sm text-muted underline">
        {t('backToEditor')}
      </Link>
      <header>
        <h1 className="font-display text-3xl font-bold">{t('title')}</h1>
        <p className="mt-1 text-muted" dir={dominantDirection(view.story.headline, view.story.language)}>
          {view.story.headline}
        </p>
        <p className="mt-1 text-muted">{t('intro')}</p>
      </header>
      {revisions.length === 0 ? (
        <p>{t('noRevisions')}</p>
      ) : (
        <form method="get" className="overflow-x-auto rounded-lg border border-rule bg-white">
          <table className="w-full text-sm">
            <thead className="border-b border-rule bg-paper">
              <tr>
                <th scope="col" className="px-3 py-2 text-start">{t('from')}</th>
                <th scope="col" className="px-3 py-2 text-start">{t('to')}</th>
                <th scope="col" className="px-3 py-2 text-start">{t('when')}</th>
                <th scope="col" className="px-3 py-2 text-start">{t('who')}</th>
                <th scope="col" className="px-3 py-2 text-start">{t('contributors')}</th>
                <th scope="col" className="px-3 py-2 text-start">{t('version')}</th>
                <th scope="col" className="px-3 py-2 text-start"><span className="sr-only">{t('restore')}</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-rule">
              {revisions.map((revision) => (
                <tr key={revision.id}>
                  <td className="px-3 py-2">
                    <input type="radio" name="from" value={revision.id} defaultChecked={revision.id === fromId} aria-label={`${t('from')}: ${when(revision.createdAt)}`} className="size-4 accent-accent" />
                  </td>
                  <td className="px-3 py-2">
                    <input type="radio" name="to" value={revision.id} defaultChecked={revision.id === toId} aria-label={`${t('to')}: ${when(revision.createdAt)}`} className="size-4 accent-accent" />
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">{when(revision.createdAt)}</td>
                  <td className="px-3 py-2">{revision.authorName ?? t('system')}</td>
                  <td className="px-3 py-2" data-testid="contributors">
                    {revision.contributorNames.length > 0 ? format.list(revision.contributorNames.map((name, index) => <bdi key={index}>{name}</bdi>), { type: 'conjunction' }) : t('noContributors')}
                  </td>
                  <td className="px-3 py-2">
                    {t(`kind.${revision.kind}`)} · {format.number(revision.storyVersion, 'plain')}
                  </td>
                  <td className="px-3 py-2 text-end">
                    {view.canEdit && (
                      <ConfirmSubmit
                        formId={`restore-${revision.id}`}
                        variant="secondary"
                        trigger={t('restore')}
                        title={t('restore')}
                        description={t('confirmRestore')}
                        confirmLabel={t('confirm')}
                        cancelLabel={t('cancel')}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="border-t border-rule p-3">
            <Button type="submit" variant="secondary">
              {t('compare')}
            </Button>
          </div>
        </form>
      )}
      {/* Restore forms live outside the compare form; each is submitted by its confirm dialog. */}
      {view.canEdit && <RestoreForms storyId={id.data} revisionIds={revisions.map((revision) => revision.id)} />}
      <section aria-labelledby="timeline-heading" className="rounded-lg border border-rule bg-white p-4">
        <h2 id="timeline-heading" className="mb-3 font-display text-xl font-bold">
          {tw('workflow.timeline')}
        </h2>
        <ol className="space-y-2 text-sm" data-testid="timeline">
          {timeline.map((entry) => (
            <li key={`${entry.type}-${entry.id}`} className="flex flex-wrap gap-x-3 border-b border-rule pb-2 last:border-0">
              <time className="text-muted" dateTime={entry.at.toISOString()}>
                {when(entry.at)}
              </time>
              <span className="font-bold">
                {entry.type === 'event'
                  ? tw(`workflow.events.${entry.action}`, { name: entry.reason ?? '' })
                  : tw('workflow.revision', { kind: t(`kind.${entry.kind}`), version: entry.version })}
              </span>
              {entry.actorName && <span>{entry.actorName}</span>}
              {entry.type === 'event' && entry.reason && !NAMED_IN_EVENT.has(entry.action) && (
                <span dir={dominantDirection(entry.reason, 'ar')} className="w-full text-muted">
                  «{entry.reason}»
                </span>
              )}
            </li>
          ))}
        </ol>
      </section>
      {from && to && (
        <section aria-labelledby="diff-heading" className="space-y-4 rounded-lg border border-rule bg-white p-4">
          <h2 id="diff-heading" className="font-display text-xl font-bold">
            {t('diffTitle')}
          </h2>
          {fields.length === 0 && changedBlocks === 0 && <p>{t('noChanges')}</p>}
          {fields.length > 0 && (
            <div>
              <h3 className="mb-2 font-bold">{t('fieldsTitle')}</h3>
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                {fields.map((field) => (
                  <div key={field.field} className="contents">
                    <dt className="font-bold">{t(`fields.${field.field}`)}</dt>
                    <dd>
                      <del dir={dominantDirection(field.before, to.language)} className="bg-red-100">
                        {field.before || '—'}
                      </del>{' '}
                      → <ins dir={dominantDirection(field.after, to.language)} className="bg-green-100 no-underline">
                        {field.after || '—'}
                      </ins>
                    </dd>
                  </div>
                ))}
              </dl>
            </div>
          )}
          {changedBlocks > 0 && (
            <div lang={to.language} dir={to.language === 'ar' ? 'rtl' : 'ltr'} className="space-y-3 leading-loose">
              <h3 className="font-bold">{t('bodyTitle')}</h3>
              {blocks.map((change, index) => (
                <Block key={index} change={change} note={forcedNote(change)} uiDir={uiDir} />
              ))}
            </div>
          )}
        </section>
      )}
    </div>
  );
}
