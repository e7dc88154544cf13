import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/newsroom/action-form';
import { requireCapability } from '@/lib/auth/current-user';
import { listDesks } from '@/lib/desk/desks';
import { createDeskAction, deleteDeskAction, updateDeskAction } from './actions';
import { DeskForm } from './_components/desk-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('desks'))('title') };
}

// Desks, their sections and their editors. Every control is a form over a
// server action that authorizes itself in the DAL (lib/desk/desks.ts).
export default async function DesksPage() {
  const user = await requireCapability('desks:manage');
  const [t, page] = await Promise.all([getTranslations('desks'), listDesks(user)]);
  const deskName = new Map(page.desks.map((desk) => [desk.id, desk.name]));
  // Each section names the desk that owns it now, so moving it is a visible choice.
  const sections = page.sections.map((section) => ({ id: section.id, name: section.name, note: `(${section.deskId ? deskName.get(section.deskId) : t('general')})` }));
  const general = page.sections.filter((section) => section.deskId === null);
  return (
    <div className="max-w-4xl space-y-8">
      <header>
        <h1 className="font-display text-3xl font-bold">{t('title')}</h1>
        <p className="mt-1 text-muted">{t('intro')}</p>
        <p className="mt-1 text-sm" data-testid="general-desk">
          {general.length > 0 ? t('generalSections', { names: general.map((section) => section.name).join('، ') }) : t('generalEmpty')}
        </p>
      </header>
      <section aria-labelledby="new-desk" className="space-y-4 rounded-lg border border-rule bg-white p-6">
        <h2 id="new-desk" className="font-display text-xl font-bold">
          {t('newDesk')}
        </h2>
        <DeskForm action={createDeskAction} values={{ name: '', sectionIds: [], editorIds: [] }} sections={sections} editors={page.editors} idPrefix="new-desk" />
      </section>
      <ul className="space-y-4" aria-label={t('title')}>
        {page.desks.map((desk) => (
          <li key={desk.id} className="space-y-3 rounded-lg border border-rule bg-white p-4" data-testid="desk-row">
            <h2 className="font-display text-lg font-bold">{desk.name}</h2>
            <p className="text-sm text-muted">{desk.sections.length > 0 ? t('owns', { names: desk.sections.map((section) => section.name).join('، ') }) : t('noSections')}</p>
            <p className="text-sm text-muted">{desk.editors.length > 0 ? t('members', { names: desk.editors.map((editor) => editor.name).join('، ') }) : t('noEditors')}</p>
            <details>
              <summary className="cursor-pointer font-bold">{t('editLabel', { name: desk.name })}</summary>
              <div className="mt-3">
                <DeskForm
                  action={updateDeskAction}
                  values={{ id: desk.id, name: desk.name, sectionIds: desk.sections.map((section) => section.id), editorIds: desk.editors.map((editor) => editor.id) }}
                  sections={sections}
                  editors={page.editors}
                  idPrefix={`desk-${desk.id}`}
                />
              </div>
            </details>
            <ActionForm action={deleteDeskAction} submit={t('delete')} label={t('deleteLabel', { name: desk.name })} variant="danger">
              <input type="hidden" name="id" value={desk.id} />
            </ActionForm>
          </li>
        ))}
      </ul>
    </div>
  );
}
