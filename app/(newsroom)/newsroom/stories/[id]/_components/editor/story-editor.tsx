'use client';

import { languageDirection } from '@/lib/content/direction';
import { EditorContent } from '@tiptap/react';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState } from 'react';
import { MediaPicker } from '@/components/newsroom/media/media-picker';
import { useUploads } from '@/components/newsroom/media/use-uploads';
import type { CommentView } from '@/lib/comments/comments';
import type { TextQuoteAnchor } from '@/lib/comments/anchor';
import { normalizeDoc } from '@/lib/content/document';
import type { FigureAttrs } from '@/lib/content/figure';
import type { MediaItem } from '@/lib/media/library';
import type { WorkflowOption } from '@/lib/stories/transitions';
import type { StoryDraft } from '@/lib/stories/working-copy';
import type { Mentionable } from '../comments/mention-textarea';
import { SelectionComment } from '../comments/selection-comment';
import { useCommentNavigation } from '../comments/use-comment-navigation';
import { selectionAnchor, useComments } from '../comments/use-comments';
import { WorkflowPanel } from '../workflow/workflow-panel';
import { dropBackup, dropBackupsUpTo, writeBackup } from './backup-store';
import { ConflictDialog, type ConflictChoice } from './conflict-dialog';
import { EditorHeader } from './editor-header';
import { EditorNotices, type Notice } from './editor-notices';
import { FigureDialog } from './figure-dialog';
import { LinkDialog } from './link-dialog';
import { RestoreOffer } from './restore-offer';
import { ShortcutsDialog } from './shortcuts-dialog';
import { SidePanels, type SideTab } from './side-panels';
import { StoryTextFields } from './story-text-fields';
import { EditorToolbar } from './toolbar';
import { UploadList } from './upload-list';
import { useBackupOffer } from './use-backup-offer';
import { useEditorShortcuts } from './use-editor-shortcuts';
import { useMissingFields } from './use-missing-fields';
import { usePresence } from './use-presence';
import { useStoryMeta } from './use-story-meta';
import { backupMetaOf, metaOf, useStorySave, type Snapshot, type StoryMeta } from './use-story-save';
import { useStoryTiptap, type TiptapHandlers } from './use-story-tiptap';

type Option = { id: string; name: string };

export function StoryEditor(props: {
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
  const { story, canEdit, uiDir } = props;
  const t = useTranslations();
  const [sessionId] = useState(() => crypto.randomUUID());
  const [linkOpen, setLinkOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [sideTab, setSideTab] = useState<SideTab>('details');
  const [draftAnchor, setDraftAnchor] = useState<TextQuoteAnchor | null>(null);
  const [imageOpen, setImageOpen] = useState(false);
  const [figureEdit, setFigureEdit] = useState<FigureAttrs | null>(null);
  const handlers = useRef<TiptapHandlers>({ changed: () => {}, dropFiles: () => {}, imagesDropped: (count) => setNotice({ key: 'editor.pasteImagesDropped', values: { count } }) });
  const { editor, counts } = useStoryTiptap(story, handlers);
  const { meta, metaRef, applyPatch, replaceWith, onSaved } = useStoryMeta(story, editor);
  const { missing, report: reportMissing } = useMissingFields(editor, meta, setSideTab);

  const getSnapshot = useCallback((): Snapshot | null => (editor ? { meta: metaRef.current, body: normalizeDoc(editor.getJSON()) } : null), [editor, metaRef]);
  const sync = useStorySave({ storyId: story.id, initialVersion: story.version, initiallySavedAt: new Date(story.updatedAt), sessionId, getSnapshot, onSaved });
  const { markChanged, save, setLocked, adoptServerVersion, status, conflict, currentVersion } = sync;
  // A save's own field errors (a taken slug) say more than "missing", so they win.
  const fieldErrors = { ...missing, ...sync.fieldErrors };

  // A figure carries the library's text at the moment it is inserted; the writer may change it for this story.
  const insertFigure = useCallback(
    (item: MediaItem) => {
      editor?.chain().focus().insertContent({ type: 'figure', attrs: { mediaId: item.id, alt: item.alt, caption: item.caption, credit: item.credit, width: item.width, height: item.height } }).run();
    },
    [editor],
  );
  const uploads = useUploads(insertFigure);
  useEffect(() => {
    handlers.current.changed = markChanged;
    handlers.current.dropFiles = (files) => void uploads.upload(files);
  }, [markChanged, uploads]);
  const onImage = useCallback(() => {
    if (editor?.isActive('figure')) setFigureEdit(editor.getAttributes('figure') as FigureAttrs);
    else setImageOpen(true);
  }, [editor]);

  const review = useComments(editor, story.id, props.comments);
  const { setActive } = review;
  useCommentNavigation(editor, setActive, setSideTab);
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

  const [offer, setOffer] = useBackupOffer(editor, story, canEdit, () => setNotice({ key: 'editor.backupsDiscarded' }));

  const change = useCallback(
    (patch: Partial<StoryMeta>) => {
      applyPatch(patch);
      markChanged();
    },
    [applyPatch, markChanged],
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
        setNotice({ key: 'conflict.copied' });
      } else await dropBackupsUpTo(story.id, Number.MAX_SAFE_INTEGER);
      replaceWith(metaOf(theirs), theirs.body);
      adoptServerVersion(theirs);
    },
    [conflict, save, getSnapshot, story.id, currentVersion, replaceWith, adoptServerVersion],
  );

  const canLink = useCallback(() => !!editor?.isFocused, [editor]);
  const saveNow = useCallback(() => void save('save'), [save]);
  useEditorShortcuts({ canSave: editable, canLink, unsaved: status !== 'saved' && status !== 'locked', save: saveNow, openLink: () => setLinkOpen(true), openHelp: () => setHelpOpen(true), comment: startComment });

  useEffect(() => {
    editor?.view.dom.setAttribute('lang', meta.language);
    editor?.view.dom.setAttribute('dir', languageDirection(meta.language));
  }, [editor, meta.language]);

  return (
    <div className="space-y-4">
      <EditorHeader story={story} counts={counts} status={status} savedAt={sync.savedAt} lockedBy={sync.lockedBy ?? presence.holder?.name ?? ''} canEdit={canEdit} editable={editable} onSave={saveNow} />
      <EditorNotices error={sync.error && status !== 'saved' ? sync.error : null} notice={notice} canEdit={canEdit} presence={presence} />
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
        <div className="min-w-0 space-y-4">
          <StoryTextFields meta={meta} onChange={change} readOnly={!editable} errors={fieldErrors} />
          <section aria-label={t('editor.body')} className="overflow-hidden rounded-lg border border-rule bg-white">
            {editor && editable && <EditorToolbar editor={editor} dir={uiDir} onLink={() => setLinkOpen(true)} onHelp={() => setHelpOpen(true)} onImage={onImage} />}
            <UploadList entries={uploads.entries} />
            {editor && <SelectionComment editor={editor} onComment={startComment} />}
            <div dir={languageDirection(meta.language)} lang={meta.language}>
              <EditorContent editor={editor} />
            </div>
            {missing.body && (
              <p id="body-error" className="border-t border-rule px-4 py-2 text-sm font-bold text-accent-ink">
                {t(missing.body)}
              </p>
            )}
          </section>
        </div>
        <aside aria-label={t('editor.metadata')} className="space-y-4">
          {props.panels}
          <WorkflowPanel storyId={story.id} options={props.workflow} getVersion={currentVersion} unsaved={status !== 'saved' && status !== 'locked'} isLive={story.liveSlug !== null} onMissing={reportMissing} />
          <SidePanels
            tab={sideTab}
            onTab={setSideTab}
            dir={uiDir}
            openComments={review.comments.filter((c) => c.anchor && !c.parentId && !c.resolvedAt && !c.deletedAt).length}
            metadata={{ meta, onChange: change, readOnly: !editable, errors: fieldErrors, suggestedSlug: sync.suggestedSlug, sections: props.sections, authors: props.authors, liveSlug: story.liveSlug, canChangeLiveSlug: props.canChangeLiveSlug }}
            comments={{ storyId: story.id, comments: review.comments, ranges: review.ranges, active: review.active, onActivate: (id) => setActive(id, true), onChanged: () => void review.refresh(), staff: props.staff, draft: draftAnchor, onDraftDone: () => setDraftAnchor(null) }}
          />
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
