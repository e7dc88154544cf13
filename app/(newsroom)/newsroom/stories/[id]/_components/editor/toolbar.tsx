'use client';

import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import {
  Bold,
  Heading2,
  Heading3,
  Heading4,
  ImagePlus,
  Italic,
  Keyboard,
  Link as LinkIcon,
  List,
  ListOrdered,
  Minus,
  Pilcrow,
  PilcrowLeft,
  PilcrowRight,
  Redo2,
  Strikethrough,
  TextQuote,
  Undo2,
  type LucideIcon,
} from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Toolbar as RadixToolbar } from 'radix-ui';
import { cn } from '@/components/ui/cn';

/** text: a visible word beside the icon, for buttons whose icon alone is not clear. */
type Tool = { key: string; icon: LucideIcon; run: () => void; active?: boolean; mirror?: boolean; shortcut?: string; text?: string };

// Radix Toolbar gives roving focus with arrow keys, in the page's direction.
// Icons that point along the line (lists, quote, undo/redo) are mirrored in
// right-to-left; the direction buttons are not, since they name a direction.
// The direction buttons carry a visible word and an Arabic tooltip. Forcing
// right or left is a state of the block (pressed); "automatic" is not a mode
// but the removal of a forced direction, so it is a plain button.
export function EditorToolbar({ editor, dir, onLink, onHelp, onImage }: { editor: Editor; dir: 'rtl' | 'ltr'; onLink: () => void; onHelp: () => void; onImage: () => void }) {
  const t = useTranslations('editor');
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      strike: e.isActive('strike'),
      link: e.isActive('link'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      h4: e.isActive('heading', { level: 4 }),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
      // The block the cursor is in; cheaper than an attribute-wide isActive on every keystroke.
      dir: e.state.selection.$from.parent.attrs.dir as string | null | undefined,
    }),
  });
  const chain = () => editor.chain().focus();
  const groups: Tool[][] = [
    [
      { key: 'bold', icon: Bold, run: () => chain().toggleBold().run(), active: state.bold, shortcut: 'Ctrl+B' },
      { key: 'italic', icon: Italic, run: () => chain().toggleItalic().run(), active: state.italic, shortcut: 'Ctrl+I' },
      { key: 'strike', icon: Strikethrough, run: () => chain().toggleStrike().run(), active: state.strike },
      { key: 'link', icon: LinkIcon, run: onLink, active: state.link, shortcut: 'Ctrl+K' },
    ],
    [
      { key: 'h2', icon: Heading2, run: () => chain().toggleHeading({ level: 2 }).run(), active: state.h2, shortcut: 'Ctrl+Alt+2' },
      { key: 'h3', icon: Heading3, run: () => chain().toggleHeading({ level: 3 }).run(), active: state.h3, shortcut: 'Ctrl+Alt+3' },
      { key: 'h4', icon: Heading4, run: () => chain().toggleHeading({ level: 4 }).run(), active: state.h4, shortcut: 'Ctrl+Alt+4' },
      { key: 'bulletList', icon: List, run: () => chain().toggleBulletList().run(), active: state.bulletList, mirror: true },
      { key: 'orderedList', icon: ListOrdered, run: () => chain().toggleOrderedList().run(), active: state.orderedList, mirror: true },
      { key: 'blockquote', icon: TextQuote, run: () => chain().toggleBlockquote().run(), active: state.blockquote, mirror: true },
      { key: 'rule', icon: Minus, run: () => chain().setHorizontalRule().run() },
      { key: 'image', icon: ImagePlus, run: onImage },
    ],
    [
      { key: 'rtl', icon: PilcrowLeft, run: () => chain().setTextDirection('rtl').run(), active: state.dir === 'rtl', text: t('rtlShort') },
      { key: 'ltr', icon: PilcrowRight, run: () => chain().setTextDirection('ltr').run(), active: state.dir === 'ltr', text: t('ltrShort') },
      { key: 'autoDir', icon: Pilcrow, run: () => chain().unsetTextDirection().run(), text: t('autoDirShort') },
    ],
    [
      { key: 'undo', icon: Undo2, run: () => chain().undo().run(), mirror: true, shortcut: 'Ctrl+Z' },
      { key: 'redo', icon: Redo2, run: () => chain().redo().run(), mirror: true, shortcut: 'Ctrl+Shift+Z' },
      { key: 'shortcuts', icon: Keyboard, run: onHelp, shortcut: 'Ctrl+/' },
    ],
  ];
  return (
    <RadixToolbar.Root dir={dir} aria-label={t('toolbar')} className="sticky top-0 z-10 flex flex-wrap items-center gap-1 border-b border-rule bg-white p-1.5">
      {groups.map((tools, index) => (
        <div key={index} className="flex items-center gap-0.5 border-e border-rule pe-1 last:border-e-0">
          {tools.map(({ key, icon: Icon, run, active, mirror, shortcut, text }) => (
            <RadixToolbar.Button
              key={key}
              type="button"
              onClick={run}
              aria-label={t(key)}
              aria-pressed={active === undefined ? undefined : active}
              title={shortcut ? `${t(key)} (${shortcut})` : t(text ? `${key}Tip` : key)}
              className={cn('inline-flex h-9 min-w-9 items-center justify-center gap-1 rounded-md hover:bg-black/5 focus-visible:outline-3 focus-visible:outline-accent', text && 'px-2 text-sm', active && 'bg-accent/10 text-accent-ink')}
            >
              <Icon aria-hidden className={cn('size-[18px]', mirror && 'rtl:-scale-x-100')} />
              {text && <span aria-hidden>{text}</span>}
            </RadixToolbar.Button>
          ))}
        </div>
      ))}
    </RadixToolbar.Root>
  );
}
