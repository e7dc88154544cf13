'use client';

import { EditorContent, useEditor } from '@tiptap/react';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { contentExtensions } from '@/lib/content/extensions';
import { countWords, normalizeDoc, readingMinutes } from '@/lib/content/document';
import type { StoryDraft } from '@/lib/stories/editor';
import { slugify } from '@/lib/slug';
import { LinkDialog } from './link-dialog';
import { MetadataPanel } from './metadata-panel';
import { ShortcutsDialog } from './shortcuts-dialog';
import { EditorToolbar } from './toolbar';
import { metaOf, useStorySave, type StoryMeta } from './use-story-save';

type Option = { id: string; name: string };

// Word processors and web pages bring styles, fonts, scripts, comments and
// Office markup. This removes what must not even become text; the schema
// then drops unknown nodes and marks as it parses what is left.
const DROPPED_ELEMENTS = 'style, script, noscript, template, meta, link, title, iframe, object, embed, svg, math, head';
const DROPPED_ATTRIBUTES = ['style', 'class', 'id', 'face', 'color', 'size', 'lang', 'bgcolor', 'align'];

function cleanPastedHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll(DROPPED_ELEMENTS).forEach((element) => element.remove());
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_COMMENT | NodeFilter.SHOW_TEXT);
  const strays: Node[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // Comments, and the indentation between block elements that would become empty paragraphs.
    if (node.nodeType === Node.COMMENT_NODE || (!node.textContent?.trim() && node.parentElement === doc.body)) strays.push(node);
  }
  strays.forEach((node) => node.parentNode?.removeChild(node));
  doc.body.querySelectorAll('*').forEach((element) => {
    if (element.tagName.includes(':')) element.replaceWith(...Array.from(element.childNodes)); // o:p and other Office tags
    else DROPPED_ATTRIBUTES.forEach((name) => element.removeAttribute(name));
  });
  return doc.body.innerHTML;
}

export function StoryEditor({
  story,
  canEdit,
  canChangeLiveSlug,
  sections,
  authors,
  uiDir,
}: {
  story: StoryDraft;
  canEdit: boolean;
  canChangeLiveSlug: boolean;
  sections: Option[];
  authors: Option[];
  uiDir: 'rtl' | 'ltr';
}) {
  const t = useTranslations();
  const format = useFormatter();
  const [meta, setMeta] = useState<StoryMeta>(() => metaOf(story));
  // The keyboard shortcut saves from an effect; it reads the latest metadata through this ref.
  const metaRef = useRef(meta);
  useEffect(() => {
    metaRef.current = meta;
  }, [meta]);
  // While the slug simply follows the headline, keep following it; once edited by hand, leave it be.
  const slugFollowsHeadline = useRef(story.liveSlug === null && (story.slug === '' || story.slug === slugify(story.headline)));
  const { status, savedAt, fieldErrors, error, markDirty, save } = useStorySave(story.id, story.version, new Date(story.updatedAt));
  const [linkOpen, setLinkOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [counts, setCounts] = useState(() => ({ words: 0, minutes: 0 }));
  const countTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const editor = useEditor({
    extensions: contentExtensions,
    content: story.body,
    editable: canEdit,
    textDirection: 'auto',
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        'aria-label': t('editor.body'),
        'aria-multiline': 'true',
        role: 'textbox',
        class: 'article-body min-h-[60vh] px-6 py-6 outline-none',
        lang: story.language,
      },
      transformPastedHTML: cleanPastedHtml,
    },
    onCreate: ({ editor: e }) => {
      const words = countWords(e.getText());
      setCounts({ words, minutes: readingMinutes(words) });
    },
    onUpdate: ({ editor: e }) => {
      markDirty();
      // Counting 10,000 words on every keystroke would cost more than the keystroke; count once typing pauses.
      clearTimeout(countTimer.current);
      countTimer.current = setTimeout(() => {
        const words = countWords(e.getText());
        setCounts({ words, minutes: readingMinutes(words) });
      }, 400);
    },
  });

  const change = useCallback(
    (patch: Partial<StoryMeta>) => {
      if ('slug' in patch) slugFollowsHeadline.current = false;
      setMeta((current) => {
        const next = { ...current, ...patch };
        if ('headline' in patch && slugFollowsHeadline.current) next.slug = slugify(next.headline);
        return next;
      });
      markDirty();
    },
    [markDirty],
  );

  const saveNow = useCallback(async () => {
    if (!editor || !canEdit) return;
    const result = await save(metaRef.current, normalizeDoc(editor.getJSON()));
    if (result) setMeta((current) => ({ ...current, slug: result.slug, confirmSlugChange: false }));
  }, [editor, canEdit, save]);

  // Ctrl+S saves, Ctrl+K links and Ctrl+/ lists the shortcuts, wherever the focus is on the page.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 's' && !event.shiftKey) {
        event.preventDefault();
        void saveNow();
      } else if (key === 'k' && canEdit && editor?.isFocused) {
        event.preventDefault();
        setLinkOpen(true);
      } else if (key === '/') {
        event.preventDefault();
        setHelpOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [saveNow, canEdit, editor]);

  // Leaving with unsaved changes asks first (the next issue adds a local backup).
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (status !== 'saved') event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [status]);

  useEffect(() => {
    editor?.view.dom.setAttribute('lang', meta.language);
  }, [editor, meta.language]);

  const statusLabel =
    status === 'saving' ? t('editor.saving') : status === 'saved' ? t('editor.savedAt', { time: format.dateTime(savedAt, { timeStyle: 'short' }) }) : status === 'dirty' ? t('editor.unsaved') : t('editor.unsaved');
  const storyDir = meta.language === 'ar' ? 'rtl' : 'ltr';

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <Badge>{t(`editorialState.${story.editorialState}`)}</Badge>
          <Badge tone={story.publicationState === 'published' ? 'good' : 'neutral'}>{t(`publicationState.${story.publicationState}`)}</Badge>
          <span className="text-sm text-muted">
            {t('editor.words', { count: counts.words })} · {t('editor.readingTime', { minutes: counts.minutes })}
          </span>
        </div>
        <div className="flex items-center gap-3">
          <p role="status" aria-live="polite" className="text-sm" data-save-status={status}>
            {canEdit ? statusLabel : t('editor.readOnly')}
          </p>
          <Link href={`/newsroom/stories/${story.id}/history`} className="text-sm underline">
            {t('editor.history')}
          </Link>
          {canEdit && (
            <Button onClick={() => void saveNow()} disabled={status === 'saving'} title="Ctrl+S">
              {status === 'saving' ? t('editor.saving') : t('editor.save')}
            </Button>
          )}
        </div>
      </div>
      <div aria-live="assertive" role="alert" className="empty:hidden">
        {error && <p className="rounded-md border border-accent bg-red-50 px-3 py-2 font-bold text-accent-ink">{t(error)}</p>}
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-label={t('editor.body')} className="overflow-hidden rounded-lg border border-rule bg-white">
          {editor && canEdit && <EditorToolbar editor={editor} dir={uiDir} onLink={() => setLinkOpen(true)} onHelp={() => setHelpOpen(true)} />}
          <div dir={storyDir} lang={meta.language}>
            <EditorContent editor={editor} />
          </div>
        </section>
        <aside aria-label={t('editor.metadata')} className="rounded-lg border border-rule bg-white p-4">
          <h2 className="mb-4 font-display text-lg font-bold">{t('editor.metadata')}</h2>
          <MetadataPanel
            meta={meta}
            onChange={change}
            readOnly={!canEdit}
            errors={fieldErrors}
            sections={sections}
            authors={authors}
            liveSlug={story.liveSlug}
            canChangeLiveSlug={canChangeLiveSlug}
          />
        </aside>
      </div>
      {editor && <LinkDialog editor={editor} open={linkOpen} onOpenChange={setLinkOpen} />}
      <ShortcutsDialog open={helpOpen} onOpenChange={setHelpOpen} />
    </div>
  );
}
