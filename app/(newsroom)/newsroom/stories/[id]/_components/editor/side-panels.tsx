'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { Tabs } from 'radix-ui';
import type { ComponentProps } from 'react';
import { CommentsPanel } from '../comments/comments-panel';
import { MetadataPanel } from './metadata-panel';

export type SideTab = 'details' | 'comments';

/** The metadata and the comments, as two tabs beside the text; both stay mounted so neither loses what is typed in it. */
export function SidePanels({
  tab,
  onTab,
  dir,
  openComments,
  metadata,
  comments,
}: {
  tab: SideTab;
  onTab: (tab: SideTab) => void;
  dir: 'rtl' | 'ltr';
  openComments: number;
  metadata: ComponentProps<typeof MetadataPanel>;
  comments: ComponentProps<typeof CommentsPanel>;
}) {
  const t = useTranslations();
  const format = useFormatter();
  const trigger = 'flex-1 px-4 py-2 font-display font-bold data-[state=active]:border-b-2 data-[state=active]:border-accent';
  return (
    <Tabs.Root value={tab} onValueChange={(value) => onTab(value === 'comments' ? 'comments' : 'details')} className="rounded-lg border border-rule bg-white" dir={dir}>
      <Tabs.List aria-label={t('editor.sidePanels')} className="flex border-b border-rule">
        <Tabs.Trigger value="details" className={trigger}>
          {t('editor.metadata')}
        </Tabs.Trigger>
        <Tabs.Trigger value="comments" className={trigger}>
          {t('comments.title')} ({format.number(openComments, 'count')})
        </Tabs.Trigger>
      </Tabs.List>
      <Tabs.Content value="details" className="p-4" forceMount hidden={tab !== 'details'}>
        <h2 className="sr-only">{t('editor.metadata')}</h2>
        <MetadataPanel {...metadata} />
      </Tabs.Content>
      <Tabs.Content value="comments" className="p-4" forceMount hidden={tab !== 'comments'}>
        <h2 className="sr-only">{t('comments.title')}</h2>
        <CommentsPanel {...comments} />
      </Tabs.Content>
    </Tabs.Root>
  );
}
