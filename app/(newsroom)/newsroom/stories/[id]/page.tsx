import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { listComments, mentionableStaff } from '@/lib/comments/comments';
import { can } from '@/lib/auth/permissions';
import { colourOf } from '@/lib/collab/presence';
import { listShareLinks } from '@/lib/share/links';
import { requireCapability } from '@/lib/auth/current-user';
import { directionOf, isLocale } from '@/lib/i18n/config';
import { getStoryForEditor } from '@/lib/stories/working-copy';
import { listPickers } from '@/lib/stories/list';
import { workflowOptions } from '@/lib/stories/transitions';
import { SharePanel } from './_components/sharing/share-panel';
import { AssignmentPanel } from './_components/workflow/assignment-panel';
import { RestrictionPanel } from './_components/restriction/restriction-panel';
import { StoryEditor } from './_components/editor/story-editor';

type Props = { params: Promise<{ id: string }> };

async function load(params: Props['params']) {
  const user = await requireCapability('stories:view');
  const id = z.uuid().safeParse((await params).id);
  const view = id.success ? await getStoryForEditor(user, id.data) : null;
  if (!view) notFound();
  return { user, view };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { view } = await load(params);
  return { title: view.story.headline || (await getTranslations('stories'))('untitled') };
}

export default async function StoryEditorPage({ params }: Props) {
  const { user, view } = await load(params);
  const [t, locale, pickers, workflow, comments, staff] = await Promise.all([
    getTranslations('stories'),
    getLocale(),
    listPickers(user),
    workflowOptions(user, view.story.id),
    listComments(user, view.story.id),
    mentionableStaff(user),
  ]);
  const links = can(user, 'stories:share') ? await listShareLinks(user, view.story.id) : null;
  return (
    <div className="space-y-4">
      <Link href="/newsroom/stories" className="text-sm text-muted underline">
        {t('title')}
      </Link>
      <h1 className="sr-only">{view.story.headline || t('untitled')}</h1>
      <StoryEditor
        story={view.story}
        user={{ id: user.id, name: user.displayName, color: colourOf(user.id) }}
        workflow={workflow}
        canEdit={view.canEdit}
        canChangeLiveSlug={view.canChangeLiveSlug}
        sections={pickers.sections}
        authors={pickers.authors}
        uiDir={directionOf(isLocale(locale) ? locale : 'ar')}
        panels={
          <>
            <AssignmentPanel user={user} storyId={view.story.id} />
            <RestrictionPanel user={user} story={view.story} />
            {links && <SharePanel storyId={view.story.id} links={links} />}
          </>
        }
        comments={comments ?? []}
        staff={staff}
      />
    </div>
  );
}
