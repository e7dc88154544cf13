import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/newsroom/action-form';
import { Badge } from '@/components/ui/badge';
import { Select } from '@/components/ui/input';
import { requireCapability } from '@/lib/auth/current-user';
import { dominantDirection } from '@/lib/content/direction';
import { sectionPath } from '@/lib/reader/paths';
import { listSectionsForAdmin, type SectionRow } from '@/lib/sections/sections';
import { archiveSectionAction, createSectionAction, deleteSectionAction, mergeSectionAction, moveSectionAction, restoreSectionAction, updateSectionAction } from './actions';
import { NamedForm } from './_components/section-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('structure'))('sectionsTitle') };
}

// Sections in the order of the reader's navigation, archived ones last. Every
// control is a form over a server action that authorizes itself in the DAL.
export default async function SectionsPage() {
  const user = await requireCapability('sections:manage');
  const [t, list] = await Promise.all([getTranslations('structure'), listSectionsForAdmin(user)]);
  const open = list.filter((section) => !section.archived);
  return (
    <div className="max-w-4xl space-y-8">
      <header>
        <h1 className="font-display text-3xl font-bold">{t('sectionsTitle')}</h1>
        <p className="mt-1 text-muted">{t('sectionsIntro')}</p>
      </header>
      <section aria-labelledby="new-section" className="space-y-4 rounded-lg border border-rule bg-white p-6">
        <h2 id="new-section" className="font-display text-xl font-bold">
          {t('newSection')}
        </h2>
        <NamedForm action={createSectionAction} values={{ name: '', slug: '', description: '' }} kind="section" idPrefix="new" />
      </section>
      <ol className="space-y-4" aria-label={t('sectionsTitle')}>
        {list.map((section, index) => (
          <li key={section.id} className="space-y-3 rounded-lg border border-rule bg-white p-4" data-testid="section-row">
            <SectionHeading section={section} />
            {section.archived ? (
              <ActionForm action={restoreSectionAction} submit={t('restore')} label={t('restoreLabel', { name: section.name })}>
                <input type="hidden" name="id" value={section.id} />
              </ActionForm>
            ) : (
              <OpenSectionControls section={section} first={index === 0} last={index === open.length - 1} others={open.filter((other) => other.id !== section.id)} />
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

async function SectionHeading({ section }: { section: SectionRow }) {
  const t = await getTranslations('structure');
  return (
    <div className="flex flex-wrap items-baseline gap-3">
      <h2 className="font-display text-lg font-bold">{section.name}</h2>
      <a href={sectionPath(section.slug)} dir={dominantDirection(section.slug, 'ar')} className="text-sm">
        /{section.slug}
      </a>
      <span className="text-sm text-muted">{t('storyCount', { count: section.stories })}</span>
      {section.hidden && <Badge>{t('hiddenBadge')}</Badge>}
      {section.archived && <Badge>{section.redirectToName ? t('archivedTo', { name: section.redirectToName }) : t('archivedGone')}</Badge>}
    </div>
  );
}

async function OpenSectionControls({ section, first, last, others }: { section: SectionRow; first: boolean; last: boolean; others: SectionRow[] }) {
  const t = await getTranslations('structure');
  const id = <input type="hidden" name="id" value={section.id} />;
  return (
    <>
      <div className="flex flex-wrap gap-2">
        {!first && (
          <ActionForm action={moveSectionAction} submit={t('moveUp')} label={t('moveUpLabel', { name: section.name })}>
            {id}
            <input type="hidden" name="direction" value="up" />
          </ActionForm>
        )}
        {!last && (
          <ActionForm action={moveSectionAction} submit={t('moveDown')} label={t('moveDownLabel', { name: section.name })}>
            {id}
            <input type="hidden" name="direction" value="down" />
          </ActionForm>
        )}
      </div>
      <details>
        <summary className="cursor-pointer font-bold">{t('editLabel', { name: section.name })}</summary>
        <div className="mt-3">
          <NamedForm action={updateSectionAction} values={section} kind="section" idPrefix={`s-${section.id}`} />
        </div>
      </details>
      <details>
        <summary className="cursor-pointer font-bold">{t('retireLabel', { name: section.name })}</summary>
        <div className="mt-3 space-y-4">
          <ActionForm action={archiveSectionAction} submit={t('archive')} label={t('archiveLabel', { name: section.name })} variant="danger">
            {id}
            <label htmlFor={`archive-${section.id}`}>{t('archiveRedirect')}</label>
            <Select id={`archive-${section.id}`} name="redirectTo" defaultValue="" className="max-w-64">
              <option value="">{t('archiveNowhere')}</option>
              {others.map((other) => (
                <option key={other.id} value={other.id}>
                  {other.name}
                </option>
              ))}
            </Select>
          </ActionForm>
          <ActionForm action={mergeSectionAction} submit={t('merge')} label={t('mergeLabel', { name: section.name })} variant="danger">
            {id}
            <label htmlFor={`merge-${section.id}`}>{t('mergeInto')}</label>
            <Select id={`merge-${section.id}`} name="into" defaultValue="" className="max-w-64">
              <option value="" disabled>
                {t('choose')}
              </option>
              {others.map((other) => (
                <option key={other.id} value={other.id}>
                  {other.name}
                </option>
              ))}
            </Select>
          </ActionForm>
          {section.stories === 0 && (
            <ActionForm action={deleteSectionAction} submit={t('delete')} label={t('deleteLabel', { name: section.name })} variant="danger">
              {id}
            </ActionForm>
          )}
        </div>
      </details>
    </>
  );
}
