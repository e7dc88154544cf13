'use client';

import type { JSONContent } from '@tiptap/core';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { toPlainText } from '@/lib/content/document';
import { diffDocuments, diffFields } from '@/lib/stories/diff';
import type { StoryDraft } from '@/lib/stories/working-copy';
import { DiffBlocks } from './diff-blocks';
import type { Snapshot } from './use-story-save';

export type ConflictChoice = 'keep-mine' | 'take-theirs' | 'copy-aside';

/** Both versions side by side, the difference between them, and three ways out. None of them loses text silently. */
export function ConflictDialog({ mine, theirs, onChoose }: { mine: Snapshot; theirs: StoryDraft; onChoose: (choice: ConflictChoice) => void }) {
  const t = useTranslations('conflict');
  const fields = diffFields({ headline: theirs.headline, kicker: theirs.kicker, standfirst: theirs.standfirst }, { headline: mine.meta.headline, kicker: mine.meta.kicker, standfirst: mine.meta.standfirst });
  const blocks = diffDocuments(theirs.body, mine.body as JSONContent);
  return (
    <Dialog open onOpenChange={() => {}} title={t('title')} wide>
      <p className="mb-4 text-muted">{t('intro')}</p>
      <div className="grid gap-4 md:grid-cols-2">
        <section aria-labelledby="conflict-theirs" className="rounded-md border border-rule p-3">
          <h3 id="conflict-theirs" className="mb-2 font-bold">{t('theirs')}</h3>
          <p className="font-bold" dir="auto">{theirs.headline}</p>
          <p className="mt-2 max-h-48 overflow-y-auto whitespace-pre-line text-sm" dir="auto" data-testid="conflict-theirs">
            {toPlainText(theirs.body)}
          </p>
        </section>
        <section aria-labelledby="conflict-mine" className="rounded-md border border-rule p-3">
          <h3 id="conflict-mine" className="mb-2 font-bold">{t('mine')}</h3>
          <p className="font-bold" dir="auto">{mine.meta.headline}</p>
          <p className="mt-2 max-h-48 overflow-y-auto whitespace-pre-line text-sm" dir="auto" data-testid="conflict-mine">
            {toPlainText(mine.body)}
          </p>
        </section>
      </div>
      <section aria-labelledby="conflict-diff" className="mt-4 rounded-md border border-rule p-3">
        <h3 id="conflict-diff" className="mb-2 font-bold">{t('diff')}</h3>
        <DiffBlocks blocks={blocks} fields={fields} />
      </section>
      <div className="mt-6 flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={() => onChoose('copy-aside')}>
          {t('copyAside')}
        </Button>
        <Button variant="secondary" onClick={() => onChoose('take-theirs')}>
          {t('takeTheirs')}
        </Button>
        <Button variant="danger" onClick={() => onChoose('keep-mine')}>
          {t('keepMine')}
        </Button>
      </div>
      <p className="mt-3 text-sm text-muted">{t('explain')}</p>
    </Dialog>
  );
}
