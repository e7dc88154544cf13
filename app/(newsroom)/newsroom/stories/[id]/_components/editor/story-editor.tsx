'use client';

import { languageDirection } from '@/lib/content/direction';
import { EditorContent } from '@tiptap/react';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState, type ComponentProps } from 'react';
import { MediaPicker } from '@/components/newsroom/media/media-picker';
import { useUploads } from '@/components/newsroom/media/use-uploads';
import { useToast } from '@/components/ui/toaster';
import type { CommentView } from '@/lib/comments/comments';
import type { TextQuoteAnchor } from '@/lib/comments/anchor';
import type { PresenceUser } from '@/lib/collab/presence';
import { serverAllowsEditing, waitingForServer, type CollabStatusStore } from '@/lib/collab/status-store';
import type { FigureAttrs } from '@/lib/content/figure';
import type { MediaItem } from '@/lib/media/library';
import { readOnlyMessage } from '@/lib/stories/rules';
import type { WorkflowOption } from '@/lib/stories/transitions';
import type { StoryDraft } from '@/lib/stories/working-copy';
import type { Mentionable } from '../comments/mention-textarea';
import { SelectionComment } from '../comments/selection-comment';
import { useCommentNavigation } from '../comments/use-comment-navigation';
import { selectionAnchor, useComments } from '../comments/use-comments';
import { WorkflowPanel } from '../workflow/workflow-panel';
import { requestCheckpoint } from './collab/checkpoint';
import { useCollab, type Collab } from './collab/use-collab';
import { useCollabStatus } from './collab/use-collab-status';
import { useFieldText } from './collab/use-field-text';
import { EditorHeader } from './editor-header';
import { EditorNotices, type Notice } from './editor-notices';
import { FigureDialog } from './figure-dialog';
import { LinkDialog } from './link-dialog';
import { ShortcutsDialog } from './shortcuts-dialog';
import { SidePanels, type SideTab } from './side-panels';
import { StoryTextFields } from './story-text-fields';
import { EditorToolbar } from './toolbar';
import { UploadList } from './upload-list';
import { useEditorShortcuts } from './use-editor-shortcuts';
import { useMetaSave } from './use-meta-save';
import { useMissingFields } from './use-missing-fields';
import { useStoryMeta, type StoryMeta } from './use-story-meta';
import { useStoryTiptap, type TiptapHandlers } from './use-story-tiptap';

type Option = { id: string; name: string };

type Props = {
  story: StoryDraft;
  /** The person at this tab, as colleagues see them (the server checks the name against the session). */
  user: PresenceUser;
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
};

/**
 * The story editor. Its text (body and text fields) is a shared document
 * everyone with the story open edits at once (lib/collab/, docs/co-editing.md):
 * nothing to save, lock or conflict on. Its metadata is saved through the form.
 */
export function StoryEditor(props: Props) {
  const { collab, status, ready } = useCollab(props.story.id, props.user);
  const t = useTranslations();
  const readOnlyText = t(props.canEdit ? 'editor.readOnly' : readOnlyMessage(props.story));
  if (!collab) {
    return <EditorHeader story={props.story} editor={null} collab={null} status={status} metaStatus="saved" readOnlyText={readOnlyText} editable={false} onCheckpoint={() => {}} />;
  }
  return <SharedStoryEditor {...props} collab={collab} status={status} ready={ready} readOnlyText={readOnlyText} />;
}

// The co-editing status changes with every keystroke: this page reads only whether the server lets it edit; the
// status line and the workflow panel read the rest themselves (lib/collab/status-store.ts), so typing does not
// re-render the whole page.
function SharedStoryEditor(props: Props & { collab: Collab; status: CollabStatusStore; ready: boolean; readOnlyText: string }) {
  const { story, canEdit, uiDir, collab, status } = props;
  const t = useTranslations();
  const toast = useToast();
  const [linkOpen, setLinkOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [sideTab, setSideTab] = useState<SideTab>('details');
  const [draftAnchor, setDraftAnchor] = useState<TextQuoteAnchor | null>(null);
  const [imageOpen, setImageOpen] = useState(false);
  const [figureEdit, setFigureEdit] = useState<FigureAttrs | null>(null);
  const handlers = useRef<TiptapHandlers>({ dropFiles: () => {}, imagesDropped: (count) => setNotice({ key: 'editor.pasteImagesDropped', values: { count } }) });
  const editor = useStoryTiptap(story, collab, handlers);
  const { meta, metaRef, applyPatch, headlineTyped, onSaved } = useStoryMeta(story);
  const headline = useFieldText(collab, 'headline', story.headline);
  const standfirst = useFieldText(collab, 'standfirst', story.standfirst);
  const { missing, report: reportMissing } = useMissingFields(editor, meta, headline, setSideTab);
  const getMeta = useCallback(() => metaRef.current, [metaRef]);
  const metaSave = useMetaSave({ storyId: story.id, getMeta, onSaved });
  const { markChanged } = metaSave;
  // A save's own field errors (a taken slug) say more than "missing", so they win.
  const fieldErrors = { ...missing, ...metaSave.fieldErrors };

  // A figure carries the library's text at the moment it is inserted; the writer may change it for this story.
  const insertFigure = useCallback(
    (item: MediaItem) => {
      editor?.chain().focus().insertContent({ type: 'figure', attrs: { mediaId: item.id, alt: item.alt, caption: item.caption, credit: item.credit, width: item.width, height: item.height } }).run();
    },
    [editor],
  );
  const uploads = useUploads(insertFigure);
  useEffect(() => {
    handlers.current.dropFiles = (files) => void uploads.upload(files);
  }, [uploads]);
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

  // The server decides: a read-only connection (a writer's story gone to review while open) is read-only here too.
  // Editing starts once a copy of the document that met the server is here, from this device or the socket.
  const allowed = useCollabStatus(status, serverAllowsEditing);
  const editable = canEdit && props.ready && allowed;
  useEffect(() => {
    // Without emitting an update: toggling editability is not an edit.
    editor?.setEditable(editable, false);
  }, [editor, editable]);

  const change = useCallback(
    (patch: Partial<StoryMeta>) => {
      applyPatch(patch);
      markChanged();
    },
    [applyPatch, markChanged],
  );
  const onHeadlineTyped = useCallback((text: string) => headlineTyped(text) && markChanged(), [headlineTyped, markChanged]);

  const checkpoint = useCallback(() => {
    void requestCheckpoint(story.id, collab.doc).then((made) => toast(t(made ? 'collab.checkpointMade' : 'collab.checkpointFailed')));
  }, [story.id, collab.doc, toast, t]);
  const canLink = useCallback(() => !!editor?.isFocused, [editor]);
  // Leaving asks only while a metadata change has not reached the server; the text is kept on this device.
  const unsavedMeta = metaSave.status !== 'saved';
  useEditorShortcuts({ canSave: editable, canLink, unsaved: unsavedMeta, save: checkpoint, openLink: () => setLinkOpen(true), openHelp: () => setHelpOpen(true), comment: startComment });

  useEffect(() => {
    editor?.view.dom.setAttribute('lang', meta.language);
    editor?.view.dom.setAttribute('dir', languageDirection(meta.language));
  }, [editor, meta.language]);

  // The workflow's approval names the version it approves: the page's, refreshed when a step is chosen.
  const storyRef = useRef(story);
  useEffect(() => {
    storyRef.current = story;
  }, [story]);
  const getVersion = useCallback(() => storyRef.current.version, []);

  return (
    <div className="space-y-4">
      <EditorHeader story={story} editor={editor} collab={collab} status={status} metaStatus={metaSave.status} readOnlyText={props.readOnlyText} editable={editable} onCheckpoint={checkpoint} />
      <EditorNotices error={metaSave.error && metaSave.status !== 'saved' ? metaSave.error : null} notice={notice} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-4">
          <StoryTextFields collab={collab} headline={headline} language={meta.language} editable={editable} errors={fieldErrors} onHeadlineTyped={onHeadlineTyped} />
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
          <StoredWorkflowPanel status={status} unsavedMeta={unsavedMeta} storyId={story.id} options={props.workflow} getVersion={getVersion} isLive={story.liveSlug !== null} onMissing={reportMissing} />
          <SidePanels
            tab={sideTab}
            onTab={setSideTab}
            dir={uiDir}
            openComments={review.comments.filter((c) => c.anchor && !c.parentId && !c.resolvedAt && !c.deletedAt).length}
            metadata={{ collab, headline, standfirst, meta, onChange: change, readOnly: !editable, errors: fieldErrors, suggestedSlug: metaSave.suggestedSlug, sections: props.sections, authors: props.authors, liveSlug: story.liveSlug, canChangeLiveSlug: props.canChangeLiveSlug }}
            comments={{ storyId: story.id, comments: review.comments, ranges: review.ranges, active: review.active, onActivate: (id) => setActive(id, true), onChanged: () => void review.refresh(), staff: props.staff, draft: draftAnchor, onDraftDone: () => setDraftAnchor(null) }}
          />
        </aside>
      </div>
      {editor && <LinkDialog editor={editor} open={linkOpen} onOpenChange={setLinkOpen} />}
      <ShortcutsDialog open={helpOpen} onOpenChange={setHelpOpen} />
      <MediaPicker open={imageOpen} onOpenChange={setImageOpen} onPick={insertFigure} />
      {editor && figureEdit && <FigureDialog editor={editor} attrs={figureEdit} onClose={() => setFigureEdit(null)} />}
    </div>
  );
}

/** The workflow panel, whose steps that act on the stored text wait until everything typed here is in the stored working copy. */
function StoredWorkflowPanel({ status, unsavedMeta, ...props }: Omit<ComponentProps<typeof WorkflowPanel>, 'unsaved'> & { status: CollabStatusStore; unsavedMeta: boolean }) {
  const waiting = useCollabStatus(status, waitingForServer);
  return <WorkflowPanel {...props} unsaved={unsavedMeta || waiting} />;
}
