'use client';

import { EditorContent, useEditor } from '@tiptap/react';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { Tabs } from 'radix-ui';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { languageDirection } from '@/lib/content/direction';
import { readOnlyMessage } from '@/lib/stories/rules';
import { contentExtensionsFor } from '@/lib/content/extensions';
import { countWords, normalizeDoc, readingMinutes } from '@/lib/content/document';
import type { StoryBackup } from '@/lib/stories/backup';
import type { StoryDraft } from '@/lib/stories/working-copy';
import { slugify } from '@/lib/slug';
import { dropBackup, dropBackupsUpTo, readBackups, writeBackup } from './backup-store';
import { ConflictDialog, type ConflictChoice } from './conflict-dialog';
import { FigureDialog } from './figure-dialog';
import { MediaPicker } from '@/components/newsroom/media/media-picker';
import { useUploads } from '@/components/newsroom/media/use-uploads';
import type { FigureAttrs } from '@/lib/content/figure';
import type { MediaItem } from '@/lib/media/library';
import { LinkDialog } from './link-dialog';
import { MetadataPanel } from './metadata-panel';
import { RestoreOffer } from './restore-offer';
import { ShortcutsDialog } from './shortcuts-dialog';
import { EditorToolbar } from './toolbar';
import { usePresence } from './use-presence';
import { WorkflowPanel } from './workflow-panel';
import type { WorkflowOption } from '@/lib/stories/transitions';
import { backupMetaOf, metaOf, useStorySave, type Snapshot, type StoryMeta } from './use-story-save';
import type { TextQuoteAnchor } from '@/db/schema';
import type { CommentView } from '@/lib/comments/comments';
import { COMMENT_CLICK_EVENT, CommentHighlights } from './comment-highlights';
import { CommentsPanel } from './comments-panel';
import type { Mentionable } from './mention-textarea';
import { SelectionComment } from './selection-comment';
import { selectionAnchor, useComments } from './use-comments';

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
  workflow,
  panels,
  comments: initialComments,
  staff,
}: {
  story: StoryDraft;
  workflow: WorkflowOption[];
  canEdit: boolean;
  canChangeLiveSlug: boolean;
  sections: Option[];
  authors: Option[];
  uiDir: 'rtl' | 'ltr';
  /** Server-rendered panels shown above the workflow panel, such as the desk's assignment. */
  panels?: React.ReactNode;
  comments: CommentView[];
  staff: Mentionable[];
}) {
  const t = useTranslations();
  const format = useFormatter();
  const [sessionId] = useState(() => crypto.randomUUID());
  const [meta, setMeta] = useState<StoryMeta>(() => metaOf(story));
  // The save loop reads the latest metadata through this ref, outside React's render.
  const metaRef = useRef(meta);
  useEffect(() => {
    metaRef.current = meta;
  }, [meta]);
  // While the slug simply follows the headline, keep following it; once edited by hand, leave it be.
  const slugFollowsHeadline = useRef(story.liveSlug === null && (story.slug === '' || story.slug === slugify(story.headline)));
  const [linkOpen, setLinkOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [offer, setOffer] = useState<StoryBackup | null>(null);
  const [counts, setCounts] = useState(() => ({ words: 0, minutes: 0 }));
  const countTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const markChangedRef = useRef<() => void>(() => {});
  const [sideTab, setSideTab] = useState<'details' | 'comments'>('details');
  const [draftAnchor, setDraftAnchor] = useState<TextQuoteAnchor | null>(null);
  const [imageOpen, setImageOpen] = useState(false);
  const [figureEdit, setFigureEdit] = useState<FigureAttrs | null>(null);
  // Files dropped or pasted into the text: the editor's handlers are set once, so they reach the upload through a ref.
  const dropFilesRef = useRef<(files: File[]) => void>(() => {});

  const editor = useEditor({
    // Comment highlights are decorations of this editor only, never part of the story.
    extensions: [...contentExtensionsFor(story.language), CommentHighlights],
    content: story.body,
    editable: false,
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        'aria-label': t('editor.body'),
        'aria-multiline': 'true',
        role: 'textbox',
        class: 'article-body min-h-[60vh] px-6 py-6 outline-none',
        lang: story.language,
        dir: languageDirection(story.language),
      },
      transformPastedHTML: cleanPastedHtml,
      handleDrop: (_view, event) => {
        const files = [...((event as DragEvent).dataTransfer?.files ?? [])];
        if (files.length === 0) return false;
        event.preventDefault();
        dropFilesRef.current(files);
        return true;
      },
      handlePaste: (_view, event) => {
        const files = [...(event.clipboardData?.files ?? [])];
        if (files.length === 0) return false;
        dropFilesRef.current(files);
        return true;
      },
    },
    onCreate: ({ editor: e }) => {
      const words = countWords(e.getText());
      setCounts({ words, minutes: readingMinutes(words) });
    },
    onUpdate: ({ editor: e }) => {
      markChangedRef.current();
      // Counting 10,000 words on every keystroke would cost more than the keystroke; count once typing pauses.
      clearTimeout(countTimer.current);
      countTimer.current = setTimeout(() => {
        const words = countWords(e.getText());
        setCounts({ words, minutes: readingMinutes(words) });
      }, 400);
    },
  });

  const getSnapshot = useCallback((): Snapshot | null => (editor ? { meta: metaRef.current, body: normalizeDoc(editor.getJSON()) } : null), [editor]);
  const onSaved = useCallback((result: { slug: string }) => setMeta((current) => ({ ...current, slug: result.slug, confirmSlugChange: false })), []);
  const sync = useStorySave({ storyId: story.id, initialVersion: story.version, initiallySavedAt: new Date(story.updatedAt), sessionId, getSnapshot, onSaved });
  const { markChanged, save, setLocked, adoptServerVersion, status, conflict, currentVersion } = sync;
  useEffect(() => {
    markChangedRef.current = markChanged;
  }, [markChanged]);

  // A figure carries the library's text at the moment it is inserted; the writer may change it for this story.
  const insertFigure = useCallback(
    (item: MediaItem) => {
      editor
        ?.chain()
        .focus()
        .insertContent({ type: 'figure', attrs: { mediaId: item.id, alt: item.alt, caption: item.caption, credit: item.credit, width: item.width, height: item.height } })
        .run();
    },
    [editor],
  );
  const uploads = useUploads(insertFigure);
  useEffect(() => {
    dropFilesRef.current = (files) => void uploads.upload(files);
  }, [uploads]);
  const onImage = useCallback(() => {
    if (editor?.isActive('figure')) setFigureEdit(editor.getAttributes('figure') as FigureAttrs);
    else setImageOpen(true);
  }, [editor]);

  const review = useComments(editor, story.id, initialComments);
  const { setActive } = review;
  // A click on highlighted text opens its comment in the panel.
  useEffect(() => {
    const dom = editor?.view.dom;
    if (!dom) return;
    const onClick = (event: Event) => {
      const id = (event as CustomEvent<string>).detail;
      setSideTab('comments');
      setActive(id);
      requestAnimationFrame(() => document.getElementById(`comment-${id}`)?.scrollIntoView({ block: 'nearest' }));
    };
    dom.addEventListener(COMMENT_CLICK_EVENT, onClick);
    return () => dom.removeEventListener(COMMENT_CLICK_EVENT, onClick);
  }, [editor, setActive]);
  const startComment = useCallback(() => {
    const anchor = editor ? selectionAnchor(editor) : null;
    if (!anchor) return;
    setDraftAnchor(anchor);
    setSideTab('comments');
  }, [editor]);

  const presence = usePresence(story.id, sessionId, canEdit);
  useEffect(() => {
    if (presence.mine === false && presence.holder) setLocked(presence.holder.name);
    else if (presence.mine) setLocked(null);
  }, [presence.mine, presence.holder, setLocked]);

  // Editable at once, before the first heartbeat answers, so no keystroke is dropped; if someone
  // else turns out to hold the lock, the editor turns read-only and what was typed stays in the backup.
  const editable = canEdit && presence.mine !== false && status !== 'locked';
  useEffect(() => {
    // Without emitting an update: toggling editability is not an edit, and must not trigger an autosave.
    editor?.setEditable(editable, false);
  }, [editor, editable]);

  // Text this browser kept that the server never got: offered once the editor is ready, never applied silently.
  // Compared with the story as the page loaded it: a later refresh of the page (after a workflow step or a
  // comment) brings a new story object, and must not offer the text being typed right now as a "backup".
  const loadedStory = useRef(story);
  useEffect(() => {
    if (!editor || !canEdit) return;
    const loaded = loadedStory.current;
    let cancelled = false;
    void readBackups(loaded.id).then(({ backups, discarded }) => {
      if (cancelled) return;
      if (discarded > 0) setNotice('editor.backupsDiscarded');
      const [latest] = backups;
      if (!latest) return;
      const serverMeta = backupMetaOf(metaOf(loaded));
      if (JSON.stringify(latest.body) === JSON.stringify(normalizeDoc(loaded.body)) && JSON.stringify(latest.meta) === JSON.stringify(serverMeta)) {
        void dropBackupsUpTo(loaded.id, loaded.version);
      } else setOffer(latest);
    });
    return () => {
      cancelled = true;
    };
  }, [editor, canEdit]);

  // A link to one comment (from a notification) opens the comments with it selected, once its highlight is placed.
  useEffect(() => {
    const id = /^#comment-([0-9a-f-]{36})$/.exec(window.location.hash)?.[1];
    if (!editor || !id) return;
    const timer = setTimeout(() => {
      setSideTab('comments');
      setActive(id, true);
      document.getElementById(`comment-${id}`)?.scrollIntoView({ block: 'nearest' });
    }, 0);
    return () => clearTimeout(timer);
  }, [editor, setActive]);

  const change = useCallback(
    (patch: Partial<StoryMeta>) => {
      if ('slug' in patch) slugFollowsHeadline.current = false;
      setMeta((current) => {
        const next = { ...current, ...patch };
        if ('headline' in patch && slugFollowsHeadline.current) next.slug = slugify(next.headline);
        metaRef.current = next;
        return next;
      });
      markChanged();
    },
    [markChanged],
  );

  const replaceWith = useCallback(
    (next: StoryMeta, body: Snapshot['body']) => {
      metaRef.current = next;
      setMeta(next);
      editor?.commands.setContent(body, { emitUpdate: false });
    },
    [editor],
  );

  const resolveConflict = useCallback(
    async (choice: ConflictChoice) => {
      if (!conflict) return;
      const { theirs } = conflict;
      if (choice === 'keep-mine') return save('overwrite', theirs.version);
      // Whatever was typed since the failed save is part of "mine" too.
      const mine = getSnapshot() ?? conflict.mine;
      if (choice === 'copy-aside') {
        await writeBackup({ storyId: story.id, baseVersion: currentVersion(), savedAt: Date.now(), meta: backupMetaOf(mine.meta), body: mine.body });
        setNotice('conflict.copied');
      } else await dropBackupsUpTo(story.id, Number.MAX_SAFE_INTEGER);
      replaceWith(metaOf(theirs), theirs.body);
      adoptServerVersion(theirs);
    },
    [conflict, save, getSnapshot, story.id, currentVersion, replaceWith, adoptServerVersion],
  );

  // Ctrl+S saves, Ctrl+K links and Ctrl+/ lists the shortcuts, wherever the focus is on the page.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // Ctrl+Alt+M comments on the selection, as in word processors.
      if ((event.ctrlKey || event.metaKey) && event.altKey && event.code === 'KeyM') {
        event.preventDefault();
        startComment();
        return;
      }
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 's' && !event.shiftKey) {
        event.preventDefault();
        if (editable) void save('save');
      } else if (key === 'k' && editable && editor?.isFocused) {
        event.preventDefault();
        setLinkOpen(true);
      } else if (key === '/') {
        event.preventDefault();
        setHelpOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [save, editable, editor, startComment]);

  // Unsaved work is in the browser's backup too, but leaving still asks while the server lacks it.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (status !== 'saved' && status !== 'locked') event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [status]);

  useEffect(() => {
    editor?.view.dom.setAttribute('lang', meta.language);
    editor?.view.dom.setAttribute('dir', languageDirection(meta.language));
  }, [editor, meta.language]);

  const time = (date: Date) => format.dateTime(date, { timeStyle: 'short' });
  const statusLabel = !canEdit
    ? t(readOnlyMessage(story))
    : {
        saved: t('editor.savedAt', { time: time(sync.savedAt) }),
        saving: t('editor.saving'),
        dirty: t('editor.unsaved'),
        offline: t('editor.offline'),
        conflict: t('editor.conflictStatus'),
        locked: t('editor.lockedStatus', { name: sync.lockedBy ?? presence.holder?.name ?? '' }),
        invalid: t('editor.unsaved'),
        failed: t('editor.unsaved'),
      }[status];
  const storyDir = languageDirection(meta.language);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <Badge>{t(`editorialState.${story.editorialState}`)}</Badge>
          <Badge tone={story.publicationState === 'published' ? 'good' : 'neutral'}>{t(`publicationState.${story.publicationState}`)}</Badge>
          {story.scheduledFor && <Badge tone="warn">{t('workflow.scheduledFor', { time: format.dateTime(new Date(story.scheduledFor), { dateStyle: 'medium', timeStyle: 'short' }) })}</Badge>}
          <span className="text-sm text-muted">
            {t('editor.words', { count: counts.words })} · {t('editor.readingTime', { minutes: counts.minutes })}
          </span>
        </div>
        <div className="flex items-center gap-3">
          <p role="status" aria-live="polite" className="text-sm" data-save-status={canEdit ? status : 'read-only'}>
            {statusLabel}
          </p>
          <Link href={`/newsroom/stories/${story.id}/history`} className="text-sm underline">
            {t('editor.history')}
          </Link>
          {/* A plain link: the preview is a reader page, in the reader's own layout. */}
          <a href={`/preview/${story.id}`} target="_blank" rel="noopener" className="text-sm underline" title={t('preview.body')}>
            {t('editor.preview')}
          </a>
          {editable && (
            <Button onClick={() => void save('save')} disabled={status === 'saving'} title="Ctrl+S">
              {status === 'saving' ? t('editor.saving') : t('editor.save')}
            </Button>
          )}
        </div>
      </div>
      <div aria-live="assertive" role="alert" className="space-y-2 empty:hidden">
        {sync.error && status !== 'saved' && <p className="rounded-md border border-accent bg-red-50 px-3 py-2 font-bold text-accent-ink">{t(sync.error)}</p>}
        {notice && <p className="rounded-md border border-amber-600 bg-amber-50 px-3 py-2">{t(notice)}</p>}
        {canEdit && presence.takenOver && presence.holder && (
          <p className="rounded-md border border-amber-600 bg-amber-50 px-3 py-2 font-bold">{t('editor.takenOver', { name: presence.holder.name })}</p>
        )}
      </div>
      {canEdit && presence.mine === false && presence.holder && (
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-amber-600 bg-amber-50 p-3" data-testid="soft-lock">
          <p>{t('editor.editingSince', { name: presence.holder.name, time: time(presence.holder.since) })}</p>
          <Button variant="secondary" onClick={() => void presence.takeOver()}>
            {t('editor.takeOver')}
          </Button>
        </div>
      )}
      {offer && (
        <RestoreOffer
          backup={offer}
          server={story}
          onRestore={() => {
            replaceWith({ ...offer.meta, leadImage: metaRef.current.leadImage, confirmSlugChange: false }, offer.body);
            setOffer(null);
            markChanged();
          }}
          onDiscard={() => {
            void dropBackup(story.id, offer.baseVersion);
            setOffer(null);
          }}
        />
      )}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-label={t('editor.body')} className="overflow-hidden rounded-lg border border-rule bg-white">
          {editor && editable && <EditorToolbar editor={editor} dir={uiDir} onLink={() => setLinkOpen(true)} onHelp={() => setHelpOpen(true)} onImage={onImage} />}
          {uploads.entries.some((entry) => entry.status !== 'done') && (
            <ul aria-live="polite" className="space-y-1 border-b border-rule p-2 text-sm" data-testid="editor-uploads">
              {uploads.entries
                .filter((entry) => entry.status !== 'done')
                .map((entry) => (
                  <li key={entry.key}>
                    {entry.status === 'uploading' ? (
                      <>
                        <span id={`${entry.key}-label`}>{t('media.upload.progress', { name: entry.name })}</span>
                        <progress aria-labelledby={`${entry.key}-label`} className="block h-2 w-full" max={1} value={entry.progress} />
                      </>
                    ) : (
                      <span role="alert" className="font-bold text-accent-ink">
                        {t('media.upload.failed', { name: entry.name, reason: t(entry.error ?? 'media.errors.network') })}
                      </span>
                    )}
                  </li>
                ))}
            </ul>
          )}
          {editor && <SelectionComment editor={editor} onComment={startComment} />}
          <div dir={storyDir} lang={meta.language}>
            <EditorContent editor={editor} />
          </div>
        </section>
        <aside aria-label={t('editor.metadata')} className="space-y-4">
          {panels}
          <WorkflowPanel storyId={story.id} options={workflow} getVersion={currentVersion} unsaved={status !== 'saved' && status !== 'locked'} isLive={story.liveSlug !== null} />
          <Tabs.Root value={sideTab} onValueChange={(value) => setSideTab(value === 'comments' ? 'comments' : 'details')} className="rounded-lg border border-rule bg-white" dir={uiDir}>
            <Tabs.List aria-label={t('editor.sidePanels')} className="flex border-b border-rule">
              <Tabs.Trigger value="details" className="flex-1 px-4 py-2 font-display font-bold data-[state=active]:border-b-2 data-[state=active]:border-accent">
                {t('editor.metadata')}
              </Tabs.Trigger>
              <Tabs.Trigger value="comments" className="flex-1 px-4 py-2 font-display font-bold data-[state=active]:border-b-2 data-[state=active]:border-accent">
                {t('comments.title')} ({review.comments.filter((c) => c.anchor && !c.parentId && !c.resolvedAt && !c.deletedAt).length})
              </Tabs.Trigger>
            </Tabs.List>
            <Tabs.Content value="details" className="p-4" forceMount hidden={sideTab !== 'details'}>
              <h2 className="sr-only">{t('editor.metadata')}</h2>
              <MetadataPanel
                meta={meta}
                onChange={change}
                readOnly={!editable}
                errors={sync.fieldErrors}
                sections={sections}
                authors={authors}
                liveSlug={story.liveSlug}
                canChangeLiveSlug={canChangeLiveSlug}
              />
            </Tabs.Content>
            <Tabs.Content value="comments" className="p-4" forceMount hidden={sideTab !== 'comments'}>
              <h2 className="sr-only">{t('comments.title')}</h2>
              <CommentsPanel
                storyId={story.id}
                comments={review.comments}
                ranges={review.ranges}
                active={review.active}
                onActivate={(id) => setActive(id, true)}
                onChanged={() => void review.refresh()}
                staff={staff}
                draft={draftAnchor}
                onDraftDone={() => setDraftAnchor(null)}
              />
            </Tabs.Content>
          </Tabs.Root>
        </aside>
      </div>
      {editor && <LinkDialog editor={editor} open={linkOpen} onOpenChange={setLinkOpen} />}
      <ShortcutsDialog open={helpOpen} onOpenChange={setHelpOpen} />
      <MediaPicker open={imageOpen} onOpenChange={setImageOpen} onPick={insertFigure} />
      {editor && figureEdit && <FigureDialog editor={editor} attrs={figureEdit} onClose={() => setFigureEdit(null)} />}
      {conflict && <ConflictDialog mine={conflict.mine} theirs={conflict.theirs} onChoose={(choice) => void resolveConflict(choice)} />}
    </div>
  );
}
