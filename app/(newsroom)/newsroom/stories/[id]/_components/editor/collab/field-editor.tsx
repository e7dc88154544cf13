'use client';

import Collaboration from '@tiptap/extension-collaboration';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useRef } from 'react';
import { dominantDirection, type ContentLanguage } from '@/lib/content/direction';
import { fieldExtensions, isLocalChange } from '@/lib/collab/field-schema';
import type { TextField } from '@/lib/collab/fields';
import type { ControlProps } from '@/components/ui/field';
import { collabCarets } from './carets';
import type { Collab } from './use-collab';

type Props = {
  collab: Collab;
  field: TextField;
  control: ControlProps;
  /** The accessible name: the field's visible label. */
  label: string;
  placeholder: string;
  maxLength: number;
  language: ContentLanguage;
  editable: boolean;
  /** Decides the direction while the field is empty (the SEO title reads as the headline it falls back to). */
  emptyDirectionText?: string;
  autoFocus?: boolean;
  className?: string;
  /** This tab's own typing (not a colleague's), with the field's new text. */
  onTyped?: (text: string) => void;
};

/**
 * One text field (kicker, headline…) as a one-line editor on its fragment of
 * the shared document, with colleagues' carets in it. A textbox with the
 * field's label as its name, reading in the direction of its dominant script.
 */
export function FieldEditor({ collab, field, control, label, placeholder, maxLength, language, editable, emptyDirectionText = '', autoFocus = false, className = '', onTyped }: Props) {
  const typed = useRef(onTyped);
  const fallback = useRef(emptyDirectionText);
  const languageRef = useRef(language);
  useEffect(() => {
    typed.current = onTyped;
    fallback.current = emptyDirectionText;
  }, [onTyped, emptyDirectionText]);

  const editor = useEditor(
    {
      extensions: [...fieldExtensions({ maxLength, placeholder }), Collaboration.configure({ document: collab.doc, field }), collabCarets(collab, field)],
      editable: false,
      immediatelyRender: false,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: { id: control.id, role: 'textbox', 'aria-label': label, 'aria-multiline': 'false', 'aria-placeholder': placeholder, class: `field-editor rounded-md border border-rule bg-white px-3 py-2 outline-none focus:border-accent focus:ring-2 focus:ring-accent/30 ${className}` },
      },
      onUpdate: ({ editor: e, transaction }) => {
        e.view.dom.setAttribute('dir', dominantDirection(e.getText() || fallback.current, languageRef.current));
        if (isLocalChange(transaction)) typed.current?.(e.getText());
      },
    },
    // Created once per field: a change of the story's language only changes attributes, below.
    [collab, field],
  );

  useEffect(() => {
    languageRef.current = language;
    editor?.view.dom.setAttribute('lang', language);
    editor?.view.dom.setAttribute('dir', dominantDirection(editor.getText() || emptyDirectionText, language));
  }, [editor, emptyDirectionText, language]);

  useEffect(() => {
    if (!editor) return;
    const dom = editor.view.dom;
    dom.setAttribute('aria-invalid', String(control['aria-invalid']));
    if (control['aria-describedby']) dom.setAttribute('aria-describedby', control['aria-describedby']);
    else dom.removeAttribute('aria-describedby');
    dom.setAttribute('aria-readonly', String(!editable));
  }, [editor, control, editable]);

  // Focused once, when it first becomes editable and is still empty (a new story opens in its headline).
  const focused = useRef(!autoFocus);
  useEffect(() => {
    // Not an edit: toggling editability must not send anything.
    editor?.setEditable(editable, false);
    if (editor && editable && !focused.current) {
      focused.current = true;
      if (editor.isEmpty) editor.commands.focus('end');
    }
  }, [editor, editable]);

  return <EditorContent editor={editor} />;
}
